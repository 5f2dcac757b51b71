-- A request key identifies one submit by one user: another user's key (reused or guessed) must not
-- lead to their task.
alter table scaffold_task drop constraint scaffold_task_request_key_key;
create unique index scaffold_task_request on scaffold_task (created_by, request_key);
