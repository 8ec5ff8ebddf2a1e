package com.verdict.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Throws files of valid lines with malformed ones mixed in at the REST import: every such file must be a 400
 * that names the malformed lines, with the database unchanged, never a 500. The Spring context is the one
 * the other {@code @VerdictTest} classes share, injected through Spring's TestContextManager.
 */
@VerdictTest
class ImportPropertyTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private MockMvc mvc;
    private static Person engineer;

    @BeforeContainer
    static void reset() {
        engineer = null;
    }

    @BeforeProperty
    void inject() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        if (engineer == null) {
            data.clearCatalog();
            engineer = data.user("prop-engineer", null, Role.ENGINEER);
            data.interactions("stored", 3);
        }
    }

    @Property(tries = 150)
    void malformedLinesAreA400NamingThemAndChangeNothing(@ForAll("files") List<Line> lines) throws Exception {
        long interactions = data.count("interaction");
        long candidates = data.count("candidate");
        long pool = data.count("pair_pool");
        StringBuilder body = new StringBuilder();
        List<Long> malformed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            body.append(lines.get(i).text()).append('\n');
            if (lines.get(i).malformed()) {
                malformed.add((long) i + 1);
            }
        }

        MockHttpServletResponse response = mvc.perform(post("/api/interactions")
                        .contentType("application/x-ndjson").content(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .with(httpBasic(engineer.username(), TestData.PASSWORD)))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        JsonNode errors = json.readTree(response.getContentAsString()).get("errors");
        List<Long> reported = new ArrayList<>();
        errors.forEach(e -> reported.add(e.get("line").asLong()));
        assertThat(reported).as("lines named").isNotEmpty().isSubsetOf(malformed);
        assertThat(reported.get(0)).isEqualTo(malformed.get(0));
        assertThat(data.count("interaction")).isEqualTo(interactions);
        assertThat(data.count("candidate")).isEqualTo(candidates);
        assertThat(data.count("pair_pool")).isEqualTo(pool);
    }

    record Line(String text, boolean malformed) {
    }

    @Provide
    Arbitrary<List<Line>> files() {
        Arbitrary<Line> valid = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)
                .map(id -> new Line(TestData.interactionLine("p-" + id + "-" + System.nanoTime(), 2), false));
        Arbitrary<Line> malformed = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).filter(s -> !s.isBlank() && !s.contains("\n")
                        && !s.contains("\r")),
                Arbitraries.of("{", "[]", "null", "42", "\"text\"", "{\"id\": \"a\"}", "{}", "{\"id\": 1}",
                        ImportTests.line("\"category\": \"nope\""), ImportTests.line("\"responses\": []"),
                        ImportTests.line("\"responses\": [{\"text\": 1}, {\"text\": \"b\"}]"),
                        ImportTests.line("\"extra\": true"), ImportTests.line("\"gold\": {\"best\": 9}"),
                        ImportTests.line("\"tags\": [null]"), ImportTests.line("\"instruction\": \"\""),
                        "{\"id\": \"dup\", \"id\": \"dup\"}", "{\"a\": NaN}", "{\"a\": 1} trailing"),
                Arbitraries.strings().withChars("{}[]\":,0123456789abc nul").ofMinLength(1).ofMaxLength(30)
                        .filter(s -> !s.isBlank()))
                .map(text -> new Line(text, true));
        return Arbitraries.oneOf(valid, valid, malformed).list().ofMinSize(1).ofMaxSize(12)
                .filter(lines -> lines.stream().anyMatch(Line::malformed));
    }
}
