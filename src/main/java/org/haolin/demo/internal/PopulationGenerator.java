package org.haolin.demo.internal;

import org.haolin.demo.internal.Family.Kind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Households of one to five people with consistent ages (couples of similar age, children born when the
 * mother was 23-33, grandparents a generation older), in the proportions of a Shanghai suburban town:
 * many elderly couples and elderly living alone, young migrant workers alone or as couples.
 */
final class PopulationGenerator {

    private static final Weighted<Integer> SIZES = Weighted.of(List.of(1, 2, 3, 4, 5), 22, 33, 25, 12, 8);

    private final SplittableRandom rng;
    private final NameGenerator names;
    private final LocalDate today;

    PopulationGenerator(SplittableRandom rng, NameGenerator names, LocalDate today) {
        this.rng = rng;
        this.names = names;
        this.today = today;
    }

    /** Exactly {@code residents} people; {@code eldestAlone} of those living alone are 80 or older. */
    List<Family> families(int residents, int eldestAlone) {
        List<Family> families = new ArrayList<>(residents / 2);
        int people = 0;
        while (people < residents) {
            int size = Math.min(SIZES.draw(rng), residents - people);
            Family family = family(families.size(), size);
            families.add(family);
            people += family.members.size();
        }
        makeEldest(families, eldestAlone);
        return families;
    }

    private Family family(int index, int size) {
        Kind kind = kind(size);
        Family f = new Family(index, kind, rng.nextInt(100) < migrantShare(kind));
        String surname = names.surname(f.migrant);
        switch (kind) {
            case ELDER_ALONE -> add(f, surname, rng.nextInt(100) < 64 ? 'F' : 'M', between(62, 79), true);
            case ADULT_ALONE -> add(f, surname, rng.nextInt(100) < 58 ? 'M' : 'F', 20 + skewed(40, 1.3), true);
            case ELDER_COUPLE -> couple(f, surname, elderAge());
            case COUPLE -> couple(f, surname, between(24, 59));
            case PARENT_AND_CHILD -> {
                int parent = between(35, 66);
                add(f, surname, rng.nextInt(100) < 60 ? 'F' : 'M', parent, true);
                add(f, surname, sex(), Math.max(0, parent - between(22, 34)), true);
            }
            case PARENTS_AND_CHILDREN -> {
                int mother = couple(f, surname, between(27, 56));
                int child = Math.max(0, mother - between(23, 33));
                add(f, surname, sex(), child, true);
                if (size == 4) {
                    add(f, surname, sex(), Math.max(0, child - between(2, 8)), true);
                }
            }
            case THREE_GENERATIONS -> threeGenerations(f, surname, size);
        }
        return f;
    }

    private void threeGenerations(Family f, String surname, int size) {
        int father = between(30, 50);
        int grandparent = Math.min(96, father + between(24, 32));
        if (size == 5) {
            couple(f, surname, grandparent);
        } else {
            add(f, surname, rng.nextInt(100) < 65 ? 'F' : 'M', grandparent, false);
        }
        int mother = size == 3 ? father : couple(f, surname, father);
        if (size == 3) {
            add(f, surname, sex(), father, true);
        }
        add(f, surname, sex(), Math.max(0, mother - between(23, 33)), true);
    }

    /** Husband with the family surname, wife with her own; returns the wife's age. */
    private int couple(Family f, String surname, int husbandAge) {
        int wifeAge = Math.max(20, husbandAge - between(0, 5));
        add(f, surname, 'M', husbandAge, true);
        add(f, names.surname(f.migrant), 'F', wifeAge, false);
        return wifeAge;
    }

    private void add(Family f, String familySurname, char sex, int age, boolean ownSurnameIsFamilys) {
        String surname = ownSurnameIsFamilys || sex == 'M' ? familySurname : names.surname(f.migrant);
        Person p = new Person(f.index, sex, f.migrant, birthDate(age));
        p.name = names.fullName(surname, sex, p.birthDate.getYear());
        f.members.add(p);
    }

    /** Turns some elderly living alone into the 80-and-over living alone that the hardship list counts. */
    private void makeEldest(List<Family> families, int count) {
        List<Family> alone = families.stream().filter(f -> f.kind == Kind.ELDER_ALONE).toList();
        for (int i : Sampling.pick(rng, alone.size(), count)) {
            Person p = alone.get(i).members.getFirst();
            p.birthDate = birthDate(80 + skewed(18, 1.4));
            p.name = names.fullName(p.name.substring(0, 1), p.sex, p.birthDate.getYear());
        }
    }

    private Kind kind(int size) {
        int roll = rng.nextInt(100);
        return switch (size) {
            case 1 -> roll < 55 ? Kind.ELDER_ALONE : Kind.ADULT_ALONE;
            case 2 -> roll < 60 ? Kind.ELDER_COUPLE : roll < 85 ? Kind.COUPLE : Kind.PARENT_AND_CHILD;
            case 3 -> roll < 85 ? Kind.PARENTS_AND_CHILDREN : Kind.THREE_GENERATIONS;
            case 4 -> roll < 50 ? Kind.PARENTS_AND_CHILDREN : Kind.THREE_GENERATIONS;
            default -> Kind.THREE_GENERATIONS;
        };
    }

    private static int migrantShare(Kind kind) {
        return switch (kind) {
            case ELDER_ALONE -> 3;
            case ELDER_COUPLE -> 4;
            case ADULT_ALONE -> 55;
            case COUPLE -> 40;
            case PARENT_AND_CHILD -> 20;
            case PARENTS_AND_CHILDREN -> 30;
            case THREE_GENERATIONS -> 10;
        };
    }

    private int elderAge() {
        return 60 + skewed(33, 1.5);
    }

    private LocalDate birthDate(int age) {
        return today.minusYears(age).minusDays(rng.nextInt(365));
    }

    private char sex() {
        return rng.nextBoolean() ? 'M' : 'F';
    }

    private int between(int low, int high) {
        return low + rng.nextInt(high - low + 1);
    }

    /** 0..range-1, more often low: u^power pushes the draw toward zero. */
    private int skewed(int range, double power) {
        return (int) (range * Math.pow(rng.nextDouble(), power));
    }
}
