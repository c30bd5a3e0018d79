package org.haolin.demo.internal;

import org.haolin.resident.IdType;
import org.haolin.resident.ResidenceStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a whole synthetic town from a seed, with no database: the same spec always yields the same
 * town. Families first, then a layout big enough for them, flats handed out at random (about one in ten
 * stays empty), then documents, residence statuses and tags.
 */
final class TownGenerator {

    private static final List<String> FOREIGN_NAMES = List.of("KIM MINJUN", "LEE SEOYEON", "PARK JIHOON",
            "CHOI YUNA", "TANAKA HIROSHI", "SATO YUKI", "SUZUKI KENTA", "NGUYEN VAN AN", "TRAN THI MAI",
            "SMITH DAVID", "MUELLER ANNA", "GARCIA LUIS");
    private static final List<String> ELDER_NOTES = List.of("子女在市区，每周探望", "听力不好，敲门请大声",
            "行动不便，需上门服务", "有慢性病，需定期配药", "钥匙放在对门邻居处");

    private TownGenerator() {
    }

    static GeneratedTown generate(TownSpec spec) {
        SplittableRandom rng = new SplittableRandom(spec.seed());
        LocalDate today = spec.now().toLocalDate();
        NameGenerator names = new NameGenerator(rng.split());
        List<Family> families = new PopulationGenerator(rng.split(), names, today)
                .families(spec.residents(), TagAssigner.scaled(150, spec.residents()));
        TownLayout.Plan plan = new TownLayout(rng.split(), new PlaceNames(rng.split()))
                .plan(spec.residents(), families.size(), spec.code());
        List<Room> households = occupy(rng.split(), plan.rooms(), families.size());
        List<Person> people = families.stream().flatMap(f -> f.members.stream()).toList();
        documents(rng.split(), spec.homeRegion(), families, today);
        statuses(rng.split(), families, today);
        List<PlannedTag> tags = new TagAssigner(rng.split(), spec.now()).assign(families, people);
        return new GeneratedTown(spec, plan.areas(), households, people, tags);
    }

    /** Which flats are lived in, family by family, spread over the whole town. */
    private static List<Room> occupy(SplittableRandom rng, List<Room> rooms, int families) {
        int[] taken = Sampling.pick(rng, rooms.size(), families);
        List<Integer> order = new ArrayList<>();
        for (int i : taken) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(rng.nextLong()));
        return order.stream().map(rooms::get).toList();
    }

    private static void documents(SplittableRandom rng, String homeRegion, List<Family> families, LocalDate today) {
        IdentityGenerator ids = new IdentityGenerator(rng, homeRegion);
        for (Family family : families) {
            String familyRegion = family.migrant ? ids.region(true, today) : null;
            boolean foreign = family.members.size() <= 2 && rng.nextInt(1000) < 6;
            for (Person p : family.members) {
                int age = p.age(today);
                p.phone = ids.phone(age);
                if (foreign && age >= 20) {
                    foreignDocument(rng, ids, p);
                } else {
                    String region = familyRegion != null ? familyRegion : ids.region(false, p.birthDate);
                    p.idNumber = ids.mainlandId(region, p.birthDate, p.sex);
                }
            }
        }
    }

    /** Passports for foreign workers, travel permits for Hong Kong, Macau and Taiwan residents. */
    private static void foreignDocument(SplittableRandom rng, IdentityGenerator ids, Person p) {
        int roll = rng.nextInt(6);
        if (roll < 3) {
            p.idType = IdType.PASSPORT;
            p.idNumber = ids.passport();
            p.name = FOREIGN_NAMES.get(rng.nextInt(FOREIGN_NAMES.size()));
        } else if (roll < 5) {
            p.idType = IdType.HK_MACAU_PERMIT;
            p.idNumber = ids.hongKongMacauPermit();
        } else {
            p.idType = IdType.TAIWAN_PERMIT;
            p.idNumber = ids.taiwanPermit();
        }
    }

    /**
     * Most live here. Some migrant families went home (left); some people are away for a while or moved
     * out. The very old living alone stay: they are the ones the hardship list looks after at home.
     */
    private static void statuses(SplittableRandom rng, List<Family> families, LocalDate today) {
        for (Family family : families) {
            if (family.migrant && rng.nextInt(100) < 7) {
                family.members.forEach(p -> p.status = ResidenceStatus.LEFT);
                continue;
            }
            for (Person p : family.members) {
                int age = p.age(today);
                if (family.kind == Family.Kind.ELDER_ALONE && age >= 80) {
                    p.notes = rng.nextInt(100) < 40 ? ELDER_NOTES.get(rng.nextInt(ELDER_NOTES.size())) : null;
                    continue;
                }
                int roll = rng.nextInt(1000);
                p.status = roll < 40 ? ResidenceStatus.AWAY : roll < 45 ? ResidenceStatus.MOVED_OUT
                        : roll < 48 ? ResidenceStatus.LEFT : ResidenceStatus.LIVING_HERE;
            }
        }
    }
}
