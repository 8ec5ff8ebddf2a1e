package com.verdict.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Accounts as entities, for changing them. A read by id fetches the team and roles in the same query. People are
 * looked up for display and sign-in in plain SQL ({@link PeopleService#byIds}, {@link AccountDetailsService}).
 */
interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Override
    @EntityGraph(attributePaths = {"team", "roles"})
    Optional<UserAccount> findById(Long id);

    /** The usernames as stored of accounts whose name is this one but for case (twins made before this rule). */
    @Query("select u.username from UserAccount u where lower(u.username) = lower(:username) order by u.id")
    List<String> findUsernamesIgnoringCase(String username);

    long countByTeam(Team team);
}
