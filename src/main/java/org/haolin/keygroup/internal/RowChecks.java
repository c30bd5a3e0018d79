package org.haolin.keygroup.internal;

import org.haolin.keygroup.ListField;
import org.haolin.keygroup.ListRowProblem;
import org.haolin.keygroup.NewKeyGroupRow;
import org.haolin.keygroup.ParsedAddress;
import org.haolin.keygroup.RowStatus;
import org.haolin.resident.InputText;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.ResidentRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules one row of an office list must pass: a name; something to find the person by (ID number, phone
 * or address); a valid ID number and phone when given; dates that are dates, the end not before the start;
 * a known status. Every problem names its row and field; none carries an ID number or phone.
 */
public final class RowChecks {

    /** A row that passed, cleaned. */
    public record CheckedRow(int number, String name, String idNumber, String phone, String address,
                             LocalDate from, LocalDate to, RowStatus status) {

        /** The address split into its parts; only rows the numbers do not find need it, so it is split on demand. */
        public ParsedAddress parsed() {
            return AddressParser.parse(address);
        }
    }

    static final int MAX_NAME = 60;
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");
    private static final Pattern MAINLAND_SHAPE = Pattern.compile("[\\dX]{15,19}");
    private static final Pattern OTHER_DOCUMENT = Pattern.compile("[A-Z0-9]{5,18}");
    private static final Map<String, RowStatus> STATUSES = Map.ofEntries(
            Map.entry("在管", RowStatus.ACTIVE), Map.entry("管控中", RowStatus.ACTIVE), Map.entry("在控", RowStatus.ACTIVE),
            Map.entry("active", RowStatus.ACTIVE), Map.entry("解除", RowStatus.ENDED), Map.entry("已解除", RowStatus.ENDED),
            Map.entry("解除管控", RowStatus.ENDED), Map.entry("结束", RowStatus.ENDED), Map.entry("ended", RowStatus.ENDED),
            Map.entry("end", RowStatus.ENDED));

    private final List<ListRowProblem> problems = new ArrayList<>();

    /** Checks every row; the problems of all rows are in {@link #problems()}, the rows that passed are returned. */
    public List<CheckedRow> check(List<NewKeyGroupRow> rows, List<Integer> numbers) {
        List<CheckedRow> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CheckedRow row = check(numbers.get(i), rows.get(i));
            if (row != null) {
                checked.add(row);
            }
        }
        return checked;
    }

    public List<ListRowProblem> problems() {
        return problems;
    }

    /** How many rows have at least one problem. */
    public int rowsWithProblems() {
        return (int) problems.stream().mapToInt(ListRowProblem::row).distinct().count();
    }

    private CheckedRow check(int number, NewKeyGroupRow raw) {
        int before = problems.size();
        String name = name(number, raw.name());
        String idNumber = idNumber(number, raw.idNumber());
        String phone = phone(number, raw.phone());
        String address = InputText.clean(raw.address());
        address = address.length() > AddressParser.MAX_LENGTH ? address.substring(0, AddressParser.MAX_LENGTH) : address;
        if (idNumber == null && phone == null && address.isEmpty() && problems.size() == before) {
            problem(number, ListField.ID_NUMBER, "keygroup.row.nothingToMatch");
        }
        LocalDate from = date(number, ListField.FROM, raw.from());
        LocalDate to = date(number, ListField.TO, raw.to());
        if (from != null && to != null && to.isBefore(from)) {
            problem(number, ListField.TO, "keygroup.row.toBeforeFrom");
        }
        RowStatus status = status(number, raw.status());
        if (problems.size() > before) {
            return null;
        }
        return new CheckedRow(number, name, idNumber, phone, address.isEmpty() ? null : address, from, to, status);
    }

    private String name(int number, String raw) {
        String name = InputText.clean(raw);
        if (name.isEmpty()) {
            problem(number, ListField.NAME, "rules.required");
        } else if (name.length() > MAX_NAME) {
            problem(number, ListField.NAME, "rules.tooLong", String.valueOf(MAX_NAME));
        }
        return name;
    }

    /**
     * Mainland numbers (and what looks like one mistyped) are checked in full; other documents (passports,
     * permits, some of them digits only) only for their shape.
     */
    private String idNumber(int number, String raw) {
        String text = InputText.clean(raw);
        if (text.isEmpty()) {
            return null;
        }
        if (SCIENTIFIC.matcher(text).matches()) {
            problem(number, ListField.ID_NUMBER, "rules.idNumber.scientific");
            return null;
        }
        String value = InputText.idNumber(text);
        if (MAINLAND_SHAPE.matcher(value).matches()) { // 15 to 19 digits: a mainland number, maybe mistyped
            var problem = MainlandIdNumber.problem(value);
            problem.ifPresent(p -> problem(number, ListField.ID_NUMBER, "rules.idNumber." + p.name()));
            return problem.isPresent() ? null : value;
        }
        if (!OTHER_DOCUMENT.matcher(value).matches()) {
            problem(number, ListField.ID_NUMBER, "keygroup.row.idNumber.invalid");
            return null;
        }
        return value;
    }

    private String phone(int number, String raw) {
        String text = InputText.clean(raw);
        if (text.isEmpty()) {
            return null;
        }
        String phone = InputText.phone(text);
        if (!InputText.isPhone(phone)) {
            problem(number, ListField.PHONE, "rules.phone.invalid");
            return null;
        }
        return phone;
    }

    private LocalDate date(int number, ListField field, String raw) {
        String text = InputText.clean(raw);
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = ResidentRules.date(text);
        if (date == null) {
            problem(number, field, "keygroup.row.date.invalid", text);
        }
        return date;
    }

    private RowStatus status(int number, String raw) {
        String text = InputText.clean(raw).toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return RowStatus.ACTIVE;
        }
        RowStatus status = STATUSES.get(text);
        if (status == null) {
            problem(number, ListField.STATUS, "keygroup.row.status.unknown", InputText.clean(raw));
        }
        return status;
    }

    private void problem(int row, ListField field, String key, String... args) {
        problems.add(ListRowProblem.of(row, field, key, args));
    }
}
