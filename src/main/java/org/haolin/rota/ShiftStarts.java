package org.haolin.rota;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.workforce.ProtectionItem;
import org.haolin.workforce.ProtectionStandard;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static haolin.schema.Tables.SHIFT_START;

/**
 * The start of a shift: its person confirms every item of the protection standard (防护标准), on the shift's day.
 * The page sends a key it made when drawn, so a retried tap records once; a shift already started stays as it was.
 */
@Service
public class ShiftStarts {

    private final MyShifts myShifts;
    private final ProtectionStandard standard;
    private final AuditTrail audit;
    private final DSLContext db;
    private final Clock clock;

    ShiftStarts(MyShifts myShifts, ProtectionStandard standard, AuditTrail audit, DSLContext db, Clock clock) {
        this.myShifts = myShifts;
        this.standard = standard;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    public List<ProtectionItem> checklist() {
        return standard.items();
    }

    /** Confirms the checklist for one of the person's own shifts today; returns the shift as it now stands. */
    @Transactional
    public MyShift start(HaolinUser user, long shiftId, Collection<String> ticked, String clientId, Locale locale) {
        MyShift shift = myShifts.shift(user, shiftId);
        if (shift.started()) {
            return shift;
        }
        if (!shift.day().equals(myShifts.today())) {
            throw DomainException.invalid("shift.start.notToday", shift.day().toString());
        }
        List<ProtectionItem> items = standard.items();
        Set<String> confirmed = ticked == null ? Set.of() : Set.copyOf(ticked);
        String missing = items.stream().filter(i -> !confirmed.contains(i.code())).map(i -> i.name(locale))
                .collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "、" : "; "));
        if (!missing.isEmpty()) {
            throw DomainException.invalid("shift.start.missing", missing);
        }
        record(user, shift, items, key(clientId));
        return myShifts.shift(user, shiftId);
    }

    private void record(HaolinUser user, MyShift shift, List<ProtectionItem> items, UUID clientId) {
        int inserted = db.insertInto(SHIFT_START)
                .set(SHIFT_START.SHIFT_ID, shift.shiftId()).set(SHIFT_START.TOWN_ID, shift.townId())
                .set(SHIFT_START.AREA_ID, shift.areaId()).set(SHIFT_START.AREA_PATH, shift.areaPath())
                .set(SHIFT_START.PERSON_ID, shift.personId())
                .set(SHIFT_START.CONFIRMED_ITEMS, items.stream().map(ProtectionItem::code).toArray(String[]::new))
                .set(SHIFT_START.CLIENT_ID, clientId).set(SHIFT_START.CONFIRMED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            audit.record(user, AuditAction.SHIFT, AuditedObject.of("SHIFT", shift.shiftId(), shift.townId(),
                    shift.areaPath()), "protection confirmed");
        } else if (!db.fetchExists(SHIFT_START, SHIFT_START.SHIFT_ID.eq(shift.shiftId()))) {
            // the key was already used for another shift: the page was not drawn for this one
            throw DomainException.conflict("shift.start.keyUsed");
        }
    }

    private static UUID key(String clientId) {
        try {
            return UUID.fromString(clientId == null ? "" : clientId.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("shift.start.noKey");
        }
    }
}
