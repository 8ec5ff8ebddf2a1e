-- The SHA-256 of each file an export sent whole, so that a downloaded file can be checked against the history:
-- null for one broken off, and for the exports logged before this column.
alter table export_history add column sha256 varchar(64);
