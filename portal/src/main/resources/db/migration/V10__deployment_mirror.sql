-- What the replica leading the Argo CD watch saw, for every replica to show: one row per application and
-- one per instance (its reachability). Each write takes the next number of a sequence, so a replica reads
-- only the rows written since it last read. A deleted application keeps its row without a body for a day,
-- so replicas that read later still hear that it went.
create sequence deployment_mirror_seq;

create table deployment_mirror (
  kind        text not null check (kind in ('deployment', 'instance')),
  instance    text not null,
  name        text not null default '',
  body        jsonb,
  seq         bigint not null default nextval('deployment_mirror_seq'),
  changed_at  timestamptz not null default now(),
  primary key (kind, instance, name)
);

create index deployment_mirror_by_seq on deployment_mirror (seq);
