-- Settings admins override at runtime; the configuration gives the defaults. Changes are audited.
create table portal_setting (
  key        text primary key,
  value      text not null,
  updated_by text not null,
  updated_at timestamptz not null
);
