package com.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.people.PeopleService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** What the app does when it starts: refuse bad settings clearly, and never start without an admin. */
class StartupTests {

    @Test
    void aBadSettingStopsTheAppNamingIt() {
        assertThatThrownBy(() -> start("verdict.rounds.size=0"))
                .hasStackTraceContaining("verdict.rounds.size");
        assertThatThrownBy(() -> start("verdict.judging.min-reading-time=-2s"))
                .hasStackTraceContaining("verdict.judging.min-reading-time");
        // Bean validation names the setting as Java spells the field.
        assertThatThrownBy(() -> start("verdict.judging.daily-cap=-1"))
                .hasStackTraceContaining("verdict.judging.dailyCap");
        assertThatThrownBy(() -> start("verdict.export.judge-id-key= "))
                .hasStackTraceContaining("verdict.export.judge-id-key");
        assertThatThrownBy(() -> start("verdict.leaderboard.fold-interval=2m"))
                .hasStackTraceContaining("verdict.leaderboard.fold-interval");
    }

    @Test
    void aDatasetTargetForAnUnknownCategoryStopsTheApp() {
        assertThatThrownBy(() -> start("verdict.dataset.targets.poetry=10"))
                .hasStackTraceContaining("verdict.dataset.targets has unknown categories [poetry]");
    }

    @Test
    void anEmptyDatabaseWithoutDemoNeedsTheAdminPassword() {
        assertThatThrownBy(() -> start("verdict.demo.enabled=false"))
                .hasStackTraceContaining("VERDICT_ADMIN_PASSWORD");
    }

    @Test
    void theAdminPasswordCreatesTheFirstAdmin() {
        try (ConfigurableApplicationContext app = start("verdict.demo.enabled=false",
                "VERDICT_ADMIN_PASSWORD=first-admin-pw")) {
            assertThat(app.getBean(PeopleService.class).all()).singleElement()
                    .satisfies(admin -> assertThat(admin.username()).isEqualTo("admin"));
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        args.add("--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        return InJvmApp.start(args.toArray(String[]::new));
    }
}
