package com.verdict.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.InJvmApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** An online backup of the file database restores to a database with the same content; the file is shown. */
class BackupTests {

    @TempDir
    Path dir;

    @Test
    void anOnlineBackupRestoresToTheSameData() throws Exception {
        BackupService.Backup backup;
        try (ConfigurableApplicationContext app = InJvmApp.start(
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("live/verdict"),
                "--verdict.backup.directory=" + dir.resolve("backups"), "--verdict.demo.enabled=true",
                "--server.port=0", "--spring.main.banner-mode=off")) {
            Instant before = Instant.now().minusSeconds(1);
            backup = app.getBean(BackupService.class).backUp();
            assertThat(app.getBean(BackupService.class).list()).containsExactly(backup);
            assertThat(backup.name()).as("without the server's directories").matches("verdict-\\d{8}-\\d{6}\\.zip");
            assertThat(backup.takenAt()).isBetween(before, Instant.now());
            // Backups within the same second each keep a file of their own.
            BackupService.Backup second = app.getBean(BackupService.class).backUp();
            BackupService.Backup third = app.getBean(BackupService.class).backUp();
            assertThat(List.of(backup.file(), second.file(), third.file())).doesNotHaveDuplicates();
            assertThat(app.getBean(BackupService.class).list()).hasSize(3);
            H2Housekeeping.DatabaseFile file = app.getBean(H2Housekeeping.class).file().orElseThrow();
            assertThat(file.bytes()).isEqualTo(Files.size(dir.resolve("live/verdict.mv.db")));
            assertThat(file.currentPercent()).isBetween(1, 100);
        }
        assertThat(Files.size(Path.of(backup.file()))).isEqualTo(backup.bytes()).isPositive();

        Path restored = dir.resolve("restored");
        Restore.execute(backup.file(), restored.toString(), "verdict");

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("verdict"), "sa", "")) {
            assertThat(count(db, "interaction")).isEqualTo(48);
            assertThat(count(db, "app_user")).isEqualTo(9);
            assertThat(count(db, "pair_pool")).isEqualTo(count(db, "pair"));
        }
    }

    private static long count(Connection db, String table) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
