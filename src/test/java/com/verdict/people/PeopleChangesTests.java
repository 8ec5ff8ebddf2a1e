package com.verdict.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.ApiException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Changes to people that an admin can get wrong are refused with the field named, before anything is stored. */
@VerdictTest
class PeopleChangesTests {

    @Autowired
    PeopleService people;
    @Autowired
    TestData data;

    @Test
    void anEditKeepsTheLimitsACreationHas() {
        Person judge = data.user("edited");

        assertThatThrownBy(() -> people.update(judge.id(), "n".repeat(201), "t".repeat(101), Set.of(Role.JUDGE), true))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsExactly(
                        "displayName: at most 200 characters", "team: at most 100 characters"));
        assertThat(people.find(judge.id()).orElseThrow().displayName()).isEqualTo(judge.displayName());
    }

    @Test
    void aTeamIsTheSameTeamWhateverTheCaseItIsTypedIn() {
        String team = "Falcons" + System.nanoTime();
        Person first = data.user("falcon", team);

        Person second = data.user("falcon", team.toLowerCase());
        Person edited = people.update(first.id(), first.displayName(), team.toUpperCase(), Set.of(Role.JUDGE), true);

        assertThat(second.team()).isEqualTo(team);
        assertThat(edited.team()).isEqualTo(team);
        assertThat(people.teams()).filteredOn(t -> t.name().equalsIgnoreCase(team)).singleElement()
                .satisfies(t -> assertThat(t.members()).isEqualTo(2));
        assertThatThrownBy(() -> people.createTeam(team.toLowerCase())).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void usernamesThatDifferOnlyInCaseAreOneName() {
        String name = "Casey-" + System.nanoTime();
        people.create(new NewUser(name, "Casey", null, Set.of(Role.JUDGE), TestData.PASSWORD));

        assertThatThrownBy(() -> people.create(new NewUser(name.toLowerCase(), "Casey again", null,
                Set.of(Role.JUDGE), TestData.PASSWORD)))
                .isInstanceOf(ApiException.class)
                .hasMessage("Username already taken: " + name);
        assertThat(people.findByUsername(name.toLowerCase())).isEmpty();
    }
}
