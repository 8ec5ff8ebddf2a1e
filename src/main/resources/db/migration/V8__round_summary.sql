-- What the end-of-round summary and the Team view's agreement chart read.

-- When the judge was shown a round's summary. The next summary reports the consensus results that arrived
-- since then. Rounds finished before this migration count as shown when they finished, so that nobody's next
-- summary reports every pair they ever judged.
alter table round add column summary_shown_at timestamp with time zone;
update round set summary_shown_at = finished_at where finished_at is not null;
create index round_summary_shown on round (judge_id, summary_shown_at);

-- A judge's votes by when their pairs settled: results since the last summary, and a team's agreement per day.
-- It serves every lookup by judge that vote (judge_id) served.
create index vote_judge_scored on vote (judge_id, scored_at);
drop index vote_judge;

-- The points each judgment earned, for a round's points by kind and the bonuses that came with settled pairs.
create index points_entry_judgment on points_entry (judgment_id);
