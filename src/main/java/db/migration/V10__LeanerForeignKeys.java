package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Foreign keys that cost the judging path less. Every index entry a judgment writes is written twice (the entry,
 * then again at commit to mark it committed), and an entry keyed by judge lands on a page of its own for each
 * judge in a commit, so each such index adds a page to serialize per judge per commit. A load profile put three
 * quarters of the judging desk's time in H2's writes.
 * <ul>
 * <li>The foreign keys from {@code assignment}, {@code judgment}, {@code vote} and {@code points_entry} to their
 * judge go, and with them H2's index for each (their lookup indexes start with the judge already, but H2 gives a
 * foreign key an index of exactly its columns). These rows are written only for the signed-in judge, and users
 * are never deleted, only disabled: the keys guarded against nothing that can happen.</li>
 * <li>{@code assignment.left_candidate} loses its foreign key and index: the left candidate is one of the pair's,
 * and deleting a candidate deletes its pairs and their assignments already.</li>
 * <li>Every other H2 foreign key that kept an index of its own beside a lookup index on the same columns (the
 * tables declared their keys before their indexes: {@code vote (pair_id)} beside {@code vote_pair}, and so on)
 * is declared again, as it was, and uses the lookup index.</li>
 * </ul>
 * A Java migration because H2 names these constraints itself; Flyway finds it beside the SQL migrations.
 * PostgreSQL creates no index for a foreign key: there the same keys go and the rest stays as it was.
 */
public class V10__LeanerForeignKeys extends BaseJavaMigration {

    private static final String[][] DROPPED = {{"assignment", "left_candidate"}, {"assignment", "judge_id"},
            {"judgment", "judge_id"}, {"vote", "judge_id"}, {"points_entry", "judge_id"}};

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            for (String[] column : DROPPED) {
                for (String name : foreignKeys(statement, column[0], column[1])) {
                    statement.execute("alter table " + column[0] + " drop constraint " + name);
                }
            }
            if (h2) {
                for (String sql : redeclarations(statement)) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** The foreign keys on exactly this column (H2 upper-cases names, PostgreSQL lower-cases them). */
    private static List<String> foreignKeys(Statement statement, String table, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                select tc.constraint_name from information_schema.table_constraints tc
                join information_schema.key_column_usage k on k.constraint_schema = tc.constraint_schema
                    and k.constraint_name = tc.constraint_name
                where tc.constraint_type = 'FOREIGN KEY' and lower(tc.table_name) = '%s'
                    and tc.constraint_schema = current_schema
                group by tc.constraint_name
                having count(*) = 1 and max(lower(k.column_name)) = '%s'""".formatted(table, column))) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /**
     * For every H2 foreign key whose own index has the same columns as another index: the statements that drop it
     * and declare it again as it was.
     */
    private static List<String> redeclarations(Statement statement) throws SQLException {
        Map<String, List<String>> indexColumns = new HashMap<>();
        Map<String, String> indexTable = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("""
                select index_name, table_name, column_name from information_schema.index_columns
                where table_schema = current_schema order by index_name, ordinal_position""")) {
            while (rows.next()) {
                indexColumns.computeIfAbsent(rows.getString(1), i -> new ArrayList<>()).add(rows.getString(3));
                indexTable.put(rows.getString(1), rows.getString(2));
            }
        }
        List<String> statements = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                select fk.constraint_name, fk.table_name, fk.index_name, r.delete_rule, u.table_name,
                    listagg(k.column_name, ',') within group (order by k.ordinal_position),
                    listagg(uk.column_name, ',') within group (order by k.ordinal_position)
                from information_schema.table_constraints fk
                join information_schema.referential_constraints r on r.constraint_schema = fk.constraint_schema
                    and r.constraint_name = fk.constraint_name
                join information_schema.table_constraints u on u.constraint_schema = r.unique_constraint_schema
                    and u.constraint_name = r.unique_constraint_name
                join information_schema.key_column_usage k on k.constraint_schema = fk.constraint_schema
                    and k.constraint_name = fk.constraint_name
                join information_schema.key_column_usage uk on uk.constraint_schema = u.constraint_schema
                    and uk.constraint_name = u.constraint_name
                    and uk.ordinal_position = k.position_in_unique_constraint
                where fk.constraint_type = 'FOREIGN KEY' and fk.constraint_schema = current_schema
                group by fk.constraint_name, fk.table_name, fk.index_name, r.delete_rule, u.table_name""")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String table = rows.getString(2);
                String ownIndex = rows.getString(3);
                List<String> own = indexColumns.get(ownIndex);
                boolean covered = own != null && indexColumns.entrySet().stream()
                        .anyMatch(index -> !index.getKey().equals(ownIndex)
                                && table.equals(indexTable.get(index.getKey())) && index.getValue().equals(own));
                if (covered) {
                    String onDelete = "NO ACTION".equals(rows.getString(4)) ? "" : " on delete " + rows.getString(4);
                    statements.add("alter table \"%s\" drop constraint \"%s\"".formatted(table, name));
                    statements.add("alter table \"%s\" add constraint \"%s\" foreign key (%s) references \"%s\" (%s)%s"
                            .formatted(table, name, quoted(rows.getString(6)), rows.getString(5),
                                    quoted(rows.getString(7)), onDelete));
                }
            }
        }
        return statements;
    }

    private static String quoted(String columnList) {
        return "\"" + columnList.replace(",", "\", \"") + "\"";
    }
}
