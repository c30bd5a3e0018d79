package org.haolin.screening.internal;

import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;

import java.time.LocalDate;

import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static org.jooq.impl.DSL.selectOne;

/**
 * Whether an expected resident was sampled, as the lists ask it: their first scan in the campaign. A person with
 * any scan has a first (non-repeat) one, so the unique first-scan index answers, on the campaign's day only (the
 * partition its scans live in).
 */
final class FirstScans {

    private FirstScans() {
    }

    /** The first scan of the {@code campaign_expected} row in scope, for {@code exists} or {@code notExists}. */
    static Select<Record1<Integer>> ofExpected(Field<LocalDate> campaignDay) {
        return selectOne().from(SCREENING_CHECKIN)
                .where(SCREENING_CHECKIN.TOWN_ID.eq(CAMPAIGN_EXPECTED.TOWN_ID),
                        SCREENING_CHECKIN.CAMPAIGN_DAY.eq(campaignDay),
                        SCREENING_CHECKIN.CAMPAIGN_ID.eq(CAMPAIGN_EXPECTED.CAMPAIGN_ID),
                        SCREENING_CHECKIN.RESIDENT_ID.eq(CAMPAIGN_EXPECTED.RESIDENT_ID),
                        SCREENING_CHECKIN.REPEAT.isFalse());
    }
}
