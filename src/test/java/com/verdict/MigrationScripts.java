package com.verdict;

import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** Runs one migration again, on a database made to look as it did before it, to test what it does to data in use. */
public final class MigrationScripts {

    private MigrationScripts() {
    }

    /** Runs {@code db/migration/<script>} as Flyway would, outside any transaction of the test's. */
    public static void run(DataSource dataSource, String script) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/" + script));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
