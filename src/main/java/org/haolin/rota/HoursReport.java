package org.haolin.rota;

import org.haolin.area.Area;

import java.time.YearMonth;
import java.util.List;

/** Hours per person on started shifts inside an area, with the months any of them worked (the table's columns). */
public record HoursReport(Area area, List<YearMonth> months, List<PersonHours> people) {

    public HoursReport {
        months = List.copyOf(months);
        people = List.copyOf(people);
    }
}
