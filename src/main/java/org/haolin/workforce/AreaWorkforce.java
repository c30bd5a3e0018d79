package org.haolin.workforce;

import org.haolin.area.Area;

import java.util.List;

/** One residential area's workforce (or the town's cadres): its organisations and its people. */
public record AreaWorkforce(Area area, List<Organisation> organisations, List<Person> people) {

    public List<Person> membersOf(long organisationId) {
        return people.stream().filter(p -> p.belongsTo(organisationId)).toList();
    }

    /** People of the area in no organisation (cadres of the town, people not yet placed). */
    public List<Person> unplaced() {
        return people.stream().filter(p -> p.organisationIds().isEmpty()).toList();
    }
}
