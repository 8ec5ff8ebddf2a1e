package com.verdict.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.people.Person;
import com.verdict.people.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@VerdictTest
class InteractionApiTests {

    static final String NDJSON = "application/x-ndjson";

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    Person engineer;

    @BeforeEach
    void setUp() {
        // Built here rather than with @AutoConfigureMockMvc, so that every @VerdictTest shares one context.
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data.clearCatalog();
        engineer = data.user("engineer", null, Role.ENGINEER);
    }

    @Test
    void importsAndReportsCounts() throws Exception {
        send(TestData.interactionLine("api-1", 2) + "\n" + TestData.interactionLine("api-2", 3), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.skipped").value(0))
                .andExpect(jsonPath("$.replaced").value(0));
    }

    @Test
    void aFaultyFileIsA400ListingEveryErrorWithLineAndFieldAndNothingIsStored() throws Exception {
        send(TestData.interactionLine("ok", 2) + "\n" + ImportTests.line("\"category\": \"poem\""), "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("The file has 1 error on 1 line; nothing was imported"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("category"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("unknown category")))
                .andExpect(jsonPath("$.totalErrors").value(1));
        assertThat(jdbc.queryForObject("select count(*) from interaction", Long.class)).isZero();
    }

    @Test
    void aLineOfACategoryThatAnswersFromAContextWithoutOneIsImportedWithANote() throws Exception {
        String bare = """
                {"id": "bare", "instruction": "Who won?", "category": "closed_qa", "responses": [{"text": "A"}, {"text": "B"}]}""";
        String given = """
                {"id": "given", "instruction": "Sum it up", "context": "A long text.", "category": "summarization",                 "responses": [{"text": "A"}, {"text": "B"}]}""";
        String open = """
                {"id": "open", "instruction": "Why?", "category": "open_qa", "responses": [{"text": "A"}, {"text": "B"}]}""";

        send(given + "\n" + bare + "\n" + open, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.totalNotes").value(1))
                .andExpect(jsonPath("$.notes[0].line").value(2))
                .andExpect(jsonPath("$.notes[0].field").value("context"))
                .andExpect(jsonPath("$.notes[0].message").value("closed_qa answers from a context, and this line "
                        + "has none: judges see the instruction alone, and its Dolly record has an empty context"));
        send(open, "").andExpect(jsonPath("$.totalNotes").value(0)).andExpect(jsonPath("$.notes").isEmpty());
        send(bare, "").andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.totalNotes").value(0)); // noted when it was stored, not again
    }

    @Test
    void skipInvalidIsA200WithTheErrors() throws Exception {
        send("garbage\n" + TestData.interactionLine("fine", 2), "?mode=skip-invalid")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.invalid").value(1))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.totalErrors").value(1));
        send(TestData.interactionLine("fine", 2), "?mode=skip-invalid")
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.invalid").value(0));
    }

    @Test
    void aMisspeltParameterOrAnEmptyFileIsA400AndNothingIsStored() throws Exception {
        send("garbage\n" + TestData.interactionLine("typo", 2), "?mdoe=skip-invalid")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value("mdoe: unknown parameter (allowed: mode, on-conflict)"));
        send("\n  \n", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("the file is empty"));
        assertThat(data.count("interaction")).isZero();
    }

    @Test
    void aChangedIdIsA409NamingItAndReplaceSwapsIt() throws Exception {
        send(TestData.interactionLine("conflict", 2), "").andExpect(status().isOk());

        send(TestData.interactionLine("conflict", 3), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("different content")))
                .andExpect(jsonPath("$.details[0]").value("conflict (line 1)"));
        send(TestData.interactionLine("conflict", 3), "?on-conflict=replace")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replaced").value(1));
        send(TestData.interactionLine("conflict", 3), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skipped").value(1));
    }

    @Test
    void unknownParametersAreA400() throws Exception {
        send(TestData.interactionLine("p", 2), "?on-conflict=overwrite")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value("on-conflict: must be reject or replace, not 'overwrite'"));
        send(TestData.interactionLine("p", 2), "?mode=lenient").andExpect(status().isBadRequest());
    }

    @Test
    void onlyEngineersImport() throws Exception {
        Person judge = data.user("judge");
        mvc.perform(post("/api/interactions").contentType(NDJSON).content(TestData.interactionLine("x", 2))
                        .with(httpBasic(judge.username(), TestData.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private ResultActions send(String body, String query) throws Exception {
        return mvc.perform(post("/api/interactions" + query).contentType(NDJSON).content(body)
                .with(httpBasic(engineer.username(), TestData.PASSWORD)));
    }
}
