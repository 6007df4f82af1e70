-- The scoring workflow: units submit assessments with evidence, Home Affairs reviews, every change on record.

-- A unit's self-assessment of a criterion (bản tự đánh giá), reviewed by Home Affairs.
create table assessment (
    id             bigint generated always as identity primary key,
    criterion_id   bigint        not null references criterion (id),
    unit_id        bigint        references unit (id),
    score          numeric(7, 4) not null check (score >= 0),
    explanation    text          not null check (length(trim(explanation)) > 0),
    status         varchar(16)   not null check (status in ('SUBMITTED', 'RETURNED', 'APPROVED')),
    submitted_by   bigint        not null references app_user (id),
    submitted_at   timestamptz   not null,
    reviewed_by    bigint        references app_user (id),
    reviewed_at    timestamptz,
    review_comment text,
    version        bigint        not null default 0,
    check (status = 'SUBMITTED' or (reviewed_by is not null and reviewed_at is not null)),
    check (status <> 'RETURNED' or length(trim(review_comment)) > 0)
);
create index assessment_criterion_idx on assessment (criterion_id, submitted_at desc);
create index assessment_status_idx on assessment (status) where status = 'SUBMITTED';

-- Evidence documents (tài liệu kiểm chứng), stored in the database, never changed once uploaded.
create table evidence (
    id           bigint generated always as identity primary key,
    criterion_id bigint       not null references criterion (id),
    assessment_id bigint      references assessment (id),
    file_name    varchar(255) not null check (length(trim(file_name)) > 0),
    content_type varchar(100) not null,
    size_bytes   bigint       not null check (size_bytes > 0),
    sha256       char(64)     not null,
    content      bytea        not null,
    uploaded_by  bigint       not null references app_user (id),
    uploaded_at  timestamptz  not null
);
create index evidence_criterion_idx on evidence (criterion_id);
create index evidence_assessment_idx on evidence (assessment_id);

-- The audit trail (lịch sử thay đổi): one row per changed field, written in the same transaction as the change.
create table change_history (
    id           bigint generated always as identity primary key,
    at           timestamptz  not null,
    user_id      bigint       references app_user (id),
    username     varchar(64)  not null,
    entity_type  varchar(32)  not null,
    entity_id    bigint       not null,
    criterion_id bigint       references criterion (id),
    field        varchar(64)  not null,
    old_value    text,
    new_value    text,
    comment      text
);
create index change_history_criterion_idx on change_history (criterion_id, at);
create index change_history_entity_idx on change_history (entity_type, entity_id, at);

-- Nothing in the history or the evidence store is ever edited or deleted.
create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end
$$;
create trigger change_history_append_only before update or delete on change_history
    for each row execute function forbid_change();
create trigger change_history_no_truncate before truncate on change_history
    for each statement execute function forbid_change();
create trigger evidence_append_only before update or delete on evidence
    for each row execute function forbid_change();
