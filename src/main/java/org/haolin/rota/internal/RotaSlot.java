package org.haolin.rota.internal;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * One slot of one day (the planning entity): a post's slot, filled by one of the post's members, or a worker's
 * seat, filled by its holder or a cadre whose rank may cover theirs. Nobody may be the answer: an impossible
 * demand then shows as a hole the rules report, instead of the solve failing.
 */
@PlanningEntity
public class RotaSlot {

    @PlanningId
    private String id;
    private Long shiftId;
    private LocalDate day;
    private int dayIndex;
    private LocalDate weekStart;
    private SlotKind kind;
    private Long postId;
    private int slotNo;
    private RotaPerson seatHolder;
    private String label;
    private LocalTime start;
    private LocalTime end;
    private List<RotaPerson> eligible;
    private Set<RotaPerson> eligibleSet;

    @PlanningVariable(valueRangeProviderRefs = "eligible", allowsUnassigned = true)
    private RotaPerson person;

    public RotaSlot() {
        // for the solver's cloning
    }

    RotaSlot(Long shiftId, LocalDate firstDay, LocalDate day, SlotKind kind, Long postId, int slotNo,
             RotaPerson seatHolder, String label, LocalTime start, LocalTime end, List<RotaPerson> eligible) {
        this.shiftId = shiftId;
        this.day = day;
        this.dayIndex = (int) (day.toEpochDay() - firstDay.toEpochDay());
        this.weekStart = firstDay.plusDays(dayIndex / 7 * 7L);
        this.kind = kind;
        this.postId = postId;
        this.slotNo = slotNo;
        this.seatHolder = seatHolder;
        this.label = label;
        this.start = start;
        this.end = end;
        this.eligible = List.copyOf(eligible);
        this.eligibleSet = Set.copyOf(eligible);
        this.id = day + "/" + kind + "/" + (kind == SlotKind.POST ? postId : seatHolder.id()) + "/" + slotNo;
    }

    /** The id the slot of a row gets: day, kind, post or holder, slot number. */
    static String idOf(ShiftRow row) {
        return row.day() + "/" + row.kind() + "/" + (row.kind() == SlotKind.POST ? row.postId() : row.seatPersonId())
                + "/" + row.slotNo();
    }

    @ValueRangeProvider(id = "eligible")
    public List<RotaPerson> getEligible() {
        return eligible;
    }

    public RotaPerson getPerson() {
        return person;
    }

    public void setPerson(RotaPerson person) {
        this.person = person;
    }

    public boolean mayBeFilledBy(RotaPerson candidate) {
        return eligibleSet.contains(candidate);
    }

    /** A seat filled by someone other than its holder. */
    public boolean substituted() {
        return kind == SlotKind.SEAT && person != null && !person.equals(seatHolder);
    }

    public int minutes() {
        return (int) java.time.Duration.between(start, end).toMinutes();
    }

    public int startMinute() {
        return start.toSecondOfDay() / 60;
    }

    public int endMinute() {
        return end.toSecondOfDay() / 60;
    }

    /** How the slot is named in a problem: the compound and post, or whose seat it is. */
    public Breach uncovered() {
        return kind == SlotKind.POST ? Breach.of("rota.rule.uncovered.post", label, day, slotNo)
                : Breach.of("rota.rule.uncovered.seat", seatHolder.name(), seatHolder.rankKey(), day);
    }

    public String id() {
        return id;
    }

    public Long shiftId() {
        return shiftId;
    }

    public LocalDate day() {
        return day;
    }

    public int dayIndex() {
        return dayIndex;
    }

    public LocalDate weekStart() {
        return weekStart;
    }

    public SlotKind kind() {
        return kind;
    }

    public Long postId() {
        return postId;
    }

    public int slotNo() {
        return slotNo;
    }

    public RotaPerson seatHolder() {
        return seatHolder;
    }

    public String label() {
        return label;
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }

    @Override
    public String toString() {
        return id + "=" + person;
    }
}
