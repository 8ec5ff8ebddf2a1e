-- Scoring: consensus per pair from a reliability model of the judges, judge quality, a points ledger with
-- bonuses, and what model standings read. Runs unchanged on H2 and PostgreSQL.
-- Outcomes are small integers in candidate terms: 0 = A better, 1 = B better, 2 = tie, 3 = both bad.

-- Every judgment as scoring sees it, so that a full refit reads one narrow table. a_shown_left tells which
-- candidate the judge saw on the left: position bias is modelled on the verdict as shown.
-- agreed is set once the pair settles (did the vote match the consensus), scored_at with it.
create table vote (
    judgment_id     bigint   not null primary key references judgment (id) on delete cascade,
    judge_id        bigint   not null references app_user (id) on delete cascade,
    pair_id         bigint   not null references pair (id) on delete cascade,
    outcome         smallint not null,
    a_shown_left    boolean  not null,
    gold            smallint,
    too_fast        boolean  not null,
    time_on_task_ms bigint   not null,
    created_at      timestamp with time zone not null,
    agreed          boolean,
    scored_at       timestamp with time zone
);
create index vote_pair on vote (pair_id);
create index vote_judge on vote (judge_id);

insert into vote (judgment_id, judge_id, pair_id, outcome, a_shown_left, too_fast, time_on_task_ms, created_at)
select j.id, j.judge_id, j.pair_id,
       case j.outcome when 'A' then 0 when 'B' then 1 when 'TIE' then 2 else 3 end,
       a.left_candidate = p.candidate_a, j.too_fast, j.time_on_task_ms, j.created_at
from judgment j
join assignment a on a.id = j.assignment_id
join pair p on p.id = j.pair_id;

-- The consensus of each judged pair beside its vote counts: the posterior of each outcome, the decision
-- (the likeliest outcome) with its confidence, and the state (OPEN, SETTLED, CONTESTED). Category and sources are copied from the catalog when the row is made, for
-- agreement by category and source standings.
alter table pair_tally add column category varchar(40);
alter table pair_tally add column source_a varchar(200);
alter table pair_tally add column source_b varchar(200);
alter table pair_tally add column judgments int not null default 0;
alter table pair_tally add column gold smallint;
alter table pair_tally add column p_a double precision not null default 0;
alter table pair_tally add column p_b double precision not null default 0;
alter table pair_tally add column p_tie double precision not null default 0;
alter table pair_tally add column p_both_bad double precision not null default 0;
alter table pair_tally add column decision smallint;
alter table pair_tally add column confidence double precision not null default 0;
alter table pair_tally add column state varchar(16) not null default 'OPEN';
alter table pair_tally add column settled_at timestamp with time zone;
update pair_tally t set judgments = a_votes + b_votes + ties + both_bad,
    category = (select i.category from interaction i where i.id = t.interaction_id),
    source_a = (select c.source from candidate c where c.id = t.candidate_a),
    source_b = (select c.source from candidate c where c.id = t.candidate_b);
create index pair_tally_state on pair_tally (state, pair_id);

-- Each interaction's state and, once settled, its outcome: BEST (best_candidate is set), TIE or BOTH_BAD.
-- A row exists for every interaction from its import on, so a judgment can lock it before reading its pairs.
alter table interaction_decision add column state varchar(16) not null default 'OPEN';
alter table interaction_decision add column outcome varchar(16);
alter table interaction_decision add column pairs int not null default 0;
alter table interaction_decision add column judgments int not null default 0;
update interaction_decision d set best_candidate = null, confidence = 0,
    judgments = coalesce((select sum(t.judgments) from pair_tally t where t.interaction_id = d.interaction_id), 0);
insert into interaction_decision (interaction_id, best_candidate, confidence, updated_at, state, pairs, judgments)
select i.id, null, 0, i.created_at, 'OPEN', 0, 0 from interaction i
where not exists (select 1 from interaction_decision d where d.interaction_id = i.id);
update interaction_decision d set pairs = (select count(*) from pair p where p.interaction_id = d.interaction_id);
create index interaction_decision_state on interaction_decision (state, interaction_id);

-- Each judge as the last full refit saw them. confusion: 16 probabilities, comma-separated, row by row: the
-- true answer as the judge saw the pair (left better, right better, tie, both bad), then what they said.
create table judge_reliability (
    judge_id        bigint           not null primary key references app_user (id) on delete cascade,
    confusion       varchar(400)     not null,
    accuracy        double precision not null,
    judgments       int              not null,
    gold_judgments  int              not null,
    gold_matched    int              not null,
    left_share      double precision,
    left_warranted  double precision,
    too_fast_share  double precision not null,
    median_time_ms  bigint           not null,
    settled         int              not null,
    agreed          int              not null,
    flagged         boolean          not null,
    flag_reason     varchar(500),
    fitted_at       timestamp with time zone not null
);

-- The last full refit: how likely each outcome is before any vote, and what the fit did.
create table scoring_model (
    id             int              not null primary key,
    prior_a        double precision not null,
    prior_b        double precision not null,
    prior_tie      double precision not null,
    prior_both_bad double precision not null,
    judgments      bigint           not null,
    judges         int              not null,
    pairs          int              not null,
    iterations     int              not null,
    settled        int              not null,
    contested      int              not null,
    flagged        int              not null,
    pairs_changed  int              not null,
    interactions_changed int        not null,
    millis         bigint           not null,
    fitted_at      timestamp with time zone not null
);

-- Krippendorff's alpha (nominal) at the last refit: scope OVERALL, CATEGORY or TEAM; alpha is null when
-- there is nothing to compare (fewer than two votes on every pair, or only one value ever given).
create table agreement_alpha (
    scope varchar(16)      not null,
    name  varchar(200)     not null,
    alpha double precision,
    units int              not null,
    votes int              not null,
    primary key (scope, name)
);

-- Ledger rows name the pair they are for; judge_score keeps each judge's current run of agreements.
alter table points_entry add column pair_id bigint references pair (id) on delete set null;
update points_entry e set pair_id = (select j.pair_id from judgment j where j.id = e.judgment_id);
alter table judge_score add column streak int not null default 0;
