package com.verdict.people.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.verdict.base.VerdictProperties;
import com.verdict.people.DemoAccounts;

@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Verdict")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(VerdictProperties properties) {
        addClassName("verdict-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);

        H1 title = new H1("Verdict");
        title.addClassName("verdict-login-title");
        Paragraph tagline = new Paragraph("Judge model answers. Earn points. Build the dataset.");
        tagline.addClassName("verdict-login-tagline");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(title, tagline, login);
        if (properties.demo().enabled()) {
            add(demoAccounts());
        }
    }

    private static Div demoAccounts() {
        Div card = new Div();
        card.addClassName("verdict-demo-accounts");
        card.add(new H3("Demo accounts"), new Paragraph("Every demo account's password is \"" + DemoAccounts.PASSWORD + "\"."));
        Div list = new Div();
        list.addClassName("verdict-demo-list");
        DemoAccounts.ALL.forEach(a -> {
            Span name = new Span(a.username());
            name.addClassName("verdict-demo-name");
            Span what = new Span(a.describe());
            what.addClassName("verdict-demo-what");
            list.add(new Div(name, what));
        });
        card.add(list);
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
