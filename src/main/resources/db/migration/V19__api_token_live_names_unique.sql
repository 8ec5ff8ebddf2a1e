-- One live token name per owner, ignoring case, held by the database: two requests at once could both pass the
-- service's check. live_name is the lower-cased name while the token is live and null once revoked (nulls are
-- distinct in a unique index on H2 and PostgreSQL alike). Of live tokens that already share a name, the first keeps it.
alter table api_token add column live_name varchar(100);

update api_token set live_name = lower(name)
where revoked_at is null
  and id in (select min(id) from api_token where revoked_at is null group by user_id, lower(name));

create unique index api_token_live_name on api_token (user_id, live_name);
