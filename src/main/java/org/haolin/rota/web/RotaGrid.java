package org.haolin.rota.web;

import org.haolin.rota.Rota;
import org.haolin.rota.RotaShift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rota as a grid: one row per post slot or seat, one column per day. */
public record RotaGrid(List<LocalDate> days, List<Row> rows) {

    public record Row(String label, String kind, int slot, String hours, Map<LocalDate, RotaShift> cells) {

        public RotaShift on(LocalDate day) {
            return cells.get(day);
        }
    }

    static RotaGrid of(Rota rota, List<RotaShift> shifts) {
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < rota.days(); d++) {
            days.add(rota.firstDay().plusDays(d));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RotaShift s : shifts) {
            rows.computeIfAbsent(s.row(), k -> new Row(s.label(), s.kind(), s.slot(), s.startsAt() + "–" + s.endsAt(),
                    new HashMap<>())).cells().put(s.day(), s);
        }
        return new RotaGrid(days, List.copyOf(rows.values()));
    }
}
