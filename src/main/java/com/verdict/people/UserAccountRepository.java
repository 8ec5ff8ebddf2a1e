package com.verdict.people;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Accounts as entities, for changing them. Reads by id fetch the team and roles in the same query: a request signed
 * in with an API token loads its owner through it. People are looked up for display in plain SQL
 * ({@link PeopleService#byIds}).
 */
interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Override
    @EntityGraph(attributePaths = {"team", "roles"})
    Optional<UserAccount> findById(Long id);

    boolean existsByUsername(String username);

    long countByTeam(Team team);
}
