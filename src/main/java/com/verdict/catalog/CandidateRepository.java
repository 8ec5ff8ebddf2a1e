package com.verdict.catalog;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CandidateRepository extends Repository<Candidate, Long> {

    @Query("select new com.verdict.catalog.DollySource(c.id, i.externalId, i.instruction, i.context, "
            + "i.category, c.text, c.source, i.retired) from Candidate c join c.interaction i where c.id in :ids")
    List<DollySource> dollySources(Collection<Long> ids);
}
