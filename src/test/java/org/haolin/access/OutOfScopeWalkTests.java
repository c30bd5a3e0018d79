package org.haolin.access;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every endpoint the application maps, pages and API, as people outside the target town's
 * stairwell: another building's leader, another town's admin, roles without resident access, and the system
 * administrator. Endpoints aimed at one object must refuse (4xx); no answer may contain the target residents'
 * names or identifiers. A new endpoint whose path variables this test cannot fill fails it: teach it here.
 */
@HaolinTest
class OutOfScopeWalkTests {

    /** Paths that are public or about the caller alone. */
    private static final Set<String> SKIPPED = Set.of("/error", "/login", "/logout", "/login/second-factor");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    Accounts accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.jooq.DSLContext db;

    TestTown.Town target;
    TestTown.Town elsewhere;
    long leaderToken;
    long anyTagId;
    long importJob;
    long exportJob;
    @Autowired
    org.haolin.roster.RosterImports imports;
    @Autowired
    org.haolin.roster.RosterExports exports;
    @Autowired
    org.haolin.sweep.SweepRounds sweepRounds;
    @Autowired
    org.haolin.sweep.SweepTeams sweepTeams;
    long sweepRound;
    @Autowired
    org.haolin.notify.Channels channels;
    @Autowired
    org.haolin.notify.Inbox inbox;
    @Autowired
    org.haolin.resident.TagAssignments tagAssignments;
    long notification;
    long webhook;
    long delivery;
    @Autowired
    org.haolin.keygroup.KeyGroupLists keyGroupLists;
    long keyGroupList;
    @Autowired
    org.haolin.wish.Wishes wishes;
    @Autowired
    org.haolin.wish.ServiceCatalogue serviceCatalogue;
    @Autowired
    org.haolin.wish.Claimers claimers;
    long wish;
    long serviceItem;
    long claimerOrg;
    @Autowired
    org.haolin.hotline.Hotline hotline;
    @Autowired
    org.haolin.screening.TubeResults results;
    @Autowired
    org.haolin.resident.PersonalCodes personalCodes;
    long hotlineRequest;
    long resultsCampaign;
    long scanCampaign;
    @Autowired
    org.haolin.screening.Campaigns campaigns;
    long campaign;
    @Autowired
    org.haolin.workforce.Volunteers volunteers;
    long workforcePerson;
    @Autowired
    org.haolin.inspection.Supervision supervision;
    long inspectionVisit;
    long inspectionTask;
    @Autowired
    org.haolin.plan.CompoundPlans compoundPlans;
    long plan;
    @Autowired
    org.haolin.rota.Rotas rotas;
    long rota;
    long myShift;

    @BeforeEach
    void setUp() {
        target = testTown.create();
        elsewhere = testTown.create();
        leaderToken = accounts.issueToken(target.leader1().accountId(), "leader's phone").id();
        importJob = imports.importNow(target.secretary1(), "roster.xlsx",
                new java.io.ByteArrayInputStream(new byte[] {1}), true, "walk-" + target.n()).job().id();
        exportJob = exports.submit(target.secretary1(), target.compound1().id(), java.util.Locale.CHINA,
                "walk-" + target.n()).id();
        sweepRound = sweepRounds.open(target.secretary1(), target.area1().id()).id();
        sweepTeams.assign(target.secretary1(), target.stairwell1().id(), org.haolin.sweep.TeamRole.BUILDING_LEADER,
                target.leader1().accountId());
        keyGroupList = keyGroupLists.push(target.epidemicOffice(), new org.haolin.keygroup.NewKeyGroupList(
                "walk-" + target.n(), "OUT_OF_CENTRAL_QUARANTINE", "walk", null, java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> new org.haolin.keygroup.NewKeyGroupRow(target.names().get(i), target.idNumbers().get(i),
                        target.phones().get(i), null, null, null, null)).toList())).list().id();
        // a new wish of a stairwell 1 resident: not on the board, so not even the town's claimer may reach it
        wish = wishes.create(target.secretary1(), new org.haolin.wish.NewWish(target.residents().getFirst(),
                org.haolin.wish.WishCategory.MEDICINE, "walk", null));
        serviceItem = serviceCatalogue.add(target.townAdmin(), target.town().id(), "walk", "walk", 24);
        claimerOrg = claimers.addOrg(target.townAdmin(), target.town().id(), "walk", org.haolin.wish.ClaimerOrg.Type.SOCIAL);
        // a rota over residential area 1, published with one shift of the target town's volunteer
        rota = rotas.create(target.secretary1(), target.area1().id(), java.time.LocalDate.now(), 7, "walk");
        myShift = org.haolin.rota.RotaFixture.publishedShift(db, target, rota, java.time.LocalDate.now());
        hotlineRequest = hotline.log(target.secretary1(), new org.haolin.hotline.NewCall(target.stairwell1().id(),
                target.names().getFirst(), target.phones().getFirst(), "walk", org.haolin.hotline.Urgency.URGENT));
        // an open screening campaign of the target town (scan path: check-ins, tubes, the station's search)
        scanCampaign = new org.haolin.screening.ScanFixture(db, personalCodes).open(target, 10).id();
        // a campaign over residential area 1 only: the other building's leader reads nothing of it
        OffsetDateTime start = OffsetDateTime.now().plusHours(1);
        campaign = campaigns.plan(target.secretary1(), new org.haolin.screening.NewCampaign("NUCLEIC_ACID",
                "walk", target.area1().id(), start, start.plusHours(8), null, List.of())).id();
        anyTagId = db.select(haolin.schema.Tables.TAG.ID).from(haolin.schema.Tables.TAG).limit(1).fetchOne().value1();
        notifyLeader();
        resultsCampaign = positiveTubeIn(target);
        // stairwell 1's first resident recruited as a volunteer of residential area 1
        workforcePerson = volunteers.recruit(target.secretary1(), target.residents().getFirst(),
                org.haolin.workforce.ConsentMethod.IN_PERSON);
        inspectionVisit = supervision.record(target.supervisor1(), new org.haolin.inspection.NewVisit(
                target.area1().id(), java.util.UUID.randomUUID(), "walk", List.of(new org.haolin.inspection.NewCheck(
                "GATE_DUTY", org.haolin.inspection.CheckResult.FINDING, "walk", null, null))));
        inspectionTask = db.select(haolin.schema.Tables.INSPECTION_TASK.ID).from(haolin.schema.Tables.INSPECTION_TASK)
                .where(haolin.schema.Tables.INSPECTION_TASK.VISIT_ID.eq(inspectionVisit)).fetchOne().value1();
        plan = compoundPlans.newVersion(target.secretary1(), target.compound1().id());
    }

    /** A campaign over residential area 1 whose positive tube holds stairwell 1's first resident. */
    private long positiveTubeIn(TestTown.Town t) {
        var fixture = new org.haolin.screening.ResultsFixture(db);
        var campaign = fixture.campaign(t, t.area1(), "walk");
        fixture.tube(campaign, t, "WALK-" + t.n(), List.of(t.residents().getFirst()));
        results.enter(t.epidemicOffice(), campaign.id(),
                List.of(new org.haolin.screening.ResultEntry("WALK-" + t.n(), "POSITIVE")));
        return campaign.id();
    }

    /** A robot of the target town, and a key-group tag in stairwell 1: a notification to leader 1, a delivery. */
    private void notifyLeader() {
        webhook = channels.addWebhook(target.townAdmin(), target.town().id(), "walk", "http://127.0.0.1:9/walk", null);
        tagAssignments.assign(target.epidemicOffice(), List.of(org.haolin.resident.TagAssignments.TagOrder.now(
                target.residents().getFirst(), "DISCHARGED_FROM_HOSPITAL")), org.haolin.resident.TagSource.OFFICE_LIST, "walk");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> inbox.unreadCount(target.leader1()) > 0);
        notification = inbox.list(target.leader1(), false, java.util.Locale.CHINA).getFirst().id();
        // the outbound delivery is written by its own listener, possibly a moment after the inbox line; the town
        // may have more than one by then, and any of them will do
        delivery = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> db
                .select(haolin.schema.Tables.NOTIFY_DELIVERY.ID).from(haolin.schema.Tables.NOTIFY_DELIVERY)
                .where(haolin.schema.Tables.NOTIFY_DELIVERY.TOWN_ID.eq(target.town().id()))
                .orderBy(haolin.schema.Tables.NOTIFY_DELIVERY.ID).limit(1)
                .fetchOptional(haolin.schema.Tables.NOTIFY_DELIVERY.ID), java.util.Optional::isPresent).orElseThrow();
    }

    /**
     * How to fill a path's variables with an object of the target town's stairwell 1 (or its building leader), and
     * who rightfully uses that path whatever the object: those are not outsiders there.
     */
    private record Sample(Function<TestTown.Town, Object> id, Predicate<HaolinUser> rightful) {
        static Sample of(Function<TestTown.Town, Object> id) {
            return new Sample(id, u -> false);
        }
    }

    private Map<Pattern, Sample> samples() {
        Map<Pattern, Sample> ids = new LinkedHashMap<>();
        ids.put(Pattern.compile("^/(api/v1/)?stairwells/\\{id}.*"), Sample.of(t -> t.stairwell1().id()));
        ids.put(Pattern.compile("^/(api/v1/)?areas/\\{id}.*"), Sample.of(t -> t.compound1().id()));
        ids.put(Pattern.compile("^/(api/v1/)?cockpit.*\\{id}.*"), Sample.of(t -> t.area1().id()));
        ids.put(Pattern.compile("^/(api/v1/)?residents/\\{id}.*"), Sample.of(t -> t.residents().getFirst()));
        ids.put(Pattern.compile("^/(me|api/v1)/tokens/\\{id}.*"), Sample.of(t -> leaderToken));
        ids.put(Pattern.compile("^/imports/\\{id}.*"), Sample.of(t -> importJob));
        ids.put(Pattern.compile("^/exports/\\{id}.*"), Sample.of(t -> exportJob));
        ids.put(Pattern.compile("^/sweeps/teams/\\{\\w+}.*"), Sample.of(t -> t.stairwell1().id()));
        ids.put(Pattern.compile("^/(api/v1/)?sweeps/\\{roundId}.*"), Sample.of(t -> sweepRound));
        ids.put(Pattern.compile("^/(api/v1/)?keygroup-lists/\\{id}.*"), Sample.of(t -> keyGroupList));
        // the resident's helpers (CHECK_IN over the stairwell) rightfully read the wish to confirm it with them
        ids.put(Pattern.compile("^/(api/v1/)?wishes/\\{id}.*"), new Sample(t -> wish, u -> u.may(Permission.CHECK_IN)
                && u.grants().stream().anyMatch(g -> g.covers(target.stairwell1().path()))));
        ids.put(Pattern.compile("^/(api/v1/)?wish-board/\\{id}.*"), Sample.of(t -> wish));
        ids.put(Pattern.compile("^/wish-services/\\{id}.*"), Sample.of(t -> serviceItem));
        ids.put(Pattern.compile("^/wish-claimers/\\{id}.*"), Sample.of(t -> claimerOrg));
        ids.put(Pattern.compile("^/hotline/\\{id}.*"), Sample.of(t -> hotlineRequest));
        // a shift is its own person's alone: nobody else, whatever their role, reaches it under /my-shifts
        ids.put(Pattern.compile("^/my-shifts/\\{\\w+}.*"), Sample.of(t -> myShift));
        ids.put(Pattern.compile("^/rotas/wishes/\\{\\w+}.*"), Sample.of(t -> workforcePerson));
        ids.put(Pattern.compile("^/(api/v1/)?rotas/\\{id}.*"), Sample.of(t -> rota));
        ids.put(Pattern.compile("^/(api/v1/)?campaigns/\\{id}/(results|positives).*"), Sample.of(t -> resultsCampaign));
        ids.put(Pattern.compile("^/admin/accounts/\\{id}.*"),
                new Sample(t -> t.leader1().accountId(), HaolinUser::systemAdmin));
        ids.put(Pattern.compile("^/(api/v1/notifications|inbox)/\\{id}.*"), Sample.of(t -> notification));
        ids.put(Pattern.compile("^/admin/channels/webhooks/\\{id}.*"), Sample.of(t -> webhook));
        ids.put(Pattern.compile("^/admin/channels/deliveries/\\{id}.*"), Sample.of(t -> delivery));
        ids.put(Pattern.compile("^/(api/v1/)?pairings/residents/\\{\\w+}.*"), Sample.of(t -> t.residents().getFirst()));
        ids.put(Pattern.compile("^/(api/v1/)?pairings/areas/\\{\\w+}.*"), Sample.of(t -> t.area1().id()));
        ids.put(Pattern.compile("^/pairings/rules/areas/\\{\\w+}/extra-tags(/\\{\\w+}/remove)?"),
                Sample.of(t -> t.area1().id()));
        ids.put(Pattern.compile("^/(api/v1/)?campaigns/\\{id}/(checkins|tubes/close|station/.*)"),
                Sample.of(t -> scanCampaign));
        // the tag catalogue is shared reference data: every holder of MANAGE_TAGS edits it
        ids.put(Pattern.compile("^/tags/\\{id}.*"), new Sample(t -> anyTagId, u -> u.may(Permission.MANAGE_TAGS)));
        // the station page of a campaign with points at compounds 1 and 2: whoever may screen at one opens it
        ids.put(Pattern.compile("^/campaigns/\\{id}/station$"), new Sample(t -> scanCampaign,
                u -> u.may(Permission.SCREEN) && u.grants().stream().anyMatch(g -> g.covers(target.compound1().path())
                        || g.covers(target.compound2().path()))));
        ids.put(Pattern.compile("^/(api/v1/)?workforce/areas/\\{\\w+}.*"), Sample.of(t -> t.area1().id()));
        ids.put(Pattern.compile("^/(api/v1/)?workforce/people/\\{\\w+}.*"), Sample.of(t -> workforcePerson));
        ids.put(Pattern.compile("^/(api/v1/)?inspection/areas/\\{\\w+}.*"), Sample.of(t -> t.area1().id()));
        ids.put(Pattern.compile("^/(api/v1/)?inspection/visits/\\{\\w+}.*"), Sample.of(t -> inspectionVisit));
        ids.put(Pattern.compile("^/(api/v1/)?inspection/tasks/\\{\\w+}.*"), Sample.of(t -> inspectionTask));
        ids.put(Pattern.compile("^/(api/v1/)?plans/compounds/\\{\\w+}.*"), Sample.of(t -> t.compound1().id()));
        ids.put(Pattern.compile("^/plans/\\{\\w+}.*"), Sample.of(t -> plan));
        // every other campaign endpoint: a campaign over residential area 1 (after the specific ones above)
        ids.put(Pattern.compile("^/(api/v1/)?campaigns/\\{id}.*"), Sample.of(t -> campaign));
        return ids;
    }

    @Test
    void outsidersGetNothingFromAnyEndpoint() throws Exception {
        List<String> failures = new ArrayList<>();
        List<HaolinUser> outsiders = List.of(target.leader2(), elsewhere.townAdmin(), target.partyMember1(),
                target.claimer(), target.systemAdmin());
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (SKIPPED.contains(pattern) || pattern.startsWith("/v3/") || pattern.startsWith("/swagger")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    Sample sample = sampleFor(pattern, failures);
                    if (sample == null) {
                        continue;
                    }
                    String url = fill(pattern, sample);
                    boolean upload = Arrays.stream(entry.getValue().getMethodParameters())
                            .anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
                    for (HaolinUser outsider : outsiders) {
                        if (!sample.rightful().test(outsider)) {
                            check(method, pattern, url, upload, outsider, failures);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The control: the same request as the stairwell's own building leader does show the secrets. */
    @Test
    void theBuildingLeaderOfTheStairwellSeesItsResidents() throws Exception {
        String url = "/api/v1/stairwells/" + target.stairwell1().id() + "/roster";
        String body = mvc.perform(as(target.leader1(), RequestMethod.GET, url, false)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(target.names().getFirst()).doesNotContain(target.idNumbers().getFirst());
    }

    private void check(RequestMethod method, String pattern, String url, boolean upload, HaolinUser outsider,
                       List<String> failures) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(outsider, method, url, upload)).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String who = outsider.username() + " " + method + " " + url;
        boolean aimedAtObject = pattern.contains("{");
        if (aimedAtObject && response.getStatus() < 400) {
            failures.add(who + " answered " + response.getStatus() + " for another stairwell's object");
        }
        for (String secret : secrets()) {
            if (body.contains(secret)) {
                failures.add(who + " revealed " + secret);
            }
        }
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(target.names().subList(0, 3));
        secrets.addAll(target.idNumbers().subList(0, 3));
        secrets.addAll(target.phones().subList(0, 3));
        return secrets;
    }

    /** Uploads carry a small file that is not a workbook: scope must refuse before the file is even read. */
    private AbstractMockHttpServletRequestBuilder<?> as(HaolinUser user, RequestMethod method, String url, boolean upload) {
        HttpMethod http = HttpMethod.valueOf(method.name());
        AbstractMockHttpServletRequestBuilder<?> request = upload
                ? multipart(http, url).file(new MockMultipartFile("file", "roster.xlsx", null, new byte[] {1, 2, 3}))
                : request(http, url);
        if (url.startsWith("/api/")) {
            String token = accounts.createToken(user.accountId(), "walk");
            return upload ? request.header("Authorization", "Bearer " + token)
                    : request.header("Authorization", "Bearer " + token).contentType("application/json").content("{}");
        }
        return request
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                        AuthorityUtils.createAuthorityList("SIGNED_IN"))))
                .with(csrf());
    }

    private Sample sampleFor(String pattern, List<String> failures) {
        if (!pattern.contains("{")) {
            return pattern.startsWith("/admin/") ? new Sample(t -> "", HaolinUser::systemAdmin) : Sample.of(t -> "");
        }
        for (var sample : samples().entrySet()) {
            if (sample.getKey().matcher(pattern).matches()) {
                return sample.getValue();
            }
        }
        failures.add("Cannot fill the path variables of " + pattern + ": add it to samples()");
        return null;
    }

    /** The first variable gets the sample object's id; any further one (a sub-object) gets 1. */
    private String fill(String pattern, Sample sample) {
        return pattern.replaceFirst("\\{\\w+}", String.valueOf(sample.id().apply(target)))
                .replaceAll("\\{\\w+}", "1");
    }
}
