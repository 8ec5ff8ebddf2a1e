package com.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Throws bad bodies at every endpoint under /api that reads one, found from Spring MVC's mappings so that a new
 * one is fuzzed too: malformed JSON, wrongly typed fields, nulls, random unicode, deep nesting, oversized bodies
 * and wrong content types, sent by a user with every role. No answer may be a 5xx, every refusal is a JSON
 * error, and a refused request leaves every table with the rows it had. Runs on the shared test application
 * (jqwik does not start Spring, so each property asks Spring's test context for it).
 */
@VerdictTest
class ApiFuzzPropertyTests {

    /**
     * A valid body for each endpoint that reads one: the fuzzing starts from it, so that a bad field reaches the
     * code behind the others' checks; {@value #UNIQUE} becomes a new number in every request, so that what must be
     * new is. An endpoint missing here fails {@link #everyEndpointWithABodyHasAValidOne}.
     */
    private static final Map<String, String> VALID_BODIES = Map.of(
            "POST /api/admin/seasons", "{\"title\": \"Fuzz cup\", \"prize\": \"A mug\", "
                    + "\"startsAt\": \"2001-01-01T00:00:00Z\", \"endsAt\": \"2001-02-01T00:00:00Z\"}",
            "POST /api/admin/users", "{\"username\": \"fuzzed-{unique}\", \"displayName\": \"Fuzzed\", "
                    + "\"team\": \"Fuzz\", \"roles\": [\"JUDGE\"], \"password\": \"pw-1234\"}",
            "POST /api/assignments/{id}/judgment", "{\"verdict\": \"LEFT\", \"reason\": \"clearer\"}",
            "POST /api/interactions", TestData.interactionLine("fuzzed-{unique}", 3),
            "POST /api/tokens", "{\"name\": \"fuzzed\", \"scopes\": [\"export\"]}",
            "PUT /api/me/preferences", "{\"showOnLeaderboard\": true}");

    /** The first value in a body that is text, a flat array or true/false (with the colon before it). */
    private static final String FIRST_VALUE = ":\\s*(\"[^\"]*\"|\\[[^\\]]*\\]|true|false)";

    /** Tables that scheduled jobs write whatever the requests do (locks, frozen seasons, nightly notices). */
    private static final Set<String> WRITTEN_BY_SCHEDULES = Set.of("shedlock", "season_standing", "notice");

    private static final List<String> NASTY_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\t\r\n", "\ud800",
            "\udc00x", "😀", "\u202eevil", "\ufeff", "null", "NaN", "-0", "1e309", "<script>alert(1)</script>",
            "'; drop table app_user; --", "%s%n%x", "../../etc/passwd", "${jndi:ldap://x}", "\\", "\"");

    private static final String UNIQUE = "{unique}";
    private static final AtomicLong UNIQUES = new AtomicLong();

    /** Plain Jackson, to write bodies as given (the app's mapper leaves out nulls) and read the answers. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Person fuzzer;
    private static String rowCountsQuery;
    private static JdbcTemplate jdbcForCleanUp;

    @Autowired
    WebApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JudgingService judging;
    @Autowired
    DataSource dataSource;

    @BeforeContainer
    static void reset() {
        fuzzer = null;
    }

    @BeforeProperty
    void inject() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        if (fuzzer == null) {
            data.clearCatalog();
            fuzzer = data.user("fuzzer", null, Role.JUDGE, Role.LEAD, Role.ENGINEER, Role.ADMIN);
            // Pairs for the valid judgments the fuzzing makes, one each.
            data.interactions("fuzz", 200);
            rowCountsQuery = rowCountsQuery();
            jdbcForCleanUp = jdbc;
        }
    }

    /** Seasons the fuzzing created may be running now, and would show on other tests' boards. */
    @AfterContainer
    static void removeSeasons() {
        if (jdbcForCleanUp != null) {
            jdbcForCleanUp.update("delete from season");
        }
    }

    @Example
    void everyEndpointWithABodyHasAValidOne() {
        assertThat(VALID_BODIES.keySet())
                .as("Endpoints under /api that read a body; add a valid body for a new one to VALID_BODIES")
                .containsExactlyInAnyOrderElementsOf(endpointsWithABody());
    }

    @Property(tries = 120)
    void malformedJsonIsRefused(@ForAll("endpoints") String endpoint, @ForAll("malformed") Mutation mutation)
            throws Exception {
        sendAndCheck(endpoint, MediaType.APPLICATION_JSON_VALUE, mutation.apply(VALID_BODIES.get(endpoint)));
    }

    @Property(tries = 400)
    void wronglyTypedNullAndUnicodeFieldsAreRefusedOrStoredWhole(@ForAll("bodies") Map.Entry<String, JsonNode> body)
            throws Exception {
        sendAndCheck(body.getKey(), MediaType.APPLICATION_JSON_VALUE, JSON.writeValueAsString(body.getValue()));
    }

    @Property(tries = 30)
    void deepNestingIsRefused(@ForAll("endpoints") String endpoint, @ForAll("depths") int depth,
            @ForAll boolean inAField) throws Exception {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        String body = inAField ? VALID_BODIES.get(endpoint).replaceFirst(FIRST_VALUE, ":" + nested) : nested;
        sendAndCheck(endpoint, MediaType.APPLICATION_JSON_VALUE, body);
    }

    @Property(tries = 15)
    void oversizedBodiesAreRefusedOrStoredWhole(@ForAll("endpoints") String endpoint,
            @ForAll("oversized") Mutation mutation) throws Exception {
        sendAndCheck(endpoint, MediaType.APPLICATION_JSON_VALUE, mutation.apply(VALID_BODIES.get(endpoint)));
    }

    @Property(tries = 40)
    void wrongContentTypesAreRefused(@ForAll("endpoints") String endpoint, @ForAll("contentTypes") String type)
            throws Exception {
        sendAndCheck(endpoint, type, VALID_BODIES.get(endpoint));
    }

    /**
     * Sends the body as the fuzzing user, who may call every endpoint: never a 5xx (nor a 401 or 403), a refusal
     * is a JSON error, and after one every table has the rows it had.
     */
    private void sendAndCheck(String endpoint, String contentType, String body) throws Exception {
        String[] methodAndPattern = endpoint.split(" ", 2);
        String path = UriComponentsBuilder.fromPath(methodAndPattern[1])
                .buildAndExpand(pathVariables(methodAndPattern[1])).toUriString();
        String unique = String.valueOf(UNIQUES.incrementAndGet());
        Map<String, Long> before = rowCounts();
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(methodAndPattern[0]), path)
                .content(body.replace(UNIQUE, unique).getBytes(StandardCharsets.UTF_8))
                .with(authentication(data.authentication(fuzzer)));
        if (contentType != null) {
            call.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();

        String answer = response.getContentAsString(StandardCharsets.UTF_8);
        String sent = body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
        assertThat(response.getStatus()).as("%s %s with %s: %s", endpoint, contentType, sent, answer)
                .isBetween(200, 499).isNotIn(401, 403);
        if (response.getStatus() >= 400) {
            assertThat(JSON.readTree(answer).path("error").isTextual()).as("a JSON error: %s", answer).isTrue();
            assertThat(rowCounts()).as("rows after %s refused %s", endpoint, sent).isEqualTo(before);
        }
    }

    /** Values for the path variables of the endpoints that have some: a new one must be added here. */
    private Map<String, Object> pathVariables(String pattern) {
        return switch (pattern) {
            case "/api/assignments/{id}/judgment" ->
                    Map.of("id", judging.next(fuzzer.id(), null).orElseThrow().assignmentId());
            default -> Map.of();
        };
    }

    private List<String> endpointsWithABody() {
        return ApiEndpoints.all(context).stream()
                .filter(endpoint -> endpoint.body().isPresent())
                .map(ApiEndpoints.Endpoint::key)
                .toList();
    }

    /** Rows in each table. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(rowCountsQuery, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /** One query that counts the rows of every table but those the schedules write. */
    private String rowCountsQuery() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                        new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!WRITTEN_BY_SCHEDULES.contains(table.toLowerCase())) {
                    tables.add(table);
                }
            }
        }
        return tables.stream().map(t -> "select '" + t + "', count(*) from \"" + t + "\"")
                .collect(Collectors.joining(" union all "));
    }

    /** Turns a valid body into a bad one. */
    interface Mutation {
        String apply(String valid);
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(VALID_BODIES.keySet());
    }

    @Provide
    Arbitrary<Mutation> malformed() {
        Arbitrary<Mutation> truncated = Arbitraries.doubles().between(0, 1)
                .<Mutation>map(at -> valid -> valid.substring(0, (int) (at * valid.length())));
        Arbitrary<Mutation> spliced = Combinators.combine(Arbitraries.doubles().between(0, 1),
                        Arbitraries.strings().withChars("{}[]\":,\\ ntrufalse0123456789.-eE").ofMinLength(1)
                                .ofMaxLength(4))
                .as((at, junk) -> (Mutation) valid -> {
                    int i = (int) (at * valid.length());
                    return valid.substring(0, i) + junk + valid.substring(i);
                });
        Arbitrary<Mutation> replaced = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                        Arbitraries.of("", "null", "[]", "42", "\"text\"", "{", "}", "{\"a\":}", "{'a': 1}", "{a: 1}",
                                "{\"a\": 1,}", "{\"a\": NaN}", "{\"a\": 01}", "{} {}", "\u0000", "\ufeff{}", "[{}]"))
                .<Mutation>map(junk -> valid -> junk);
        return Arbitraries.oneOf(truncated, spliced, replaced);
    }

    /** An endpoint and a body like its valid one with some fields changed to anything, or dropped. */
    @Provide
    Arbitrary<Map.Entry<String, JsonNode>> bodies() {
        return endpoints().flatMap(endpoint -> {
            JsonNode valid = readTree(VALID_BODIES.get(endpoint));
            return likeThis(valid, 2).map(body -> Map.entry(endpoint, body));
        });
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(200, 5000);
    }

    @Provide
    Arbitrary<Mutation> oversized() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(100_000, 3_000_000);
        Arbitrary<Mutation> longText = sizes.<Mutation>map(n -> valid -> valid.replaceFirst("\"[^\"]*\"(\\s*[,}])",
                "\"" + "é".repeat(n) + "\"$1"));
        Arbitrary<Mutation> longArray = sizes.<Mutation>map(n -> valid -> "[" + "1,".repeat(n / 2) + "1]");
        Arbitrary<Mutation> manyFields = sizes.<Mutation>map(n -> valid -> "{" + IntStream.range(0, n / 20)
                .mapToObj(i -> "\"f" + i + "\": " + i).collect(Collectors.joining(",")) + "}");
        Arbitrary<Mutation> longNumber = Arbitraries.integers().between(1_000, 100_000)
                .<Mutation>map(n -> valid -> valid.replaceFirst(FIRST_VALUE, ":" + "9".repeat(n)));
        return Arbitraries.oneOf(longText, longArray, manyFields, longNumber);
    }

    /** Missing (null) or wrong; not an empty charset, which MockMvc itself cannot take (Tomcat answers 415). */
    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/octet-stream", "image/png", "garbage",
                        "application/json; charset=UTF-16", "application/json; charset=no-such-charset", ";;;", "*/*")
                .injectNull(0.1);
    }

    /**
     * Like {@code valid} with one or two fields changed (an unknown one may be added), so that the others still
     * pass: a value of the field's kind or of any kind, null, or dropped.
     */
    private Arbitrary<JsonNode> likeThis(JsonNode valid, int depth) {
        if (!(valid instanceof ObjectNode object)) {
            return ofKind(valid, depth);
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.add("unexpected");
        return Arbitraries.subsetOf(names).ofMinSize(1).ofMaxSize(2).flatMap(changing -> {
            List<Arbitrary<Optional<JsonNode>>> values = names.stream()
                    .map(name -> changing.contains(name) ? changed(object.get(name), depth)
                            : Arbitraries.just(Optional.ofNullable(object.get(name))))
                    .toList();
            return Combinators.combine(values).as(fields -> {
                ObjectNode changed = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < names.size(); i++) {
                    int index = i;
                    fields.get(i).ifPresent(value -> changed.set(names.get(index), value));
                }
                return changed;
            });
        });
    }

    /** Another value for a field ({@code valid} is null for the unknown one): empty to drop it. */
    private Arbitrary<Optional<JsonNode>> changed(JsonNode valid, int depth) {
        return Arbitraries.frequencyOf(
                Tuple.of(valid == null ? 0 : 4, valid == null ? anyJson(0) : ofKind(valid, depth)),
                Tuple.of(1, anyJson(depth)),
                Tuple.of(1, Arbitraries.just(NullNode.instance)))
                .map(Optional::of)
                .injectNull(0.1)
                .map(value -> value == null ? Optional.empty() : value);
    }

    /** A value of the same JSON kind as {@code valid}; text that is a time becomes other times. */
    private Arbitrary<JsonNode> ofKind(JsonNode valid, int depth) {
        if (valid.isTextual()) {
            // Made unique with a suffix, text gets past checks that it is new (a username, an id).
            Arbitrary<String> similar = Arbitraries.oneOf(Arbitraries.of(valid.asText().toLowerCase(),
                            " " + valid.asText() + " "),
                    Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)
                            .map(suffix -> valid.asText() + suffix));
            Arbitrary<JsonNode> text = Arbitraries.oneOf(strings(), similar).map(TextNode::valueOf);
            return isInstant(valid.asText()) ? Arbitraries.oneOf(text, instants()) : text;
        }
        if (valid.isBoolean()) {
            return Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE);
        }
        if (valid.isNumber()) {
            return numbers();
        }
        if (valid.isArray() && depth > 0) {
            JsonNode element = valid.isEmpty() ? TextNode.valueOf("x") : valid.get(0);
            return Arbitraries.oneOf(likeThis(element, depth - 1), Arbitraries.just(NullNode.instance))
                    .list().ofMaxSize(4).map(items -> JsonNodeFactory.instance.arrayNode().addAll(items));
        }
        if (valid.isObject() && depth > 0) {
            return likeThis(valid, depth - 1);
        }
        return anyJson(0);
    }

    private Arbitrary<JsonNode> anyJson(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(Arbitraries.just(NullNode.instance),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE), numbers(), strings().map(TextNode::valueOf));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> array = anyJson(depth - 1).list().ofMaxSize(3)
                .map(items -> JsonNodeFactory.instance.arrayNode().addAll(items));
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(8), anyJson(depth - 1))
                .ofMaxSize(3)
                .map(entries -> JsonNodeFactory.instance.objectNode().setAll(entries));
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30), Arbitraries.of(NASTY_STRINGS),
                Arbitraries.integers().between(190, 2100).map("x"::repeat));
    }

    private static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.of("0", "-1", "1.5", "1e308", "-1e308", "1e-400", "1e999999", "-1e999999",
                                "123456789012345678901234567890", "0.000000000000000000000000000001")
                        .map(number -> DecimalNode.valueOf(new BigDecimal(number))));
    }

    /** Any instant Java can hold, from years before the database's range to years after it, or a number. */
    private static Arbitrary<JsonNode> instants() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(second -> TextNode.valueOf(Instant.ofEpochSecond(second).toString())),
                Arbitraries.longs().between(-2_000_000_000L, 5_000_000_000L)
                        .map(second -> TextNode.valueOf(Instant.ofEpochSecond(second).toString())),
                numbers());
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a valid JSON body: " + body, e);
        }
    }
}
