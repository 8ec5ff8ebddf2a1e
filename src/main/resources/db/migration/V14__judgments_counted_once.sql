-- Every judgment counted itself twice: in interaction.judgments (with an entry of interaction_counts that moved
-- each time) and in interaction_decision.judgments, which the judgment updates anyway as its interaction's lock.
-- The first rewrote the interaction's row, texts and all, in every judgment's commit. The catalog now reads the
-- count from interaction_decision.
drop index interaction_counts;
alter table interaction drop column judgments;
-- What interaction_counts served for the catalog's counts by category, without the count.
create index interaction_counts on interaction (category, status, retired);

-- pair_pool.judgments was written by every judgment and read by nothing: dealing reads reserved, and pair_tally
-- counts a pair's judgments for scoring.
alter table pair_pool drop column judgments;
