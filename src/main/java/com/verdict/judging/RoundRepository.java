package com.verdict.judging;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoundRepository extends JpaRepository<Round, Long> {
}
