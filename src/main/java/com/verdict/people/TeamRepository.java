package com.verdict.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {

    /** Teams of this name but for case: more than one only where a database held such twins before they were one. */
    List<Team> findByNameIgnoreCaseOrderById(String name);

    List<Team> findAllByOrderByName();
}
