package com.verdict;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.verdict.AccessMatrixTests.Caller.ADMIN;
import static com.verdict.AccessMatrixTests.Caller.ANONYMOUS;
import static com.verdict.AccessMatrixTests.Caller.ENGINEER;
import static com.verdict.AccessMatrixTests.Caller.EXPORT_TOKEN;
import static com.verdict.AccessMatrixTests.Caller.IMPORT_TOKEN;
import static com.verdict.AccessMatrixTests.Caller.JUDGE;
import static com.verdict.AccessMatrixTests.Caller.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.RouteBaseData;
import com.vaadin.flow.router.RouteConfiguration;
import com.verdict.leaderboard.ui.LeaderboardView;
import com.verdict.people.ApiTokenService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.people.ui.LoginView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may use what: every REST endpoint under /api and every view route, for anonymous visitors, a user of each
 * role and an engineer's API token of each scope, and each role's menu. The two tables state the answers; an
 * endpoint or route they do not list fails the test, so whoever adds one has to say who may use it.
 */
@VerdictTest
class AccessMatrixTests {

    /** Nobody signed in, a user of one role (every user also judges), or an engineer's token with one scope. */
    enum Caller { ANONYMOUS, JUDGE, LEAD, ENGINEER, ADMIN, EXPORT_TOKEN, IMPORT_TOKEN }

    /**
     * ALLOWED: through to the feature (any answer but 401, 403 or 5xx; a view opens). SIGN_IN_FIRST: a JSON 401,
     * or the login view. DENIED: a JSON 403, or Vaadin's access denied. BROKEN: anything else, e.g. a 500.
     */
    enum Access { ALLOWED, SIGN_IN_FIRST, DENIED, BROKEN }

    private static final Caller[] SIGNED_IN = {JUDGE, LEAD, ENGINEER, ADMIN};
    private static final Caller[] EVERYONE = {ANONYMOUS, JUDGE, LEAD, ENGINEER, ADMIN};
    private static final String TEAM = "access-matrix";

    /**
     * Each endpoint, the request that tries it and who gets through. The requests are harmless where they get
     * through: unknown ids and files, empty bodies (a 400 or 404 is fine: this is about access, not results).
     * POST, PUT and PATCH requests carry the JSON body {}.
     */
    private static final List<Endpoint> API = List.of(
            endpoint("ANY /api/**", "GET /api/no-such-endpoint", SIGNED_IN),
            endpoint("DELETE /api/tokens/{id}", "DELETE /api/tokens/0", ENGINEER),
            endpoint("GET /api/admin/audit", ADMIN),
            endpoint("GET /api/admin/backups", ADMIN),
            endpoint("GET /api/admin/users", ADMIN),
            endpoint("GET /api/export/history", ENGINEER, EXPORT_TOKEN),
            endpoint("GET /api/export/{file}", "GET /api/export/no-such-file", ENGINEER, EXPORT_TOKEN),
            endpoint("GET /api/export/{file}/manifest", "GET /api/export/no-such-file/manifest",
                    ENGINEER, EXPORT_TOKEN),
            endpoint("GET /api/leaderboard", SIGNED_IN),
            endpoint("GET /api/leaderboard/teams", SIGNED_IN),
            endpoint("GET /api/me", SIGNED_IN),
            endpoint("GET /api/notices", SIGNED_IN),
            endpoint("GET /api/scoring/agreement", LEAD, ENGINEER, ADMIN),
            endpoint("GET /api/scoring/judges", LEAD, ADMIN),
            endpoint("GET /api/seasons", SIGNED_IN),
            endpoint("GET /api/sources/matchups", LEAD, ENGINEER),
            endpoint("GET /api/sources/standings", LEAD, ENGINEER),
            endpoint("GET /api/teams/{team}/members", "GET /api/teams/" + TEAM + "/members", LEAD, ADMIN),
            endpoint("GET /api/tokens", ENGINEER),
            endpoint("POST /api/admin/backup", ADMIN),
            endpoint("POST /api/admin/scoring/refit", ADMIN),
            endpoint("POST /api/admin/seasons", ADMIN),
            endpoint("POST /api/admin/users", ADMIN),
            endpoint("POST /api/assignments/next", SIGNED_IN),
            endpoint("POST /api/assignments/{id}/judgment", "POST /api/assignments/0/judgment", SIGNED_IN),
            endpoint("POST /api/assignments/{id}/skip", "POST /api/assignments/0/skip", SIGNED_IN),
            endpoint("POST /api/interactions", ENGINEER, IMPORT_TOKEN),
            endpoint("POST /api/tokens", ENGINEER),
            endpoint("PUT /api/me/preferences", SIGNED_IN));

    /** Each view route and who may open it; the login view is the only one open to anonymous visitors. */
    private static final List<View> VIEWS = List.of(
            view("", SIGNED_IN),
            view("admin", ADMIN),
            view("admin/operations", ADMIN),
            view("admin/scoring", ADMIN),
            view("admin/seasons", ADMIN),
            view("catalog", LEAD, ENGINEER),
            view("export", ENGINEER),
            view("import", ENGINEER),
            view("judges", LEAD, ADMIN),
            view("leaderboard", SIGNED_IN),
            view("login", EVERYONE),
            view("me", SIGNED_IN),
            view("play", SIGNED_IN),
            view("standings", LEAD, ENGINEER),
            view("team", LEAD, ADMIN),
            view("tokens", ENGINEER));

    private static final Map<Caller, Person> users = new EnumMap<>(Caller.class);
    private static final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestData data;

    /** One user per role, all in one team that the lead leads, and two tokens of the engineer's. */
    @BeforeAll
    static void createCallers(@Autowired TestData data, @Autowired ApiTokenService tokenService) {
        // Nothing to deal, so that POST /api/assignments/next leaves no assignment behind.
        data.clearCatalog();
        for (Caller role : SIGNED_IN) {
            users.put(role, data.user("matrix-" + role.name().toLowerCase(), TEAM, Role.valueOf(role.name())));
        }
        long engineer = users.get(ENGINEER).id();
        tokens.put(EXPORT_TOKEN, tokenService.create(engineer, "matrix export", List.of("export")).token());
        tokens.put(IMPORT_TOKEN, tokenService.create(engineer, "matrix import", List.of("import")).token());
    }

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    void theApiTableListsEveryEndpoint() {
        assertThat(API.stream().map(Endpoint::name))
                .as("Endpoints under /api; add a new one to AccessMatrixTests.API, saying who may call it")
                .containsExactlyInAnyOrderElementsOf(ApiEndpoints.all(context).stream()
                        .map(ApiEndpoints.Endpoint::key).toList());
    }

    @Test
    void theViewTableListsEveryRoute() {
        ViewTestSupport.setUp(context);
        List<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .flatMap(route -> Stream.concat(Stream.of(route), route.getRouteAliases().stream()))
                .map(RouteBaseData::getTemplate)
                .toList();

        assertThat(VIEWS.stream().map(View::route))
                .as("View routes; add a new one to AccessMatrixTests.VIEWS, saying who may open it")
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    void everyEndpointAnswersAsTheTableSays(Caller caller) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : API) {
            MockHttpServletResponse response = mvc.perform(endpoint.newRequest().with(credentials(caller)))
                    .andReturn().getResponse();
            Access expected = expected(endpoint.allowed(), caller);
            Access actual = access(response);
            if (actual != expected) {
                wrong.add(endpoint.name() + ": expected " + expected + ", got " + response.getStatus() + " "
                        + response.getContentAsString());
            }
        }
        assertThat(wrong).as("endpoints that answer %s otherwise than the table says", caller).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Caller.class, names = {"ANONYMOUS", "JUDGE", "LEAD", "ENGINEER", "ADMIN"})
    void everyViewOpensAsTheTableSays(Caller caller) {
        showViewsTo(caller);
        List<String> wrong = new ArrayList<>();
        for (View view : VIEWS) {
            Access expected = expected(view.allowed(), caller);
            Access actual = open(view.route());
            if (actual != expected) {
                wrong.add("/" + view.route() + ": expected " + expected + ", got " + actual);
            }
        }
        assertThat(wrong).as("views that open for %s otherwise than the table says", caller).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Caller.class, names = {"JUDGE", "LEAD", "ENGINEER", "ADMIN"})
    void theMenuOffersTheViewsTheCallerMayOpen(Caller caller) {
        showViewsTo(caller);
        UI.getCurrent().navigate(LeaderboardView.class);

        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel))
                .containsExactlyInAnyOrderElementsOf(VIEWS.stream()
                        .filter(view -> view.allowed().contains(caller))
                        .map(view -> RouteConfiguration.forApplicationScope().getRoute(view.route()).orElseThrow())
                        .filter(target -> target.isAnnotationPresent(Menu.class))
                        .map(target -> target.getAnnotation(Menu.class).title())
                        .distinct()
                        .toList());
    }

    private void showViewsTo(Caller caller) {
        if (caller == ANONYMOUS) {
            ViewTestSupport.setUp(context);
        } else {
            ViewTestSupport.signInAndSetUp(context, users.get(caller));
        }
    }

    private static Access expected(Set<Caller> allowed, Caller caller) {
        return allowed.contains(caller) ? Access.ALLOWED : caller == ANONYMOUS ? Access.SIGN_IN_FIRST : Access.DENIED;
    }

    /** Refusals must be the API's JSON errors, a 401 with the header that asks for credentials. */
    private Access access(MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        if (status != 401 && status != 403) {
            return status < 500 ? Access.ALLOWED : Access.BROKEN;
        }
        boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType()))
                && this.json.readTree(response.getContentAsString()).path("error").isTextual();
        if (status == 401) {
            boolean asksForCredentials = response.getHeader(HttpHeaders.WWW_AUTHENTICATE) != null;
            return json && asksForCredentials ? Access.SIGN_IN_FIRST : Access.BROKEN;
        }
        return json ? Access.DENIED : Access.BROKEN;
    }

    /** Karibu reports a navigation refused by the view's access annotations as an error naming the cause. */
    private static Access open(String route) {
        Class<? extends Component> target = RouteConfiguration.forApplicationScope().getRoute(route).orElseThrow();
        try {
            UI.getCurrent().navigate(route);
            if (!_find(target).isEmpty()) {
                return Access.ALLOWED;
            }
            return _find(LoginView.class).isEmpty() ? Access.BROKEN : Access.SIGN_IN_FIRST;
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).contains("AccessDeniedException")) {
                return Access.DENIED;
            }
            throw e;
        }
    }

    private RequestPostProcessor credentials(Caller caller) {
        if (caller == ANONYMOUS) {
            return request -> request;
        }
        if (tokens.containsKey(caller)) {
            return request -> {
                request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(caller));
                return request;
            };
        }
        // Signed in without HTTP Basic: a BCrypt check on every call would make the table slow to run.
        // ApiSecurityTests covers Basic itself.
        return authentication(data.authentication(users.get(caller)));
    }

    record Endpoint(String name, String tried, Set<Caller> allowed) {

        MockHttpServletRequestBuilder newRequest() {
            String[] methodAndPath = tried.split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(methodAndPath[0]);
            MockHttpServletRequestBuilder request = request(method, methodAndPath[1]);
            return Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH).contains(method)
                    ? request.contentType(MediaType.APPLICATION_JSON).content("{}")
                    : request;
        }
    }

    record View(String route, Set<Caller> allowed) {
    }

    private static Endpoint endpoint(String name, Caller... allowed) {
        return endpoint(name, name, allowed);
    }

    private static Endpoint endpoint(String name, String tried, Caller... allowed) {
        return new Endpoint(name, tried, Set.of(allowed));
    }

    private static View view(String route, Caller... allowed) {
        return new View(route, Set.of(allowed));
    }
}
