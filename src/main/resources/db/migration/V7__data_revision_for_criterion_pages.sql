-- A criterion's page is kept per data revision (its submissions, evidence and history): the revision now also
-- changes with what else the page shows. Evidence and the change history are append-only (no update, delete or
-- truncate reaches them), so inserts are all there is to catch; an account's name shows beside what it did.
create trigger evidence_data_revision before insert on evidence
    for each statement execute function bump_data_revision();
create trigger change_history_data_revision before insert on change_history
    for each statement execute function bump_data_revision();
create trigger app_user_data_revision before update of username, display_name or delete on app_user
    for each statement execute function bump_data_revision();
