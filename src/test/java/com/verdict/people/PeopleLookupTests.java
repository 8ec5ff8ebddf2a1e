package com.verdict.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** People as other features look them up: each with their team and every role, and changes seen at once. */
@VerdictTest
class PeopleLookupTests {

    @Autowired
    PeopleService people;
    @Autowired
    TestData data;

    @Test
    void aPersonComesWithTeamAndEveryRoleHoweverLookedUp() {
        Person lead = data.user("lookup-lead", "Lookup team", Role.LEAD, Role.ENGINEER);
        Person loner = data.user("lookup-loner");

        assertThat(people.find(lead.id())).contains(lead);
        assertThat(people.findByUsername(lead.username())).contains(lead);
        assertThat(lead.team()).isEqualTo("Lookup team");
        assertThat(lead.roles()).containsExactlyInAnyOrder(Role.JUDGE, Role.LEAD, Role.ENGINEER);
        assertThat(people.byIds(List.of(lead.id(), loner.id())))
                .isEqualTo(Map.of(lead.id(), lead, loner.id(), loner));
        assertThat(loner.team()).isNull();
        assertThat(loner.roles()).containsExactly(Role.JUDGE);
        assertThat(people.all()).contains(lead, loner);
    }

    @Test
    void unknownPeopleAreAbsent() {
        assertThat(people.find(-1)).isEmpty();
        assertThat(people.findByUsername("nobody-by-this-name")).isEmpty();
        assertThat(people.byIds(List.of(-1L))).isEmpty();
        assertThat(people.byIds(List.of())).isEmpty();
    }

    @Test
    void everyoneComesInUsernameOrder() {
        data.user("lookup-order-b");
        data.user("lookup-order-a");
        List<String> names = people.all().stream().map(Person::username).toList();
        assertThat(names).isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
    }

    @Test
    void aChangeShowsAtTheNextLookup() {
        Person judge = data.user("lookup-changed", "Before");
        people.update(judge.id(), "Renamed", "After", Set.of(Role.LEAD), true);

        Person found = people.find(judge.id()).orElseThrow();
        assertThat(found.displayName()).isEqualTo("Renamed");
        assertThat(found.team()).isEqualTo("After");
        assertThat(found.roles()).containsExactlyInAnyOrder(Role.JUDGE, Role.LEAD);
        assertThat(people.byIds(List.of(judge.id()))).containsEntry(judge.id(), found);
    }
}
