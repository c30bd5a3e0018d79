package org.haolin.rota;

import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.rota.internal.MyShiftsQueries;
import org.haolin.workforce.Workforce;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "My shifts": the signed-in person's own shifts in published rotas, found through the workforce person their
 * account is linked to in each town they hold a role in. Nobody reaches anyone else's shift here: another
 * person's shift is "not found", exactly like one that does not exist.
 */
@Service
public class MyShifts {

    /** How far back the page still shows shifts (to see what was done, and hours just worked). */
    static final int RECENT_DAYS = 7;

    private final Workforce workforce;
    private final MyShiftsQueries queries;
    private final Hours hours;
    private final Clock clock;

    MyShifts(Workforce workforce, MyShiftsQueries queries, Hours hours, Clock clock) {
        this.workforce = workforce;
        this.queries = queries;
        this.hours = hours;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MyShiftList mine(HaolinUser user) {
        Map<Long, Long> persons = personsOf(user);
        if (persons.isEmpty()) {
            return new MyShiftList(false, List.of(), List.of(), List.of(), 0);
        }
        LocalDate today = today();
        List<MyShift> shifts = queries.from(persons, today.minusDays(RECENT_DAYS));
        return new MyShiftList(true, shifts.stream().filter(s -> s.day().equals(today)).toList(),
                shifts.stream().filter(s -> s.day().isAfter(today)).toList(),
                shifts.stream().filter(s -> s.day().isBefore(today)).toList().reversed(),
                hours.startedMinutesOf(persons));
    }

    /** One of the person's own shifts; anyone else's is not found. */
    @Transactional(readOnly = true)
    public MyShift shift(HaolinUser user, long shiftId) {
        return queries.one(personsOf(user), shiftId)
                .orElseThrow(() -> DomainException.notFound("myshifts.notFound", shiftId));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The workforce person (by town) the account is linked to, in each town the person holds a role in. */
    Map<Long, Long> personsOf(HaolinUser user) {
        Map<Long, Long> persons = new LinkedHashMap<>();
        if (user == null) {
            return persons;
        }
        user.grants().stream().map(Grant::townId).distinct()
                .forEach(town -> workforce.personOf(town, user.accountId()).ifPresent(p -> persons.put(town, p)));
        return persons;
    }
}
