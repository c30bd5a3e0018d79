package org.haolin.resident;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A mainland resident ID number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * whose last digit is odd for men, and a check character (ISO 7064 MOD 11-2, X for 10).
 */
public record MainlandIdNumber(String value, LocalDate birthDate, char sex) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("\\d{17}[\\dX]");

    /** Why a string is not a valid ID number: a message key, or empty when it is valid. */
    public enum Problem { LENGTH, CHARACTERS, REGION, BIRTH_DATE, CHECK_DIGIT }

    public static Optional<Problem> problem(String value) {
        if (value == null || value.length() != 18) {
            return Optional.of(Problem.LENGTH);
        }
        if (!SHAPE.matcher(value).matches()) {
            return Optional.of(Problem.CHARACTERS);
        }
        if (value.charAt(0) == '0' || value.startsWith("00", 2)) {
            return Optional.of(Problem.REGION);
        }
        LocalDate birth = birthDateOf(value);
        if (birth == null || birth.isAfter(LocalDate.now()) || birth.getYear() < 1890) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /** Parses a valid number; call {@link #problem(String)} first to learn why one is not. */
    public static MainlandIdNumber parse(String value) {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException("invalid ID number: " + p);
        });
        char sex = (value.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
        return new MainlandIdNumber(value, birthDateOf(value), sex);
    }

    /** Builds a number from its parts (used to make synthetic residents); sequence 0-999, odd for men. */
    public static String compose(String region, LocalDate birthDate, int sequence) {
        String first17 = region + String.format("%04d%02d%02d%03d", birthDate.getYear(), birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), sequence);
        return first17 + checkCharacter(first17);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birthDateOf(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
