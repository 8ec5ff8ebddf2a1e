package com.verdict.scoring;

import com.verdict.people.TeamRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A renamed team keeps its agreement under the new name until the next refit measures it again: without this, the
 * boards showed no agreement for it for up to a refit interval. (A refit that read the teams before the rename and
 * writes after it still writes the old name: the team then shows none until the next refit.)
 */
@Component
class AgreementTeamNames {

    private final JdbcTemplate jdbc;

    AgreementTeamNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TeamRenamed renamed) {
        // A team deleted since the last refit may still have a row of that name.
        jdbc.update("delete from agreement_alpha where scope = 'TEAM' and name = ?", renamed.name());
        jdbc.update("update agreement_alpha set name = ? where scope = 'TEAM' and name = ?", renamed.name(),
                renamed.previousName());
    }
}
