-- The roles and groups each user had when they last signed in, so their personal access tokens act with
-- the same permissions.
create table portal_user (
  ref             text primary key,
  name            text not null,
  email           text not null,
  roles           text[] not null,
  groups          text[] not null,
  source          text not null,
  last_sign_in_at timestamptz not null
);
