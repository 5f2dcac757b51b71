-- Several replicas on one database: who is alive, who holds which lease, when each scheduled job is due
-- next and how its runs went, and which replica runs each scaffolder task.
create table portal_replica (
  id          text primary key,
  host        text not null,
  started_at  timestamptz not null default now(),
  last_seen   timestamptz not null default now()
);

-- a lease: held by one replica until it lapses; renewed while the holder works
create table cluster_lock (
  name          text primary key,
  holder        text not null,
  locked_until  timestamptz not null,
  acquired_at   timestamptz not null default now()
);

create table cluster_job (
  name          text primary key,
  next_run_at   timestamptz not null default now(),
  runs          bigint not null default 0
);

create table cluster_job_run (
  id           bigserial primary key,
  job          text not null,
  replica      text not null,
  started_at   timestamptz not null default now(),
  finished_at  timestamptz,
  -- succeeded, failed, or abandoned (its replica stopped answering mid-run)
  outcome      text,
  error        text
);
create index cluster_job_run_job on cluster_job_run (job, started_at desc);

alter table scaffold_task add column runner text;
