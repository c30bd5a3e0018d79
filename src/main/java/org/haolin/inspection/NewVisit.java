package org.haolin.inspection;

import java.util.List;
import java.util.UUID;

/**
 * A visit as a supervisor records it on a phone. Items left out count as not checked. The client id is made when
 * the form is drawn: sending the same visit twice records it once.
 */
public record NewVisit(Long areaId, UUID clientId, String note, List<NewCheck> checks) {

    public NewVisit {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
