package org.haolin.resident;

import org.haolin.area.Area;

import java.time.LocalDate;
import java.util.List;

/** A resident's card: the masked line, where they live, and every tag they ever had. */
public record ResidentDetail(RosterEntry entry, LocalDate birthDate, List<Area> lineage, List<CurrentTag> tagHistory) {
}
