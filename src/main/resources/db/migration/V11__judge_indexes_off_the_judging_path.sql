-- Indexes keyed by judge that every judgment moved, for reads that are rare (see V10 for why such entries cost
-- so much on the judging path).

-- judge_score_rank served one read: a judge's rank of all time on the Play view's welcome card and round
-- summary. That read now counts the judges with more points straight from the table (a few thousand rows,
-- once a round). The boards keep their own rank index, which serves every leaderboard.
drop index judge_score_rank;

-- judgment_gold served a judge's gold accuracy, shown on the Play view's welcome card: judgment_judge finds the
-- judge's judgments as well, and the gold ones are a tenth of them.
drop index judgment_gold;
