package com.verdict;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.verdict.people.Person;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Vaadin views without a browser (Karibu-Testing), signed in as a given user so access rules apply. */
public final class ViewTestSupport {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("com.verdict");

    private ViewTestSupport() {
    }

    /** A fresh Vaadin session and UI with nobody signed in. Call {@link #tearDown()} after the test. */
    public static void setUp(ApplicationContext context) {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    /** A fresh Vaadin session and UI, signed in as {@code person}. Call {@link #tearDown()} after the test. */
    public static void signInAndSetUp(ApplicationContext context, Person person) {
        Authentication authentication = context.getBean(TestData.class).authentication(person);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        setUp(context);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    public static void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
