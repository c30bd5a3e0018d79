package org.haolin.pairing.internal;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.notify.Inbox;
import org.haolin.notify.Notification;
import org.haolin.notify.NotificationKind;
import org.haolin.pairing.Channel;
import org.haolin.pairing.CheckIns;
import org.haolin.pairing.NewCheckIn;
import org.haolin.pairing.Pairings;
import org.haolin.pairing.Wellbeing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Overdue contacts tell the helper and the area's staff once; "could not reach" twice tells the staff. */
@HaolinTest
class PairingAttentionTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Pairings pairings;
    @Autowired
    CheckIns checkIns;
    @Autowired
    OverdueWatch watch;
    @Autowired
    Inbox inbox;
    @Autowired
    MovableClock clock;

    TestTown.Town town;
    long elderly;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        elderly = town.residents().getFirst(); // 80+ living alone: a contact every day
        pairings.pair(town.secretary1(), elderly, town.partyMember1().accountId());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOverdueContactTellsTheHelperAndTheStaffOnceWithoutNamingTheResident() {
        watch.watch();
        assertThat(attention(town.partyMember1())).isEmpty();

        clock.advance(Duration.ofDays(2));
        watch.watch();
        await().atMost(Duration.ofSeconds(10)).until(() -> attention(town.partyMember1()).size() == 1
                && attention(town.socialWorker1()).size() == 1 && attention(town.secretary1()).size() == 1);
        watch.watch();

        Notification helpers = attention(town.partyMember1()).getFirst();
        assertThat(helpers.text()).contains("星火一村 5号楼2单元", "逾期").doesNotContain(town.names().getFirst());
        assertThat(helpers.link()).isEqualTo("/my-residents#resident-" + elderly);
        assertThat(attention(town.socialWorker1()).getFirst().link()).isEqualTo("/residents/" + elderly);
        assertThat(attention(town.leader2())).isEmpty();
        assertThat(attention(town.partyMember1())).hasSize(1);
    }

    @Test
    void couldNotReachTwiceInARowGoesToTheStaff() {
        record(Wellbeing.NOT_REACHED, "first");
        assertThat(attention(town.socialWorker1())).isEmpty();
        record(Wellbeing.NOT_REACHED, "second");
        await().atMost(Duration.ofSeconds(10)).until(() -> attention(town.socialWorker1()).size() == 1);
        assertThat(attention(town.socialWorker1()).getFirst().text()).contains("连续两次未联系上");
        assertThat(attention(town.partyMember1())).isEmpty();
    }

    private void record(Wellbeing wellbeing, String key) {
        checkIns.record(town.partyMember1(), new NewCheckIn(elderly, Channel.PHONE, null, wellbeing, null, null),
                "attention-" + key + "-" + town.n());
    }

    private List<Notification> attention(HaolinUser user) {
        return inbox.list(user, false, Locale.SIMPLIFIED_CHINESE).stream()
                .filter(n -> n.kind() == NotificationKind.PAIRING_ATTENTION).toList();
    }
}
