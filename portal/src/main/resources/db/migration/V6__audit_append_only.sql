-- The audit log is append-only: no one (the portal included) can change or remove an entry through the
-- database role the portal uses. Retention, when it comes, is a DBA's job with a role of its own.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries cannot be changed or removed (% on audit_event)', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only
  before update or delete on audit_event
  for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
  before truncate on audit_event
  for each statement execute function audit_event_append_only();

create index audit_event_actor on audit_event (actor, at desc);
create index audit_event_action on audit_event (action, at desc);
