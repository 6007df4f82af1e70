-- Safe by default: invariants that parallel requests could break are constraints, text is bounded, evidence can
-- be read in slices, password hashes of schemes longer than BCrypt fit, and evidence cannot be truncated.

-- At most one submission awaiting review per criterion. Earlier versions could accept parallel duplicates: all but
-- the oldest are returned to their unit, on record, before the rule is enforced.
with duplicate as (
    select id, criterion_id, submitted_by,
           first_value(id) over (partition by criterion_id order by submitted_at, id) as kept
    from assessment
    where status = 'SUBMITTED'
), returned as (
    update assessment a
    set status = 'RETURNED', reviewed_by = d.submitted_by, reviewed_at = now(),
        review_comment = 'Trả lại tự động: trùng với bản số ' || d.kept || ' đang chờ rà soát',
        version = a.version + 1
    from duplicate d
    where a.id = d.id and d.id <> d.kept
    returning a.id, a.criterion_id, a.review_comment
)
insert into change_history (at, user_id, username, entity_type, entity_id, criterion_id, field, old_value, new_value,
                            comment)
select now(), null, 'system', 'ASSESSMENT', id, criterion_id, 'status', 'SUBMITTED', 'RETURNED', review_comment
from returned;

create unique index assessment_one_pending on assessment (criterion_id) where status = 'SUBMITTED';

-- Bounded text (checked by the application first; NOT VALID: rows written before this version stay as they are).
alter table assessment add constraint assessment_explanation_length check (length(explanation) <= 4000) not valid;
alter table assessment add constraint assessment_review_comment_length check (length(review_comment) <= 4000) not valid;
alter table change_history add constraint change_history_comment_length check (length(comment) <= 10000) not valid;
alter table change_history add constraint change_history_old_value_length check (length(old_value) <= 10000) not valid;
alter table change_history add constraint change_history_new_value_length check (length(new_value) <= 10000) not valid;

-- Evidence is never truncated either (rows were already protected from update and delete).
create trigger evidence_no_truncate before truncate on evidence
    for each statement execute function forbid_change();

-- Stored uncompressed and out of line, so a download reads the document slice by slice.
alter table evidence alter column content set storage external;

-- Room for password hashes longer than BCrypt's 60 characters (PBKDF2 with its scheme prefix).
alter table app_user alter column password_hash type varchar(255);
