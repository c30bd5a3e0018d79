package org.haolin.demo;

import org.haolin.HaolinTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The city command on a tiny city: towns in turn across districts, and a second run adds nothing. */
@HaolinTest
class CityGeneratorTests {

    @Autowired
    DemoData demo;
    @Autowired
    DSLContext db;

    @Test
    void generatesTownsAcrossDistrictsOnceAndWritesTheDemoLogins() throws Exception {
        CityFigures first = demo.generateCity(900, 300, 11L);

        assertThat(first.residents()).isEqualTo(900);
        assertThat(first.towns()).isEqualTo(3);
        assertThat(first.rows()).isGreaterThan(900 + 300);
        assertThat(db.fetchCount(AREA, AREA.LEVEL.eq("TOWN"), AREA.NAME.in("海湾镇", "朱泾镇", "泗泾镇"))).isEqualTo(3);
        assertThat(db.fetchCount(AREA, AREA.LEVEL.eq("DISTRICT"), AREA.CODE.in("310120", "310116", "310117")))
                .isGreaterThanOrEqualTo(3);
        assertThat(Files.readAllLines(demo.credentialsFile()).getFirst()).startsWith("username\tpassword\trole");

        int residents = db.fetchCount(RESIDENT);
        CityFigures again = demo.generateCity(900, 300, 11L);
        assertThat(again.towns()).isZero();
        assertThat(db.fetchCount(RESIDENT)).isEqualTo(residents);
        assertThat(demo.anyTown()).isTrue();
    }
}
