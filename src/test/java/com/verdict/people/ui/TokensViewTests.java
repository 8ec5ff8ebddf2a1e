package com.verdict.people.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
import com.verdict.people.ApiTokenInfo;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.people.TokenScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@VerdictTest
class TokensViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    Person engineer;

    @BeforeEach
    void setUp() {
        engineer = data.user("token-view", null, Role.ENGINEER);
        ViewTestSupport.signInAndSetUp(context, engineer);
        UI.getCurrent().navigate(TokensView.class);
    }

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    void createsATokenShowsItOnceListsItAndRevokesIt() throws Exception {
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue("notebook");
        _click(_get(Button.class, spec -> spec.withText("Create token")));

        String secret = _get(TextField.class, spec -> spec.withClasses("verdict-token-secret")).getValue();
        assertThat(secret).startsWith("vdt_");
        assertThat(jdbc.queryForObject("select count(*) from api_token where secret_hash = ?", Long.class,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(secret.getBytes(StandardCharsets.UTF_8))))).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withText("Done")));
        assertThat(_find(Dialog.class)).isEmpty();

        @SuppressWarnings("unchecked")
        Grid<ApiTokenInfo> list = _get(Grid.class);
        assertThat(GridKt._size(list)).isEqualTo(1);
        assertThat(GridKt._get(list, 0).name()).isEqualTo("notebook");
        assertThat(GridKt._get(list, 0).scopes()).containsExactly(TokenScope.EXPORT);

        _click((Button) GridKt._getCellComponent(list, 0, "revoke"));
        assertThat(GridKt._size(list)).as("not before it is confirmed").isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
        assertThat(GridKt._size(list)).isEqualTo(1);
        _click((Button) GridKt._getCellComponent(list, 0, "revoke"));
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Revoke 'notebook'?");
        _click(_get(Button.class, spec -> spec.withClasses("verdict-confirm")));
        assertThat(GridKt._size(list)).isZero();
    }

    @Test
    void aBlankNameIsRefusedUnderTheField() {
        _click(_get(Button.class, spec -> spec.withText("Create token")));

        TextField name = _get(TextField.class, spec -> spec.withLabel("Name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Must not be blank");
        @SuppressWarnings("unchecked")
        Grid<ApiTokenInfo> list = _get(Grid.class);
        assertThat(GridKt._size(list)).isZero();
    }

    @Test
    void aNameInUseIsRefusedUnderTheFieldAndNoScopeUnderTheScopes() {
        TextField name = _get(TextField.class, spec -> spec.withLabel("Name"));
        name.setValue("notebook");
        _click(_get(Button.class, spec -> spec.withText("Create token")));
        _click(_get(Button.class, spec -> spec.withText("Done")));

        name.setValue("Notebook");
        @SuppressWarnings("unchecked")
        CheckboxGroup<TokenScope> scopes = _get(CheckboxGroup.class);
        scopes.clear();
        _click(_get(Button.class, spec -> spec.withText("Create token")));
        assertThat(scopes.isInvalid()).isTrue();
        assertThat(scopes.getErrorMessage()).isEqualTo("Choose at least one of export, import");
        assertThat(name.isInvalid()).isFalse();

        scopes.setValue(java.util.Set.of(TokenScope.IMPORT));
        _click(_get(Button.class, spec -> spec.withText("Create token")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("You already have a live token named 'notebook'");
        assertThat(scopes.isInvalid()).isFalse();
        assertThat(_find(Dialog.class)).as("no secret shown").isEmpty();

        name.setValue("notebook 2");
        _click(_get(Button.class, spec -> spec.withText("Create token")));
        assertThat(name.isInvalid()).as("cleared once a token is made").isFalse();
        assertThat(_find(Dialog.class)).hasSize(1);
    }
}
