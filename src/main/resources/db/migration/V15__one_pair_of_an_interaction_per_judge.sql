-- A judge is dealt at most one pair of an interaction. Every verdict reveals the sources of its two responses (and,
-- for a gold pair, the known answer): a second pair of the same interaction would show a response whose source the
-- judge already knows, and judging would no longer be blind.
--
-- Dealing looks for pairs whose interaction the judge has not been dealt, so both sides carry the interaction:
-- the pool's indexes keep it (dealing still reads them alone, never the table), and the judge's assignments are
-- found by interaction. That index replaces assignment_judge_pair: a pair belongs to one interaction, so it is as
-- unique, and nothing else looked assignments up by pair.
alter table pair_pool add column interaction_id bigint;
update pair_pool set interaction_id = (select p.interaction_id from pair p where p.id = pair_pool.pair_id);
alter table pair_pool alter column interaction_id set not null;
drop index pair_pool_queue;
create index pair_pool_queue on pair_pool (dealable, reserved, created_at, pair_id, interaction_id);
drop index pair_pool_gold;
create index pair_pool_gold on pair_pool (gold, pair_id, interaction_id);

alter table assignment add column interaction_id bigint;
update assignment set interaction_id = (select p.interaction_id from pair p where p.id = assignment.pair_id);
alter table assignment alter column interaction_id set not null;
create unique index assignment_judge_interaction on assignment (judge_id, interaction_id, pair_id);
drop index assignment_judge_pair;
