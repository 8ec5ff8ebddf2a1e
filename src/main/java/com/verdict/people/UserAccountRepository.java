package com.verdict.people;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Accounts as entities, for changing them. A read by id fetches the team and roles in the same query. People are
 * looked up for display and sign-in in plain SQL ({@link PeopleService#byIds}, {@link AccountDetailsService}).
 */
interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Override
    @EntityGraph(attributePaths = {"team", "roles"})
    Optional<UserAccount> findById(Long id);

    boolean existsByUsername(String username);

    long countByTeam(Team team);
}
