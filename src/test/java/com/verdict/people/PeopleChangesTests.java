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
import org.springframework.jdbc.core.JdbcTemplate;

/** Changes to people that an admin can get wrong are refused with the field named, before anything is stored. */
@VerdictTest
class PeopleChangesTests {

    @Autowired
    PeopleService people;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

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
    void aTeamIsRenamedInPlaceAndNeverIntoAnotherTeamsName() {
        String team = "Platfrom" + System.nanoTime();
        String other = "Research" + System.nanoTime();
        Person member = data.user("renamed", team);
        data.user("researcher", other);
        String fixed = team.replace("Platfrom", "Platform");

        assertThat(people.renameTeam(team, "  " + fixed + " ")).isEqualTo(fixed);

        assertThat(people.find(member.id()).orElseThrow().team()).isEqualTo(fixed);
        assertThat(people.teams()).extracting(PeopleService.TeamSummary::name).contains(fixed).doesNotContain(team);
        assertThat(jdbc.queryForList("select details from audit_log where action = 'team.renamed'", String.class))
                .contains(team + "→" + fixed);
        assertThat(people.renameTeam(fixed, fixed.toUpperCase())).as("a change of case alone")
                .isEqualTo(fixed.toUpperCase());
        assertThatThrownBy(() -> people.renameTeam(fixed.toUpperCase(), other.toLowerCase()))
                .isInstanceOf(ApiException.class).hasMessage("Team already exists: " + other.toLowerCase())
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));
        assertThatThrownBy(() -> people.renameTeam(fixed.toUpperCase(), " "))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsExactly(
                        "name: must be 1 to 100 characters"));
        assertThatThrownBy(() -> people.renameTeam(team, "Anything"))
                .isInstanceOf(ApiException.class).hasMessage("No team named " + team)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(people.find(member.id()).orElseThrow().team()).isEqualTo(fixed.toUpperCase());
    }

    @Test
    void onlyATeamWithoutMembersIsDeleted() {
        String team = "Stray" + System.nanoTime();
        Person member = data.user("stray", team);

        assertThatThrownBy(() -> people.deleteTeam(team)).isInstanceOf(ApiException.class)
                .hasMessage("Team " + team + " has 1 member: move them to another team first")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(people.teams()).extracting(PeopleService.TeamSummary::name).contains(team);

        people.update(member.id(), member.displayName(), null, Set.of(Role.JUDGE), true);
        people.deleteTeam(team);

        assertThat(people.teams()).extracting(PeopleService.TeamSummary::name).doesNotContain(team);
        assertThat(jdbc.queryForList("select details from audit_log where action = 'team.deleted'", String.class))
                .contains(team);
        assertThatThrownBy(() -> people.deleteTeam(team)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.NOT_FOUND));
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
