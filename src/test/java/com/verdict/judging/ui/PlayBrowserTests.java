package com.verdict.judging.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.verdict.Browser;
import com.verdict.BrowserTest;
import com.verdict.TestData;
import com.verdict.people.Person;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@BrowserTest
class PlayBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void openBrowser() {
        browser.open(port);
    }

    @Test
    void aDemoJudgeFinishesARoundWithTheKeyboardOnly() throws InterruptedException {
        browser.logIn("bob", "demo");
        browser.find(".verdict-welcome");

        browser.press(Keys.ENTER);
        browser.waitForText(".verdict-progress-label", "1 of 10");
        browser.screenshot("play-pair");

        WebElement reason = browser.find(".verdict-reason input");
        reason.sendKeys("1");
        // Nothing may happen now; give a wrongly sent key event the time to reach the server and come back.
        Thread.sleep(500);
        browser.waitForVaadin();
        assertThat(browser.find(".verdict-progress-label").getText()).isEqualTo("1 of 10");
        assertThat(reason.getDomProperty("value")).isEqualTo("1");

        // Escape leaves the field, and the next key is a verdict again.
        reason.sendKeys(Keys.ESCAPE);
        browser.pressOnFocused("1");
        browser.waitForText(".verdict-progress-label", "2 of 10");
        assertThat(browser.find(".verdict-points-earned").getText()).startsWith("+");
        assertThat(browser.find(".verdict-sources").getText()).startsWith("Previous pair: left was ");
        // The new pair has the focus (a screen reader starts there), and the keys work from it.
        assertThat(browser.script("return document.activeElement.getAttribute('aria-label')"))
                .isEqualTo("Pair 2 of 10");

        CharSequence[] rest = {Keys.ARROW_LEFT, "2", Keys.ARROW_RIGHT, "T", "B", "S", "t", "b"};
        for (int i = 0; i < rest.length; i++) {
            browser.pressOnFocused(rest[i]);
            browser.waitForText(".verdict-progress-label", (i + 3) + " of 10");
        }
        browser.press(Keys.ARROW_RIGHT);

        browser.waitForText(".verdict-summary h1", "Round complete!");
        browser.screenshot("play-summary");
        assertThat(browser.find(".verdict-summary p").getText()).isEqualTo("You judged 9 pairs and skipped 1.");
        long pointsInAll = Long.parseLong(browser.find(".verdict-summary .verdict-stat:nth-child(2) .verdict-stat-value")
                .getText());

        // The boards fold the round's scores within two seconds.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode bob = leaderboardRow("bob");
            assertThat(bob.get("judgments").asLong()).as("nine verdicts and one skip").isEqualTo(9);
            assertThat(bob.get("points").asLong()).isEqualTo(pointsInAll);
        });
    }

    @Test
    void enterOnAButtonOrAMenuLinkDoesThatAloneAndDealsNoRoundBehindIt() {
        Person first = data.user("enter-on-start");
        browser.logIn(first.username(), TestData.PASSWORD);
        browser.script("arguments[0].focus()", browser.find(".verdict-start"));
        browser.pressOnFocused(Keys.ENTER);
        browser.waitForText(".verdict-progress-label", "1 of 10");
        browser.waitForVaadin();
        assertThat(rounds(first)).as("one round, not one for the key and one for the click").isEqualTo(1);

        Person second = data.user("enter-on-menu");
        browser.driver().manage().deleteAllCookies();
        browser.logIn(second.username(), TestData.PASSWORD);
        browser.find(".verdict-welcome");
        // The item's link lives in its shadow root: focus it as Tab would.
        browser.script("arguments[0].shadowRoot.querySelector('a').focus()",
                browser.find("vaadin-side-nav-item[path='leaderboard']"));
        browser.pressOnFocused(Keys.ENTER);
        browser.find(".verdict-leaderboard");
        browser.waitForVaadin();
        assertThat(rounds(second)).as("the menu link went to the leaderboard and dealt nothing").isZero();
    }

    private long rounds(Person judge) {
        return jdbc.queryForObject("select count(*) from round where judge_id = ?", Long.class, judge.id());
    }

    private JsonNode leaderboardRow(String username) {
        ResponseEntity<JsonNode> board = rest.withBasicAuth(username, "demo").getForEntity("/api/leaderboard",
                JsonNode.class);
        assertThat(board.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(board.getBody().spliterator(), false)
                .filter(row -> row.get("username").asText().equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError(username + " is not on the leaderboard: " + board.getBody()));
    }
}
