package org.haolin.demo.internal;

import org.haolin.resident.MainlandIdNumber;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic identity documents and phones, unique within one generated town (as the registry requires:
 * one resident per ID number per town). ID numbers carry a real region code, the birth date and a sequence
 * whose parity gives the sex, and a valid GB 11643 check character.
 */
final class IdentityGenerator {

    /** Shanghai districts other than Fengxian, for locals registered elsewhere in the city. */
    private static final List<String> SHANGHAI = List.of("310101", "310104", "310105", "310106", "310107",
            "310109", "310110", "310112", "310113", "310114", "310115", "310116", "310117", "310118", "310151");
    /** Counties many of Fengxian's migrant workers come from (Anhui, Henan, Jiangsu, Sichuan, Jiangxi, ...). */
    private static final Weighted<String> MIGRANT_REGIONS = Weighted.parse("""
            341221:6 342201:5 340822:4 341225:4 411525:5 412726:4 411527:3 320923:4 320721:3 321323:2
            511321:4 510922:2 513030:2 362329:3 362330:2 421127:3 420983:2 372922:2 370983:1 522427:2 431023:1
            450881:1 612526:1 230231:1""");
    private static final String MOBILE_PREFIXES = "139 138 137 136 135 134 159 158 157 152 151 150 188 187 183 182 "
            + "178 130 131 132 155 156 185 186 176 166 133 153 180 181 189 177 173 199 191 198 195";

    private final SplittableRandom rng;
    private final String homeRegion;
    private final Set<Long> idNumbers = new HashSet<>();
    private final Set<Long> phones = new HashSet<>();
    private final Set<String> documents = new HashSet<>();
    private final String[] prefixes = MOBILE_PREFIXES.split(" ");

    IdentityGenerator(SplittableRandom rng, String homeRegion) {
        this.rng = rng;
        this.homeRegion = homeRegion;
    }

    /** The region on a resident's ID: mostly the home district, some elsewhere in Shanghai, migrants by origin. */
    String region(boolean migrant, LocalDate birthDate) {
        if (migrant) {
            return MIGRANT_REGIONS.draw(rng);
        }
        int roll = rng.nextInt(100);
        if (roll < 12 && birthDate.getYear() < 2001 && "310120".equals(homeRegion)) {
            return "310226"; // Fengxian county's code before it became a district; older cards still carry it
        }
        return roll < 78 ? homeRegion : SHANGHAI.get(rng.nextInt(SHANGHAI.size()));
    }

    String mainlandId(String region, LocalDate birthDate, char sex) {
        for (int attempt = 0; ; attempt++) {
            int sequence = rng.nextInt(500) * 2 + (sex == 'M' ? 1 : 0);
            String number = MainlandIdNumber.compose(region, birthDate, sequence);
            if (idNumbers.add(Long.parseLong(number.substring(0, 17)))) {
                return number;
            }
            if (attempt > 2000) {
                throw new IllegalStateException("no free ID number for " + region + " " + birthDate);
            }
        }
    }

    /** A mobile number, or null for those who have none (small children, some of the very old). */
    String phone(int age) {
        int chance = age < 12 ? 0 : age < 18 ? 60 : age < 70 ? 98 : age < 80 ? 80 : 50;
        if (rng.nextInt(100) >= chance) {
            return null;
        }
        while (true) {
            String number = prefixes[rng.nextInt(prefixes.length)] + String.format("%08d", rng.nextInt(100_000_000));
            if (phones.add(Long.parseLong(number))) {
                return number;
            }
        }
    }

    /** A foreign passport number, e.g. a Korean "M12345678" or a Japanese "TK1234567". */
    String passport() {
        return unique(() -> rng.nextBoolean()
                ? "M" + digits(8)
                : "T" + (char) ('A' + rng.nextInt(26)) + digits(7));
    }

    /** Mainland travel permit for Hong Kong (H) and Macau (M) residents. */
    String hongKongMacauPermit() {
        return unique(() -> (rng.nextInt(5) == 0 ? "M" : "H") + digits(8));
    }

    /** Mainland travel permit for Taiwan residents: eight digits. */
    String taiwanPermit() {
        return unique(() -> digits(8));
    }

    private String unique(java.util.function.Supplier<String> next) {
        while (true) {
            String value = next.get();
            if (documents.add(value)) {
                return value;
            }
        }
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + rng.nextInt(10)));
        }
        return s.toString();
    }
}
