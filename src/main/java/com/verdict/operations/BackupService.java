package com.verdict.operations;

import com.verdict.base.ApiException;
import com.verdict.base.AuditLog;
import com.verdict.base.VerdictProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consistent online backups of the embedded H2 database with H2's {@code BACKUP TO}: the app keeps
 * running and the zip holds one consistent state. PostgreSQL deployments use their own tools.
 */
@Service
public class BackupService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** A backup's file (its full path on the server), size and when it was written. */
    public record Backup(String file, long bytes, Instant takenAt) {

        /** The file's name, without the server's directories. */
        public String name() {
            return Path.of(file).getFileName().toString();
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Path directory;
    /** Why this database cannot be backed up online, or null when it can: H2 with its files on disk. */
    private final String notBackedUpHere;

    BackupService(JdbcTemplate jdbc, DataSource dataSource, AuditLog audit, VerdictProperties properties)
            throws SQLException {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = Path.of(properties.backup().directory()).toAbsolutePath().normalize();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            this.notBackedUpHere = !database.getDatabaseProductName().equals("H2")
                    ? "Online backup is for the embedded H2 database; back up PostgreSQL with pg_dump or your "
                            + "platform's snapshots"
                    : database.getURL().startsWith("jdbc:h2:mem:")
                            ? "Online backup is for an H2 database on disk; this one lives in memory only"
                            : null;
        }
    }

    /** One at a time: a second backup started in the same second would have written over the first's file. */
    @Transactional
    public synchronized Backup backUp() {
        if (notBackedUpHere != null) {
            throw new ApiException(HttpStatus.CONFLICT, notBackedUpHere);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw ApiException.internal("Cannot create the backup directory " + directory, e);
        }
        String stamp = "verdict-" + STAMP.format(LocalDateTime.now());
        Path file = directory.resolve(stamp + ".zip");
        for (int n = 2; Files.exists(file); n++) {
            file = directory.resolve(stamp + "-" + n + ".zip");
        }
        jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        audit.record("database.backup", file.toString());
        try {
            return backup(file);
        } catch (IOException e) {
            throw ApiException.internal("The backup was written but cannot be read", e);
        }
    }

    /** Backups on disk, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Backup> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList()) {
                found.add(backup(file));
            }
            found.sort(Comparator.comparing(Backup::takenAt).thenComparing(Backup::file).reversed());
            return found;
        } catch (IOException e) {
            throw ApiException.internal("Cannot list " + directory, e);
        }
    }

    /** Where backups go on the server. */
    public Path directory() {
        return directory;
    }

    private static Backup backup(Path file) throws IOException {
        return new Backup(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toInstant());
    }
}
