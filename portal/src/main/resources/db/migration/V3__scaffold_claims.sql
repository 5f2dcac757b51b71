-- What a task is about to create (a repository, a catalog entity), claimed when it starts so that of two
-- requests for the same name at the same moment exactly one starts. Released when the task is undone.
create table scaffold_claim (
  resource text primary key,
  task_id  uuid not null references scaffold_task (id) on delete cascade
);
