package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.InJvmApp;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A REST export whose client goes away: Spring interrupts the writing thread. On a file database an interrupt during
 * H2's file I/O closes the database for every request after it, so the export must make its one write, the history,
 * on a thread nobody interrupts.
 */
class ExportClientGoneTests {

    @TempDir
    Path dir;

    @Test
    void aClientGoingAwayLeavesTheDatabaseWorkingAndTheExportLogged() throws Exception {
        try (ConfigurableApplicationContext app = InJvmApp.start(
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("verdict"),
                "--verdict.demo.enabled=true", "--server.port=0", "--spring.main.banner-mode=off")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long engineer = jdbc.queryForObject("select id from app_user where username = 'engineer'", Long.class);
            // No page in H2's cache: the history's write has to read the file.
            jdbc.execute("set cache_size 0");
            try {
                // As Spring cancels the response's task when its client goes away: the writing thread is interrupted.
                Thread.currentThread().interrupt();
                assertThatThrownBy(() -> app.getBean(ExportService.class).write(ExportFormat.DOLLY,
                        ExportFilter.none(), OutputStream.nullOutputStream(), ExportRequester.viaUi(engineer,
                                "engineer"), n -> { }))
                        .isInstanceOf(InterruptedIOException.class);
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is the caller's to see").isTrue();
            } finally {
                Thread.interrupted();
            }

            assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(9);
            assertThat(jdbc.queryForObject("select count(*) from export_history where completed = false "
                    + "and sha256 is null and username = 'engineer'", Long.class)).as("no hash of a file broken off")
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from interaction", Long.class)).isEqualTo(48);
        }
    }
}
