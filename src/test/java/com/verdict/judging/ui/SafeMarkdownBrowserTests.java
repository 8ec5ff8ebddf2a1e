package com.verdict.judging.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verdict.Browser;
import com.verdict.BrowserTest;
import com.verdict.TestData;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Interaction text is data, never code: script in instructions, context and responses (two demo answers
 * quote XSS payloads) never runs, and no element that can run or load code comes out of it.
 */
@BrowserTest
class SafeMarkdownBrowserTests {

    private static final String INJECTED = "window.verdictInjected=true";
    private static final Set<String> DEMO_IDS_WITH_HTML = Set.of("demo-028", "demo-037");

    /**
     * Elements that run code, load anything, restyle the page or take input, event handlers and script URLs:
     * none may come out of the text.
     */
    private static final String ACTIVE_CONTENT = """
            const pair = document.querySelector('.verdict-pair');
            const active = ['script', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'style', 'img',
                'svg', 'form', 'input', 'textarea', 'button', 'video', 'audio'];
            return [...pair.querySelectorAll('*')]
                .filter(e => active.includes(e.localName)
                    || [...e.attributes].some(a => a.name.startsWith('on') || /^\\s*(javascript|data):/i.test(a.value)))
                .map(e => e.outerHTML);""";

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;

    @BeforeEach
    void openBrowser() {
        browser.open(port);
    }

    @Test
    void htmlAndScriptInInteractionsNeverRun() throws Exception {
        Person judge = judgeWithNothingLeftToJudge();
        importProbes();

        browser.logIn(judge.username(), TestData.PASSWORD);
        browser.find(".verdict-welcome");
        browser.press(Keys.ENTER);
        StringBuilder shown = new StringBuilder();
        for (int pair = 1; pair <= 3; pair++) {
            browser.waitForText(".verdict-progress-label", pair + " of 10");
            // A broken image fires its error handler a moment after it is rendered.
            Thread.sleep(500);
            browser.screenshot("safe-markdown-" + pair);
            assertThat(ExpectedConditions.alertIsPresent().apply(browser.driver())).as("an alert").isNull();
            assertThat(browser.script("return window.verdictInjected")).as("the canary script ran").isNull();
            assertThat(browser.script(ACTIVE_CONTENT)).as("active content on the page").asList().isEmpty();
            shown.append(browser.find(".verdict-pair").getText()).append('\n');
            assertThat(browser.find(".verdict-pair").isDisplayed()).as("the page is not blanked").isTrue();
            browser.press("s");
        }
        browser.waitForText(".verdict-summary h1", "Round complete!");

        assertThat(shown.toString())
                .contains("Why is it risky to put user comments into a web page with innerHTML?")
                .contains("How can I show a simple popup message in the browser using JavaScript?")
                .as("markup is shown to the judge as the model wrote it")
                .contains("<script>" + INJECTED + "</script>")
                .contains("<img src=x onerror=alert(1)>")
                .contains("<script>alert('hi')</script>")
                .contains("<style>body{display:none}</style>");
    }

    /** A new judge who has passed on every demo pair, so that a round deals only the probes imported next. */
    private Person judgeWithNothingLeftToJudge() {
        Person judge = data.user("inert-judge");
        Optional<Deal> deal;
        while ((deal = judging.next(judge.id(), null)).isPresent()) {
            judging.skip(judge.id(), deal.get().assignmentId());
        }
        return judge;
    }

    /** The demo interactions with HTML in their answers, and one with script in every field. */
    private void importProbes() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream demo = new ClassPathResource("demo/interactions.jsonl").getInputStream()) {
            for (String line : new String(demo.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode interaction = (ObjectNode) json.readTree(line);
                if (DEMO_IDS_WITH_HTML.contains(interaction.get("id").asText())) {
                    interaction.put("id", "probe-" + interaction.get("id").asText());
                    lines.add(json.writeValueAsString(interaction));
                }
            }
        }
        assertThat(lines).hasSize(DEMO_IDS_WITH_HTML.size());
        lines.add(json.writeValueAsString(Map.of(
                "id", "probe-script-everywhere",
                "category", "open_qa",
                "instruction", "Which reply explains this snippet better? <img src=x onerror=\"" + INJECTED + "\">",
                "context", "Snippet found in a comment: <style>body{display:none}</style><script>" + INJECTED + "</script>"
                        + "<svg onload=\"" + INJECTED + "\"></svg><iframe src=\"javascript:parent.verdictInjected=true\">"
                        + "</iframe><object data=\"javascript:parent.verdictInjected=true\"></object>",
                "responses", List.of(
                        Map.of("source", "probe-a", "text", "[Open me](javascript:" + INJECTED + ") or "
                                + "<a href=\"javascript:" + INJECTED + "\">me</a>, <div onmouseover=\"" + INJECTED
                                + "\">hover here</div> <base href=\"javascript:" + INJECTED + "\">"),
                        Map.of("source", "probe-b", "text", "It is markup meant to be shown, not run:\n\n```html\n"
                                + "<script>" + INJECTED + "</script>\n```")))));

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        ResponseEntity<JsonNode> imported = rest.withBasicAuth("engineer", "demo").postForEntity("/api/interactions",
                new HttpEntity<>(String.join("\n", lines), headers), JsonNode.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("imported").asInt()).isEqualTo(3);
    }
}
