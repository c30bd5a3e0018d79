package org.haolin.demo.internal;

import org.haolin.demo.internal.Family.Kind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Tags in the proportions a town like Haiwan reported: per 20,000 residents 411 in the nine hardship
 * categories (the 80-and-over living alone the largest group, minimum living allowance next, orphans very
 * few), a few hundred key-group tags, occupations and statuses. A person gets at most one tag per group.
 */
final class TagAssigner {

    static final int BASE_RESIDENTS = 20_000;
    static final String ELDEST_ALONE = "ELDERLY_80_LIVING_ALONE";

    private enum Group { HARDSHIP, KEY_GROUP, CARE, OCCUPATION, STATUS, HISTORY }

    /** How a tag's period is drawn: days back for the start, days of validity (0: open), ended or not. */
    private record Timing(int minDaysAgo, int maxDaysAgo, int validDays, boolean ended) {
    }

    private static final Timing LONG_STANDING = new Timing(90, 1500, 0, false);
    private static final Timing RECENT = new Timing(1, 20, 0, false);
    private static final Timing MONITORING = new Timing(1, 10, 14, false);
    private static final Timing CLOSED = new Timing(30, 90, 14, true);

    /** quota per 20,000 residents; -1 tags everyone eligible. */
    private record Rule(String code, Group group, int quota, Timing timing, Predicate<Candidate> eligible) {
    }

    private record Candidate(Person person, Family family, int age, Set<String> tags) {
        boolean ageIn(int low, int high) {
            return age >= low && age <= high;
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(ELDEST_ALONE, Group.HARDSHIP, -1, LONG_STANDING, c -> c.age >= 80 && c.family.kind == Kind.ELDER_ALONE),
            new Rule("SCATTERED_ORPHAN", Group.HARDSHIP, 3, LONG_STANDING, c -> c.age < 18),
            new Rule("NEEDY_PREGNANT_WOMAN", Group.HARDSHIP, 8, RECENT, c -> c.person.sex == 'F' && c.ageIn(22, 38)),
            new Rule("CHILD_IN_DIFFICULTY", Group.HARDSHIP, 17, LONG_STANDING, c -> c.age < 18),
            new Rule("DISPERSED_EXTREMELY_POOR", Group.HARDSHIP, 24, LONG_STANDING, c -> c.age >= 60 && !c.person.migrant
                    && (c.family.kind == Kind.ELDER_ALONE || c.family.kind == Kind.ELDER_COUPLE)),
            new Rule("MIGRANT_WORKER_IN_HARDSHIP", Group.HARDSHIP, 30, LONG_STANDING, c -> c.person.migrant && c.ageIn(18, 59)),
            new Rule("ILLNESS_CAUSED_POVERTY", Group.HARDSHIP, 38, LONG_STANDING, c -> !c.person.migrant && c.ageIn(30, 79)),
            new Rule("SEVERELY_DISABLED_NO_WORK", Group.HARDSHIP, 45, LONG_STANDING, c -> !c.person.migrant && c.ageIn(18, 59)),
            new Rule("MINIMUM_LIVING_ALLOWANCE", Group.HARDSHIP, 96, LONG_STANDING, c -> !c.person.migrant && c.age >= 18),
            new Rule("DISCHARGED_FROM_HOSPITAL", Group.KEY_GROUP, 25, RECENT, c -> c.age >= 50),
            new Rule("RETURNED_FROM_MEDICAL_VISIT", Group.KEY_GROUP, 30, RECENT, c -> c.age >= 50),
            new Rule("RETURNED_FROM_SUPPORT_WORK", Group.KEY_GROUP, 12, RECENT, c -> c.ageIn(22, 55)),
            new Rule("OUT_OF_CABIN_HOSPITAL", Group.KEY_GROUP, 35, MONITORING, c -> c.ageIn(12, 75)),
            new Rule("OUT_OF_CENTRAL_QUARANTINE", Group.KEY_GROUP, 60, MONITORING, c -> true),
            new Rule("RECOVERED_POSITIVE", Group.KEY_GROUP, 45, MONITORING, c -> true),
            new Rule("MOBILE_WORKER", Group.KEY_GROUP, 85, RECENT, c -> c.ageIn(20, 50)),
            new Rule("RECENTLY_VACCINATED", Group.KEY_GROUP, 70, MONITORING, c -> c.age >= 3),
            new Rule("NEEDS_DOOR_TO_DOOR_TESTING", Group.CARE, 90, LONG_STANDING, c -> c.age >= 85
                    || c.tags.contains(ELDEST_ALONE) || c.tags.contains("SEVERELY_DISABLED_NO_WORK")),
            new Rule("POLICE", Group.OCCUPATION, 35, LONG_STANDING, c -> c.ageIn(22, 58)),
            new Rule("MEDICAL_STAFF", Group.OCCUPATION, 110, LONG_STANDING, c -> c.ageIn(22, 60)),
            new Rule("VOLUNTEER", Group.OCCUPATION, 420, LONG_STANDING, c -> c.ageIn(18, 70)),
            new Rule("WORKING_OUTSIDE", Group.STATUS, 500, RECENT, c -> c.ageIn(20, 58)),
            new Rule("OUT_OF_CENTRAL_QUARANTINE", Group.HISTORY, 60, CLOSED, c -> true));

    private final SplittableRandom rng;
    private final LocalDate today;
    private final OffsetDateTime now;

    TagAssigner(SplittableRandom rng, OffsetDateTime now) {
        this.rng = rng;
        this.now = now;
        this.today = now.toLocalDate();
    }

    static int scaled(int per20k, int residents) {
        return (int) Math.round(per20k * (double) residents / BASE_RESIDENTS);
    }

    List<PlannedTag> assign(List<Family> families, List<Person> people) {
        List<Candidate> candidates = new ArrayList<>(people.size());
        for (Person p : people) {
            candidates.add(new Candidate(p, families.get(p.household), p.age(today), new HashSet<>()));
        }
        List<PlannedTag> tags = new ArrayList<>();
        List<Set<Group>> groups = new ArrayList<>(people.size());
        candidates.forEach(c -> groups.add(new HashSet<>()));
        for (Rule rule : RULES) {
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                if (c.person.livingHere() && !groups.get(i).contains(rule.group) && rule.eligible.test(c)) {
                    eligible.add(i);
                }
            }
            int quota = rule.quota < 0 ? eligible.size() : scaled(rule.quota, people.size());
            for (int pick : Sampling.pick(rng, eligible.size(), quota)) {
                int i = eligible.get(pick);
                groups.get(i).add(rule.group);
                candidates.get(i).tags.add(rule.code);
                tags.add(tag(i, rule.code, rule.timing));
            }
        }
        leftTheCity(people, tags);
        return tags;
    }

    /** Everyone recorded as having left is on the "left the city" list from the day they went. */
    private void leftTheCity(List<Person> people, List<PlannedTag> tags) {
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).status == org.haolin.resident.ResidenceStatus.LEFT) {
                tags.add(tag(i, "LEFT_THE_CITY", new Timing(10, 120, 0, false)));
            }
        }
    }

    private PlannedTag tag(int resident, String code, Timing timing) {
        int daysAgo = timing.minDaysAgo + rng.nextInt(timing.maxDaysAgo - timing.minDaysAgo + 1);
        OffsetDateTime from = now.minusDays(daysAgo).minusMinutes(rng.nextInt(600));
        OffsetDateTime to = timing.validDays == 0 ? null : from.plusDays(timing.validDays);
        return new PlannedTag(resident, code, from, to, timing.ended);
    }
}
