-- Personal access tokens, for pushing to the embedded Git server and (later) the REST API. Only a hash
-- of each token is kept; the token itself is shown once, when it is created.
create table access_token (
  id           uuid primary key,
  owner        text not null,
  name         text not null,
  token_hash   text not null unique,
  hint         text not null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
create index access_token_owner on access_token (owner);
