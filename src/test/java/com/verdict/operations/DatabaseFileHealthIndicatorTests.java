package com.verdict.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.VerdictTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@VerdictTest
class DatabaseFileHealthIndicatorTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DatabaseFileHealthIndicator health;

    @Test
    void readinessReadsATable() throws Exception {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void aDatabaseThatCannotReadItsFileIsDown() {
        JdbcTemplate closed = new JdbcTemplate() {
            @Override
            public <T> List<T> queryForList(String sql, Class<T> type) {
                throw new DataAccessResourceFailureException("Reading from file failed (the file is closed)");
            }
        };

        assertThat(new DatabaseFileHealthIndicator(closed).health().getStatus()).isEqualTo(Status.DOWN);
    }
}
