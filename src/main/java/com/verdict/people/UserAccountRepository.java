package com.verdict.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reads by id or name fetch the team and roles in the same query: every API request signs in through one. */
interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @EntityGraph(attributePaths = {"team", "roles"})
    Optional<UserAccount> findByUsername(String username);

    @Override
    @EntityGraph(attributePaths = {"team", "roles"})
    Optional<UserAccount> findById(Long id);

    @Override
    @EntityGraph(attributePaths = {"team", "roles"})
    List<UserAccount> findAllById(Iterable<Long> ids);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByUsername();

    long countByTeam(Team team);
}
