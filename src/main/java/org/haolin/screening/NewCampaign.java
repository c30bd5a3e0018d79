package org.haolin.screening;

import java.time.OffsetDateTime;
import java.util.List;

/** What an organiser plans: type, name, area, window, tube size (null: the type's) and the sampling points. */
public record NewCampaign(String typeCode, String name, Long areaId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                          Integer tubeSize, List<NewPoint> points) {

    public NewCampaign {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /** A sampling point: its name, where it stands (free text), the area it sits in and serves, its staff. */
    public record NewPoint(String name, String place, Long areaId, List<NewStaff> staff) {

        public NewPoint {
            staff = staff == null ? List.of() : List.copyOf(staff);
        }
    }

    /** One person at a point. */
    public record NewStaff(Long accountId, Duty duty) {
    }
}
