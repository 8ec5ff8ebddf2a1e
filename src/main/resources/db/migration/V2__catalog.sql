-- Catalog: interaction status, gold answers, tags and judgment counts; dealing at scale: a dealing queue
-- that an index serves in order, gold pairs apart from it, assignment expiry and gold accuracy.
-- Runs unchanged on H2 and PostgreSQL.

-- catalog ------------------------------------------------------------------
-- status is the decision's state as scoring reports it (OPEN, SETTLED, CONTESTED); retired stays its own
-- flag, so that a retired interaction keeps its decision's state in history.
alter table interaction add column status varchar(16) not null default 'OPEN';
-- gold_best: the position of the known better candidate of a gold interaction; gold_why says why.
alter table interaction add column gold_best int;
alter table interaction add column gold_why varchar(2000);
-- Judgments of all its pairs, kept as they arrive so that catalog counts never scan the judgments.
alter table interaction add column judgments int not null default 0;
create index interaction_status on interaction (status, retired);
-- Holds every column of the per-category counts, so that H2 reads this index instead of the large rows.
create index interaction_counts on interaction (category, status, retired, judgments);

create table interaction_tag (
    interaction_id bigint       not null references interaction (id) on delete cascade,
    tag            varchar(100) not null,
    primary key (interaction_id, tag)
);
create index interaction_tag_tag on interaction_tag (tag, interaction_id);

create index candidate_source on candidate (source, interaction_id);

-- judging ------------------------------------------------------------------
-- dealable = not gold and reserved < slots, kept by every update of the pool: dealing reads the least
-- reserved, oldest pairs straight from the index pair_pool_queue and stops after a few, so it never scans.
-- Gold pairs are dealt apart, from pair_pool_gold, and have no slot limit.
alter table pair_pool add column gold boolean not null default false;
alter table pair_pool add column dealable boolean not null default true;
update pair_pool set dealable = (reserved < slots);
drop index pair_pool_dealing;
create index pair_pool_queue on pair_pool (dealable, reserved, created_at, pair_id);
create index pair_pool_gold on pair_pool (gold, pair_id);

-- Open assignments by age, for expiry.
create index assignment_open on assignment (state, dealt_at);

-- For a judgment of a gold pair: whether it matched the known answer; null for other pairs.
alter table judgment add column gold_matched boolean;
create index judgment_gold on judgment (judge_id, gold_matched);

-- How far each judge is behind their share of gold pairs (a fraction of a pair; see PairPool).
create table judge_gold_due (
    judge_id bigint           not null primary key references app_user (id) on delete cascade,
    due      double precision not null
);
