-- Issue 22, documents an office sends as they are.

-- A unit's input states, with each task's result, where the task stands (đang thực hiện, hoàn thành): applied to the
-- task when the input is sent, so the report's result and the task's status agree. Null on inputs written before.
alter table report_input_task add column status varchar(16)
    constraint report_input_task_status_check check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE'));

-- The abbreviation an office writes after "/BC-" in its documents' number (Nghị định 30/2020/NĐ-CP: TP for Phòng Tư
-- pháp, VP for Văn phòng HĐND và UBND, TTr for Thanh tra). Null: derived from the office's name (the initials after
-- "Phòng", VP for a Văn phòng, TTr for a Thanh tra, UBND for a commune).
alter table unit add column document_abbreviation varchar(16)
    constraint unit_document_abbreviation_check check (document_abbreviation ~ '^[A-Za-zĐđ0-9&]{1,16}$');

-- The demo district's offices (units created later by the plan's seeder get the same values by derivation).
update unit set document_abbreviation = 'NV' where code = 'NOIVU';
update unit set document_abbreviation = 'TP' where code = 'TUPHAP';
update unit set document_abbreviation = 'VP' where code = 'VANPHONG';
update unit set document_abbreviation = 'VHTT' where code = 'VHTT';
update unit set document_abbreviation = 'TCKH' where code = 'TCKH';
update unit set document_abbreviation = 'TTr' where code = 'THANHTRA';
