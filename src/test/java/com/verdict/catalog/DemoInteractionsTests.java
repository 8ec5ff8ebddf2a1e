package com.verdict.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo data makes a playable game: it imports cleanly and covers every category. */
@VerdictTest
class DemoInteractionsTests {

    @Autowired
    CatalogService catalog;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demoInteractionsImportCleanlyAndCoverAllCategories() throws Exception {
        data.clearCatalog();
        try (InputStream in = new ClassPathResource(DemoInteractions.RESOURCE).getInputStream()) {
            ImportResult result = catalog.importJsonl(in, ImportMode.ALL_OR_NOTHING);
            assertThat(result.imported()).isGreaterThanOrEqualTo(40);
        }
        assertThat(jdbc.queryForList("select distinct category from interaction", String.class))
                .containsExactlyInAnyOrder(Arrays.stream(Category.values()).map(Category::key).toArray(String[]::new));
        assertThat(jdbc.queryForObject("select count(*) from pair_pool", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from pair", Long.class));
    }
}
