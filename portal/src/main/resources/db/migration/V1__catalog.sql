-- The processed catalog. Git (or a folder) is the source of truth; these tables are what the portal
-- serves queries from, rebuilt incrementally by the refresh loop.

create extension if not exists pg_trgm;

create table catalog_location (
    id            uuid primary key,
    type          text        not null,
    target        text        not null,
    -- 'config' for locations from application configuration, 'user' for ones registered in the portal
    origin        text        not null,
    created_at    timestamptz not null default now(),
    refreshed_at  timestamptz,
    -- 'pending' until first processed, then 'ok' or 'error' (the latter keeps last good entities)
    status        text        not null default 'pending',
    message       text,
    -- problems found at the last refresh: [{file, document, line, entity, message}]
    errors        jsonb       not null default '[]',
    -- what was read at the last successful refresh, to skip unchanged sources: {revision, files: {path: fingerprint}}
    fingerprint   jsonb,
    entity_count  integer     not null default 0,
    unique (type, target)
);

create table catalog_entity (
    id            uuid primary key,
    -- lower-case kind:namespace/name
    entity_ref    text        not null unique,
    kind          text        not null,
    namespace     text        not null,
    name          text        not null,
    location_id   uuid        not null references catalog_location (id) on delete cascade,
    source_path   text        not null,
    source_url    text,
    -- the entity as processed, without relations (those live in catalog_relation)
    body          jsonb       not null,
    -- hash of what was read, so an unchanged entity is not processed again
    source_hash   text        not null,
    title         text,
    description   text,
    spec_type     text,
    lifecycle     text,
    owner_ref     text,
    system_ref    text,
    tags          text[]      not null default '{}',
    -- lower-cased name, title, description and tags for substring search
    search_text   text        not null,
    -- validation problems of the latest version read; the body stays the last good version
    errors        jsonb       not null default '[]',
    updated_at    timestamptz not null default now()
);

create index catalog_entity_kind_name on catalog_entity (kind, name);
create index catalog_entity_name on catalog_entity (name);
create index catalog_entity_owner on catalog_entity (owner_ref, kind, name);
create index catalog_entity_system on catalog_entity (system_ref, name);
create index catalog_entity_type on catalog_entity (spec_type, name);
create index catalog_entity_lifecycle on catalog_entity (lifecycle, name);
create index catalog_entity_location on catalog_entity (location_id);
create index catalog_entity_tags on catalog_entity using gin (tags);
create index catalog_entity_search on catalog_entity using gin (search_text gin_trgm_ops);

-- Relations in both directions, each row attributed to the entity whose descriptor declared it, so
-- removing or changing that entity removes exactly its relations.
create table catalog_relation (
    origin_id   uuid not null references catalog_entity (id) on delete cascade,
    source_ref  text not null,
    type        text not null,
    target_ref  text not null
);

-- covers the relation lookups of the entity page and the REST API as index-only scans
create index catalog_relation_source on catalog_relation (source_ref, type, target_ref);
create index catalog_relation_target on catalog_relation (target_ref);
create index catalog_relation_origin on catalog_relation (origin_id);
