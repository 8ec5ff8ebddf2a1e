package com.verdict.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in view. The navigation is built from the views' {@code @Menu}
 * annotations, filtered to what the signed-in user may open, so this layout knows no feature.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation());
        addToNavbar(new DrawerToggle(), spacer(), account(authentication));
    }

    private static Component brand() {
        Div brand = new Div();
        brand.addClassName("verdict-brand");
        Icon logo = VaadinIcon.SCALE.create();
        brand.add(logo, new Span("Verdict"));
        return brand;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private static Component spacer() {
        Div spacer = new Div();
        spacer.getStyle().set("flex-grow", "1");
        return spacer;
    }

    private static Component account(AuthenticationContext authentication) {
        HorizontalLayout account = new HorizontalLayout();
        account.setAlignItems(HorizontalLayout.Alignment.CENTER);
        account.addClassName("verdict-account");
        authentication.getPrincipalName().ifPresent(name -> {
            Span user = new Span(VaadinIcon.USER.create(), new Span(name));
            user.addClassName("verdict-user");
            account.add(user);
        });
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        account.add(logout);
        return account;
    }
}
