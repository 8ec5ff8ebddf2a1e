package com.verdict.leaderboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.verdict.Browser;
import com.verdict.BrowserTest;
import com.verdict.TestData;
import com.verdict.people.Person;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A leaderboard open in a browser shows another judge's new points without a reload (Vaadin Push). */
@BrowserTest
class LiveLeaderboardBrowserTests {

    private static final String GRID_SHOWS = "return [...document.querySelectorAll('vaadin-grid-cell-content')]"
            + ".some(cell => cell.textContent.trim() === arguments[0])";

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;

    @Test
    void anOpenBoardUpdatesWhenAnotherJudgeScores() {
        Person watcher = data.user("watcher");
        Person scorer = data.user("scorer");
        browser.open(port);
        browser.logIn(watcher.username(), TestData.PASSWORD);
        browser.go("/leaderboard");
        browser.find(".verdict-judges");
        assertThat(browser.script(GRID_SHOWS, scorer.displayName())).isEqualTo(false);

        TestRestTemplate asScorer = rest.withBasicAuth(scorer.username(), TestData.PASSWORD);
        JsonNode deal = asScorer.postForObject("/api/assignments/next", null, JsonNode.class);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        asScorer.postForObject("/api/assignments/" + deal.get("assignment").asLong() + "/judgment",
                new HttpEntity<>("{\"verdict\": \"TIE\"}", json), JsonNode.class);

        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> Boolean.TRUE.equals(browser.script(GRID_SHOWS, scorer.displayName())));
        browser.screenshot("leaderboard-live");
    }
}
