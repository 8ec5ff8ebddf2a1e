package com.verdict.judging.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
import com.verdict.people.Person;
import com.verdict.people.ui.LoginView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What one open Play view costs on the server: {@value #VIEWS} sessions, each with a round started and a
 * pair on screen, kept alive at once; the heap they hold, divided by their number. Karibu gives every
 * session a mock servlet and service of its own (a real server shares one), so the same number of sessions
 * showing only the login view is measured too: the difference is what the Play view itself costs. Dev
 * mode's component tracker, which production does not run, is switched off.
 * Run: {@code mvn -Pbench test -Dtest=PlayViewMemoryBenchmark}. Target: under 1 MB a view.
 */
@VerdictTest
class PlayViewMemoryBenchmark {

    static final int VIEWS = 200;

    static {
        // Dev mode records where every component was created (for the dev tools); production does not.
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;

    @Test
    void memoryPerOpenPlayView() throws Exception {
        data.clearCatalog();
        data.interactions("memory", 400);
        List<Person> judges = new ArrayList<>();
        for (int i = 0; i < VIEWS; i++) {
            judges.add(data.user("memory-judge"));
        }
        long bare = kilobytesPerSession(judges, false);
        long play = kilobytesPerSession(judges, true);
        System.out.printf("Karibu session showing the login view: %,d KB; showing Play with a pair: %,d KB%n",
                bare, play);
        System.out.printf("An open Play view costs %,d KB over a bare session%n", play - bare);
    }

    private long kilobytesPerSession(List<Person> judges, boolean play) throws InterruptedException {
        List<VaadinSession> sessions = new ArrayList<>();
        open(judges.get(0), play, sessions);
        sessions.clear();
        long before = usedHeapAfterGc();
        for (Person judge : judges) {
            open(judge, play, sessions);
        }
        long after = usedHeapAfterGc();
        ViewTestSupport.tearDown();
        long perSession = (after - before) / 1024 / sessions.size();
        sessions.clear();
        return perSession;
    }

    private void open(Person judge, boolean play, List<VaadinSession> sessions) {
        ViewTestSupport.signInAndSetUp(context, judge);
        if (play) {
            UI.getCurrent().navigate(PlayView.class);
            ((PlayView) UI.getCurrent().getCurrentView()).startRound();
        } else {
            UI.getCurrent().navigate(LoginView.class);
        }
        sessions.add(VaadinSession.getCurrent());
        MockVaadin.INSTANCE.clientRoundtrip();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
