-- Scaffolder tasks: what was asked, by whom, each step with how to undo it, and the live log.
create table scaffold_task (
  id               uuid primary key,
  template_name    text not null,
  template_version text not null,
  answers          jsonb not null,
  state            text not null,
  created_by       text not null,
  created_by_name  text not null,
  created_by_email text not null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  finished_at      timestamptz,
  -- a repeated submit of the same form finds the task the first one created
  request_key      text unique,
  output           jsonb,
  error            text
);
create index scaffold_task_recent on scaffold_task (created_at desc);

create table scaffold_step (
  task_id     uuid not null references scaffold_task (id) on delete cascade,
  position    int not null,
  step_id     text not null,
  name        text not null,
  action      text not null,
  state       text not null,
  output      jsonb,
  undo        jsonb not null default '[]',
  error       text,
  started_at  timestamptz,
  finished_at timestamptz,
  primary key (task_id, step_id)
);

create table scaffold_log (
  id      bigserial primary key,
  task_id uuid not null references scaffold_task (id) on delete cascade,
  step_id text,
  at      timestamptz not null default now(),
  line    text not null
);
create index scaffold_log_task on scaffold_log (task_id, id);

-- Append-only: the portal inserts and reads, never updates or deletes.
create table audit_event (
  id      bigserial primary key,
  at      timestamptz not null default now(),
  actor   text not null,
  action  text not null,
  target  text not null,
  outcome text not null,
  details jsonb not null default '{}'
);
create index audit_event_at on audit_event (at desc);
