package com.verdict.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.base.ApiException;
import com.verdict.base.ui.Confirmation;
import com.verdict.base.ui.FieldErrors;
import com.verdict.base.ui.Times;
import com.verdict.people.ApiTokenInfo;
import com.verdict.people.ApiTokenService;
import com.verdict.people.CurrentUser;
import com.verdict.people.NewApiToken;
import com.verdict.people.TokenScope;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;

/** An engineer's personal API tokens: create one (its secret shows once), see them, revoke them. */
@Route("tokens")
@PageTitle("API tokens · Verdict")
@Menu(order = 21, icon = "vaadin:key", title = "API tokens")
@RolesAllowed("ENGINEER")
public class TokensView extends Div {

    private final ApiTokenService tokens;
    private final long ownerId;
    private final Times times;
    private final TextField name = new TextField("Name");
    private final CheckboxGroup<TokenScope> scopes = new CheckboxGroup<>("May");
    private final Grid<ApiTokenInfo> list = new Grid<>(ApiTokenInfo.class, false);
    private final FieldErrors errors = new FieldErrors().on("name", name).on("scopes", scopes);

    public TokensView(ApiTokenService tokens, CurrentUser currentUser, Times times) {
        this.tokens = tokens;
        this.ownerId = currentUser.id();
        this.times = times;
        addClassNames("verdict-page", "verdict-tokens");
        Paragraph how = new Paragraph("A token signs REST calls as you (Authorization: Bearer …), but only on what "
                + "its scopes allow: export reaches /api/export/**, import reaches POST /api/interactions. Its "
                + "secret is shown once; revoking takes effect at once.");
        how.addClassName("verdict-muted");
        add(new H1("API tokens"), how, form(), list());
        refresh();
    }

    private Div form() {
        name.setPlaceholder("e.g. training pipeline");
        name.setMaxLength(100);
        scopes.setItems(TokenScope.values());
        scopes.setItemLabelGenerator(s -> s == TokenScope.EXPORT ? "export datasets" : "import interactions");
        scopes.setValue(Set.of(TokenScope.EXPORT));
        Button create = new Button("Create token", VaadinIcon.KEY.create(), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(name, scopes, create);
        form.addClassNames("verdict-card", "verdict-token-form");
        return form;
    }

    private Grid<ApiTokenInfo> list() {
        list.addColumn(ApiTokenInfo::name).setHeader("Name").setFlexGrow(1);
        list.addColumn(t -> TokenScope.keys(t.scopes()))
                .setHeader("Scopes").setAutoWidth(true);
        list.addColumn(t -> times.format(t.createdAt())).setHeader(times.header("Created")).setAutoWidth(true);
        list.addColumn(t -> t.lastUsedAt() == null ? "never" : times.format(t.lastUsedAt()))
                .setHeader(times.header("Last used")).setAutoWidth(true);
        list.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", VaadinIcon.TRASH.create(), e -> Confirmation.ask(
                    "Revoke '" + t.name() + "'?", "Scripts that use it are refused from now on. This cannot be undone.",
                    "Revoke", () -> revoke(t)));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        }).setKey("revoke").setAutoWidth(true).setFlexGrow(0);
        list.setAllRowsVisible(true);
        list.setEmptyStateText("No tokens yet: create one above for a script or a pipeline.");
        return list;
    }

    private void create() {
        NewApiToken created;
        try {
            created = tokens.create(ownerId, name.getValue(),
                    scopes.getValue().stream().map(TokenScope::key).toList());
        } catch (ApiException e) {
            errors.show(e, "name");
            return;
        }
        errors.clear();
        name.clear();
        refresh();
        showOnce(created);
    }

    private void showOnce(NewApiToken created) {
        Dialog dialog = new Dialog("Your new token");
        TextField secret = new TextField();
        secret.setValue(created.token());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setAutoselect(true);
        secret.setAriaLabel("Your new token");
        secret.addClassName("verdict-token-secret");
        Span warning = new Span("Copy it now: it is not stored and will not be shown again.");
        warning.addClassName("verdict-muted");
        dialog.add(secret, warning);
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> copy(secret));
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()), copy);
        dialog.setWidth("36rem");
        dialog.open();
    }

    /**
     * Copies the secret to the clipboard. The Clipboard API needs a secure context (https or localhost); elsewhere
     * the field's selection is copied the old way.
     */
    private static void copy(TextField secret) {
        secret.getElement().executeJs("""
                        const input = this.inputElement;
                        input.select();
                        if (navigator.clipboard && window.isSecureContext) {
                          return navigator.clipboard.writeText(input.value).then(() => true, () => false);
                        }
                        return document.execCommand('copy');""")
                .then(Boolean.class, copied -> Notification.show(Boolean.TRUE.equals(copied) ? "Copied"
                        : "Could not copy: select the token and copy it by hand", 3000,
                        Notification.Position.BOTTOM_START));
    }

    private void revoke(ApiTokenInfo token) {
        tokens.revoke(ownerId, token.id());
        refresh();
        Notification.show("Revoked '" + token.name() + "'", 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refresh() {
        list.setItems(tokens.list(ownerId));
    }
}
