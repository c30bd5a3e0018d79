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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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

    TestTown.Town target;
    TestTown.Town elsewhere;

    @BeforeEach
    void setUp() {
        target = testTown.create();
        elsewhere = testTown.create();
    }

    /** How to fill a path variable, by the path it appears in: always an object of the target town's stairwell 1. */
    private Map<Pattern, Function<TestTown.Town, Object>> sampleIds() {
        Map<Pattern, Function<TestTown.Town, Object>> ids = new LinkedHashMap<>();
        ids.put(Pattern.compile("^/(api/v1/)?stairwells/\\{id}.*"), t -> t.stairwell1().id());
        ids.put(Pattern.compile("^/(api/v1/)?areas/\\{id}.*"), t -> t.compound1().id());
        ids.put(Pattern.compile("^/(api/v1/)?cockpit.*\\{id}.*"), t -> t.area1().id());
        ids.put(Pattern.compile("^/(api/v1/)?residents/\\{id}.*"), t -> t.residents().getFirst());
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
                    String url = fill(pattern, failures);
                    if (url == null) {
                        continue;
                    }
                    for (HaolinUser outsider : outsiders) {
                        check(method, pattern, url, outsider, failures);
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
        String body = mvc.perform(as(target.leader1(), RequestMethod.GET, url)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(target.names().getFirst()).doesNotContain(target.idNumbers().getFirst());
    }

    private void check(RequestMethod method, String pattern, String url, HaolinUser outsider, List<String> failures)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(as(outsider, method, url)).andReturn().getResponse();
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

    private MockHttpServletRequestBuilder as(HaolinUser user, RequestMethod method, String url) {
        if (url.startsWith("/api/")) {
            String token = accounts.createToken(user.accountId(), "walk");
            return request(HttpMethod.valueOf(method.name()), url).header("Authorization", "Bearer " + token).contentType("application/json").content("{}");
        }
        return request(HttpMethod.valueOf(method.name()), url)
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                        AuthorityUtils.createAuthorityList("SIGNED_IN"))))
                .with(csrf());
    }

    private String fill(String pattern, List<String> failures) {
        if (!pattern.contains("{")) {
            return pattern;
        }
        for (var sample : sampleIds().entrySet()) {
            if (sample.getKey().matcher(pattern).matches()) {
                String url = pattern.replaceFirst("\\{id}", String.valueOf(sample.getValue().apply(target)));
                Matcher others = Pattern.compile("\\{(\\w+)}").matcher(url);
                return others.find() ? url.replaceAll("\\{\\w+}", "1") : url;
            }
        }
        failures.add("Cannot fill the path variables of " + pattern + ": add it to sampleIds()");
        return null;
    }
}
