package org.haolin.demo.internal;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.inspection.CheckResult;
import org.haolin.inspection.NewCheck;
import org.haolin.inspection.NewVisit;
import org.haolin.inspection.Supervision;
import org.haolin.plan.CompoundPlans;
import org.haolin.plan.PostForm;
import org.haolin.resident.AgedResident;
import org.haolin.rota.Rotas;
import org.haolin.workforce.AreaWorkforce;
import org.haolin.workforce.ConsentMethod;
import org.haolin.workforce.Organisation;
import org.haolin.workforce.OrganisationKind;
import org.haolin.workforce.Person;
import org.haolin.workforce.PersonForm;
import org.haolin.workforce.Volunteers;
import org.haolin.workforce.WorkforceRegister;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people side of the demo town, in the demo secretary's residential area: its workforce (the secretary,
 * director and social workers linked to the demo accounts, a registered Party member, the town's cadres who cover
 * rest days), volunteers recruited from residents aged 60–65 with consent (one of them the demo volunteer), a
 * published plan for the demo compound with its posts and staffing per zone level, a two-week rota to solve, and
 * a supervision visit with one finding. Everything goes through the same facades as the pages.
 */
@Component
class DemoDuty {

    private static final int VOLUNTEERS = 6;
    private static final List<String> NAMES = List.of("黄佳怡", "王建华", "刘志刚", "赵丽萍", "孙明", "周晓燕", "吴磊",
            "郑颖");

    private final Accounts accounts;
    private final AreaTree areas;
    private final WorkforceRegister register;
    private final Volunteers volunteers;
    private final CompoundPlans plans;
    private final Rotas rotas;
    private final Supervision supervision;
    private final Clock clock;

    DemoDuty(Accounts accounts, AreaTree areas, WorkforceRegister register, Volunteers volunteers,
             CompoundPlans plans, Rotas rotas, Supervision supervision, Clock clock) {
        this.accounts = accounts;
        this.areas = areas;
        this.register = register;
        this.volunteers = volunteers;
        this.plans = plans;
        this.rotas = rotas;
        this.supervision = supervision;
        this.clock = clock;
    }

    void start(List<DemoAccount> demoAccounts) {
        Map<String, DemoAccount> byRole = demoAccounts.stream()
                .collect(Collectors.toMap(DemoAccount::role, Function.identity(), (a, b) -> a));
        HaolinUser admin = user(byRole, Role.TOWN_ADMIN);
        Area residentialArea = areas.find(byRole.get(Role.AREA_SECRETARY.name()).scopeAreaIds().getFirst()).orElseThrow();
        Area compound = areas.find(byRole.get(Role.VOLUNTEER.name()).scopeAreaIds().getFirst()).orElseThrow();
        AreaWorkforce workforce = register.area(admin, residentialArea.id());
        long committee = organisation(workforce, OrganisationKind.RESIDENTS_COMMITTEE);
        long party = organisation(workforce, OrganisationKind.PARTY);
        Iterator<String> names = NAMES.iterator();

        person(admin, residentialArea, "SECRETARY", account(byRole, Role.AREA_SECRETARY), List.of(party, committee), names);
        person(admin, residentialArea, "DIRECTOR", account(byRole, Role.AREA_DIRECTOR), List.of(committee), names);
        person(admin, residentialArea, "SOCIAL_WORKER", account(byRole, Role.SOCIAL_WORKER), List.of(committee), names);
        person(admin, residentialArea, "SOCIAL_WORKER", null, List.of(committee), names);
        long partyMember = register.add(admin, residentialArea.id(), new PersonForm(
                accounts.user(account(byRole, Role.PARTY_MEMBER)).orElseThrow().displayName(), null, "结对帮扶", null,
                true, true, 40, true, List.of(party), null, account(byRole, Role.PARTY_MEMBER)));
        Area town = areas.find(residentialArea.townId()).orElseThrow();
        for (String rank : List.of("DIVISION", "DIVISION", "SECTION", "SECTION", "YOUNG_CADRE", "YOUNG_CADRE", "YOUNG_CADRE")) {
            person(admin, town, rank, null, List.of(), names);
        }

        List<Long> pool = recruit(admin, compound, account(byRole, Role.VOLUNTEER));
        plan(admin, compound, partyMember, pool);
        rotas.solve(admin, rotas.create(admin, residentialArea.id(), LocalDate.now(clock), 14, "两周值守排班"));
        supervision.record(user(byRole, Role.SUPERVISOR), new NewVisit(residentialArea.id(), UUID.randomUUID(),
                "例行督查", List.of(new NewCheck("PROTECTION_STANDARD", CheckResult.OK, null, null, null),
                new NewCheck("GATE_DUTY", CheckResult.FINDING, "东门岗夜间无人值守，扫码登记未落实", null, null))));
    }

    /** Residents of the compound aged 60–65, recruited with consent; the first is linked to the demo volunteer. */
    private List<Long> recruit(HaolinUser admin, Area compound, long volunteerAccount) {
        List<AgedResident> found = volunteers.candidates(admin, compound.id(), Volunteers.DEFAULT_MIN_AGE,
                Volunteers.DEFAULT_MAX_AGE);
        List<Long> pool = new ArrayList<>();
        for (AgedResident resident : found.subList(0, Math.min(VOLUNTEERS, found.size()))) {
            long person = volunteers.recruit(admin, resident.residentId(), ConsentMethod.IN_PERSON);
            register.addTraining(admin, person, "防护用品穿脱与消毒培训", LocalDate.now(clock).minusDays(3), null);
            pool.add(person);
        }
        if (!pool.isEmpty()) {
            Person first = register.person(admin, pool.getFirst());
            register.update(admin, first.id(), register.version(admin, first.id()), new PersonForm(first.name(),
                    first.rankCode(), String.join("、", first.skills()), null, first.partyMember(),
                    first.partyRegistered(), first.maxHoursWeek(), true, first.organisationIds(), first.residentId(),
                    volunteerAccount));
        }
        return pool;
    }

    /** The demo compound's plan in force from today: gate duty, sampling, supplies and hardship pairing. */
    private void plan(HaolinUser admin, Area compound, long partyMember, List<Long> pool) {
        long plan = plans.newVersion(admin, compound.id());
        List<Long> gate = new ArrayList<>(pool);
        gate.add(partyMember);
        post(admin, plan, new PostForm("GATE_DUTY", "东门岗", "小区东门", "扫码测温、登记出入、劝返聚集", partyMember,
                LocalTime.of(7, 0), LocalTime.of(19, 0), 3, 2, 2, 1, gate));
        post(admin, plan, new PostForm("SAMPLING", "核酸采样点", "小区广场", "引导排队、扫码登记、维持一米间距",
                partyMember, LocalTime.of(7, 0), LocalTime.of(11, 0), 4, 3, 2, 0, pool));
        post(admin, plan, new PostForm("SUPPLIES", "物资保供点", "物业服务中心", "团购物资分拣、送货到楼道", partyMember,
                LocalTime.of(13, 0), LocalTime.of(18, 0), 3, 2, 1, 0, pool));
        post(admin, plan, new PostForm("HARDSHIP_PAIRING", "特困结对岗", null, "独居老人、低保家庭每日联系", partyMember,
                LocalTime.of(9, 0), LocalTime.of(11, 0), 1, 1, 1, 1, gate));
        plans.publish(admin, plan, plans.draft(admin, plan).version(), LocalDate.now(clock));
    }

    private void post(HaolinUser admin, long plan, PostForm form) {
        plans.addPost(admin, plan, plans.draft(admin, plan).version(), form);
    }

    private long person(HaolinUser admin, Area area, String rank, Long accountId, List<Long> organisations,
                        Iterator<String> names) {
        String name = accountId == null ? names.next() : accounts.user(accountId).orElseThrow().displayName();
        return register.add(admin, area.id(), new PersonForm(name, rank, null, null, !organisations.isEmpty(), false,
                rank.equals("SECRETARY") || rank.equals("DIRECTOR") || rank.equals("SOCIAL_WORKER") ? 60 : 48, true,
                organisations, null, accountId));
    }

    private static long organisation(AreaWorkforce workforce, OrganisationKind kind) {
        return workforce.organisations().stream().filter(o -> o.kind() == kind).map(Organisation::id).findFirst()
                .orElseThrow();
    }

    private HaolinUser user(Map<String, DemoAccount> byRole, Role role) {
        return accounts.user(account(byRole, role)).orElseThrow();
    }

    private static long account(Map<String, DemoAccount> byRole, Role role) {
        return byRole.get(role.name()).accountId();
    }
}
