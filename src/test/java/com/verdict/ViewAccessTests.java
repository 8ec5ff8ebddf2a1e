package com.verdict;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.verdict.judging.ui.PlayView;
import com.verdict.leaderboard.ui.LeaderboardView;
import com.verdict.people.Role;
import com.verdict.people.ui.AdminView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Each role reaches its own views, sees only those in the menu, and is kept out of the others. */
@VerdictTest
class ViewAccessTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    void aJudgePlaysAndSeesTheLeaderboardButNotAdmin() {
        ViewTestSupport.signInAndSetUp(context, data.user("judge"));

        assertThat(menu()).containsExactly("Play", "My stats", "Leaderboard");
        assertThat(opens(PlayView.class)).isTrue();
        assertThat(opens(LeaderboardView.class)).isTrue();
        assertThat(opens(AdminView.class)).isFalse();
    }

    @Test
    void anAdminAlsoSeesAdmin() {
        ViewTestSupport.signInAndSetUp(context, data.user("admin", null, Role.ADMIN));

        assertThat(menu()).contains("Play", "Leaderboard", "Admin");
        assertThat(opens(AdminView.class)).isTrue();
    }

    @Test
    void engineersAndLeadsAreNotAdmins() {
        ViewTestSupport.signInAndSetUp(context, data.user("engineer", null, Role.ENGINEER, Role.LEAD));

        assertThat(menu()).doesNotContain("Admin");
        assertThat(opens(AdminView.class)).isFalse();
    }

    private static List<String> menu() {
        UI.getCurrent().navigate(LeaderboardView.class);
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    /** Karibu reports a navigation refused by the view's access annotations as an error naming the cause. */
    private static boolean opens(Class<? extends Component> view) {
        try {
            UI.getCurrent().navigate(view);
            return !_find(view).isEmpty();
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).contains("AccessDeniedException")) {
                return false;
            }
            throw e;
        }
    }
}
