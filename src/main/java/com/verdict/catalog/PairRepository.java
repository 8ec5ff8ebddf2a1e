package com.verdict.catalog;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PairRepository extends Repository<Pair, Long> {

    @Query("select p from Pair p join fetch p.interaction join fetch p.a join fetch p.b where p.id = :id")
    Optional<Pair> findWithContent(long id);
}
