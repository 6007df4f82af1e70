-- The self-assessment dossier (hồ sơ tự đánh giá): per criterion, the evidence documents the province's guidance
-- expects (tài liệu kiểm chứng: a name and a note each), the files attached to each, and the unit's explanation
-- (giải trình) of how it scored a criterion whose evidence is missing or incomplete.
create table evidence_item (
    id           bigint        generated always as identity primary key,
    criterion_id bigint        not null references criterion (id),
    position     integer       not null,
    name         varchar(300)  not null check (length(trim(name)) > 0),
    note         varchar(2000),
    version      bigint        not null default 0,
    unique (criterion_id, id)
);
create index evidence_item_criterion_idx on evidence_item (criterion_id, position);
create trigger evidence_item_data_revision before insert or update or delete or truncate on evidence_item
    for each statement execute function bump_data_revision();

-- A document may answer one listed item, always of its own criterion.
alter table evidence add column evidence_item_id bigint;
alter table evidence add constraint evidence_item_of_its_criterion
    foreign key (criterion_id, evidence_item_id) references evidence_item (criterion_id, id);
create index evidence_evidence_item_idx on evidence (evidence_item_id);

create table criterion_explanation (
    criterion_id bigint        primary key references criterion (id),
    text         varchar(4000) not null check (length(trim(text)) > 0),
    updated_by   bigint        not null references app_user (id),
    updated_at   timestamptz   not null,
    version      bigint        not null default 0
);
create trigger criterion_explanation_data_revision before insert or update or delete or truncate
    on criterion_explanation for each statement execute function bump_data_revision();
