-- How offices identify a document (issue 12): its number and symbol (số, ký hiệu: "125/KH-UBND"), its date of issue
-- (ngày ban hành) and its summary (trích yếu). Optional, bounded, one line each; documents uploaded before keep nulls.
alter table evidence add column document_number varchar(100);
alter table evidence add column issued_on date;
alter table evidence add column summary varchar(1000);

alter table evidence add constraint evidence_document_number_check
    check (document_number is null or (length(trim(document_number)) > 0 and document_number !~ '[[:cntrl:]]'));
alter table evidence add constraint evidence_issued_on_check
    check (issued_on is null or issued_on between date '2000-01-01' and date '2100-12-31');
alter table evidence add constraint evidence_summary_check
    check (summary is null or (length(trim(summary)) > 0 and summary !~ '[[:cntrl:]]'));

-- Home Affairs may change how a criterion is scored (self-assessment or the sociological survey); a survey-scored
-- criterion has nothing awaiting review. The change locks the cycle's row for update before it looks for pending
-- submissions, and a submission takes a share lock on that row first (V13, trigger assessment_closed_cycle, which
-- fires before this one): a submission in flight is either seen (and the change refused) or waits and is refused here.
create function refuse_pending_when_surveyed() returns trigger language plpgsql as $$
begin
    if new.status = 'SUBMITTED' and exists (select 1 from criterion k where k.id = new.criterion_id
                                            and k.scoring_method = 'SURVEY') then
        raise exception 'criterion % is scored by the survey', new.criterion_id using errcode = '55000';
    end if;
    return new;
end
$$;
create trigger assessment_survey_scored before insert or update on assessment
    for each row execute function refuse_pending_when_surveyed();
