package com.verdict.leaderboard;

import com.verdict.base.SequenceIds;
import com.verdict.base.VerdictProperties;
import com.verdict.base.Words;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.CategoryCount;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each night, what Databricks posted during its contest: yesterday's top judges and how far the dataset
 * has come in each category, as an in-app notice.
 */
@Component
class NightlySummary {

    static final int TOP_JUDGES = 3;

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final PeopleService people;
    private final CatalogService catalog;
    private final VerdictProperties properties;

    NightlySummary(JdbcTemplate jdbc, SequenceIds ids, PeopleService people, CatalogService catalog,
            VerdictProperties properties) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.people = people;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "${verdict.leaderboard.zone:UTC}")
    @SchedulerLock(name = "nightly-summary")
    @Transactional
    public void postForYesterday() {
        post(LocalDate.now(properties.leaderboard().zone()).minusDays(1));
    }

    /** Posts the summary of {@code day} unless it was posted already. */
    Notice post(LocalDate day) {
        String title = "Yesterday on Verdict — " + day;
        Optional<Notice> posted = jdbc.query("select * from notice where title = ?", Notices.NOTICE, title).stream()
                .findFirst();
        if (posted.isPresent()) {
            return posted.get();
        }
        long id = ids.next("notice_seq");
        Instant now = Instant.now();
        jdbc.update("insert into notice (id, created_at, title, body) values (?, ?, ?, ?)", id, Timestamp.from(now),
                title, body(day));
        return new Notice(id, now, title, body(day));
    }

    private String body(LocalDate day) {
        StringBuilder body = new StringBuilder("**Top judges**\n\n");
        List<long[]> top = jdbc.query("select judge_id, points, judgments from board_score where period_key = ? "
                        + "and not exists (select 1 from judge_preference p where p.judge_id = board_score.judge_id "
                        + "and p.show_on_leaderboard = false) order by points desc, judge_id fetch first ? rows only",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, "day:" + day, TOP_JUDGES);
        if (top.isEmpty()) {
            body.append("Nobody judged yesterday — today is your chance to top the board.\n");
        }
        Map<Long, Person> persons = people.byIds(top.stream().map(r -> r[0]).toList());
        for (int i = 0; i < top.size(); i++) {
            long[] row = top.get(i);
            body.append(i + 1).append(". ").append(Words.markdownLiteral(persons.get(row[0]).displayName()))
                    .append(" — ").append(row[1])
                    .append(" points, ").append(row[2]).append(" judgments\n");
        }
        body.append("\n**The dataset**\n\n");
        for (CategoryCount count : catalog.categoryCounts()) {
            body.append("- ").append(count.category().label()).append(": ").append(count.decided()).append(" of ")
                    .append(count.interactions()).append(" interactions decided\n");
        }
        return body.toString();
    }
}
