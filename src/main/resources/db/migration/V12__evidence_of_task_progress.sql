-- Evidence documents (tài liệu kiểm chứng) may also back a task's progress update: such a document belongs to the
-- update instead of a criterion. Every document still belongs to something.
alter table evidence alter column criterion_id drop not null;
alter table evidence add column task_update_id bigint references task_update (id);
alter table evidence add constraint evidence_owner_check
    check ((criterion_id is not null) <> (task_update_id is not null));
create index evidence_task_update_idx on evidence (task_update_id);
