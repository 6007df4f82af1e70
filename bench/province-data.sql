-- A province's data set for bench/pages.sh (issue 24): 120 more bodies beside Tân Yên — 70 communes, 30 wards and
-- 20 departments, generated names only ("Thử nghiệm 001") —, each with 4 offices, an account per role, 5 years
-- (2022–2025 closed, 2026 open) of 40 criteria (4 domains of 9), assignments, an assessment of every criterion each
-- year (2026: every third awaiting review), an evidence row per criterion in 2026, and 4 tasks a year.
-- Run as the owner, which then works as the application's role (parindex_app) with each body set as the application
-- sets it (parindex.body): row-level security keeps every statement to that body, and body_id comes from the
-- column's default, as in the application.
-- The first generated body (BENCH_B001) has the accounts bench_noivu, bench_tuphap, bench_lanhdao (password: the
-- demo password, copied from noivu).
begin;

insert into body (code, name, level)
select 'BENCH_B' || lpad(i::text, 3, '0'), 'Thử nghiệm ' || lpad(i::text, 3, '0'),
       case when i <= 70 then 'COMMUNE' when i <= 100 then 'WARD' else 'DEPARTMENT' end
from generate_series(1, 120) i;

do $$
declare
    -- read as the owner, before working as the application's role (which sees no body until one is set)
    hash text := (select password_hash from app_user where username = 'noivu');
    ids bigint[] := array(select id from body where code like 'BENCH_B%' order by id);
    codes text[] := array(select code from body where code like 'BENCH_B%' order by id);
    b record;
    prefix text;
    admin_id bigint;
begin
    set local role parindex_app;
    for b in select ids[i] as id, codes[i] as code from generate_subscripts(ids, 1) i loop
        perform set_config('parindex.body', b.id::text, true);
        prefix := case when b.code = 'BENCH_B001' then 'bench' else lower(replace(b.code, 'BENCH_', '')) end;

        insert into unit (code, name, kind) values
            ('VANPHONG', 'Văn phòng HĐND và UBND', 'OFFICE'), ('TUPHAP', 'Công chức Tư pháp – Hộ tịch', 'OFFICE'),
            ('KINHTE', 'Phòng Kinh tế', 'OFFICE'), ('VHXH', 'Phòng Văn hóa – Xã hội', 'OFFICE');

        insert into app_user (username, display_name, password_hash, role, unit_id, body_id)
        values (prefix || '_noivu', 'Cán bộ ' || b.code, hash, 'ADMIN', null, b.id)
        returning id into admin_id;
        insert into app_user (username, display_name, password_hash, role, unit_id, body_id)
        select prefix || '_tuphap', 'Công chức Tư pháp ' || b.code, hash, 'UNIT_HEAD', u.id, b.id
        from unit u where u.code = 'TUPHAP';
        insert into app_user (username, display_name, password_hash, role, unit_id, body_id)
        values (prefix || '_lanhdao', 'Lãnh đạo ' || b.code, hash, 'LEADER', null, b.id);

        insert into cycle (year, baseline_year, status, title)
        select y, y - 1, 'ACTIVE', 'Kế hoạch thử ' || b.code || ' năm ' || y from generate_series(2022, 2026) y;

        insert into criterion (cycle_id, parent_id, code, level, position, name, max_score, scoring_method)
        select c.id, null, d::text, 1, d * 100, 'Lĩnh vực thử ' || d, 22.5, 'SELF_ASSESSMENT'
        from cycle c, generate_series(1, 4) d;
        insert into criterion (cycle_id, parent_id, code, level, position, name, max_score, baseline_score,
                               target_score, current_score, scoring_method, weakness)
        select p.cycle_id, p.id, p.code || '.' || k, 2, p.position + k, 'Tiêu chí thử ' || p.code || '.' || k,
               2.5, 2.0, 2.3, case when k % 2 = 0 then 2.2 end,
               case when k = 9 then 'SURVEY' else 'SELF_ASSESSMENT' end,
               case when k % 3 = 0 then 'Tồn tại của tiêu chí ' || p.code || '.' || k end
        from criterion p, generate_series(1, 9) k where p.level = 1;

        insert into criterion_unit (criterion_id, unit_id, role, position)
        select cr.id, u.id, 'LEAD', 1 from criterion cr
        join unit u on u.code = case when split_part(cr.code, '.', 1) = '2' then 'TUPHAP' else 'VANPHONG' end;
        insert into criterion_unit (criterion_id, unit_id, role, position)
        select cr.id, u.id, 'COORDINATING', 1 from criterion cr join unit u on u.code = 'KINHTE'
        where cr.level = 1;

        insert into assessment (criterion_id, unit_id, score, explanation, status, submitted_by, submitted_at,
                                reviewed_by, reviewed_at, review_comment)
        select cr.id, null, 2.2, 'Giải trình thử',
               case when c.year = 2026 and cr.position % 3 = 0 then 'SUBMITTED' else 'APPROVED' end,
               admin_id, now() - interval '2 days',
               case when c.year = 2026 and cr.position % 3 = 0 then null else admin_id end,
               case when c.year = 2026 and cr.position % 3 = 0 then null else now() - interval '1 day' end,
               null
        from criterion cr join cycle c on c.id = cr.cycle_id
        where cr.level = 2 and cr.scoring_method = 'SELF_ASSESSMENT';

        insert into evidence (criterion_id, file_name, content_type, size_bytes, sha256, content, uploaded_by,
                              uploaded_at, document_number, issued_on, summary)
        select cr.id, 'bao-cao-' || replace(cr.code, '.', '-') || '.pdf', 'application/pdf', 8,
               encode(sha256(convert_to('%PDF-1.4', 'UTF8')), 'hex'), convert_to('%PDF-1.4', 'UTF8'), admin_id, now() - interval '3 days',
               cr.code || '/BC-UBND', date '2026-03-02', 'Báo cáo thử của tiêu chí ' || cr.code
        from criterion cr join cycle c on c.id = cr.cycle_id where c.year = 2026 and cr.level = 2;

        insert into task (cycle_id, domain_id, position, title, start_date, due_date, status)
        select c.id, d.id, d.position / 100, 'Nhiệm vụ thử lĩnh vực ' || d.code,
               make_date(c.year, 1, 15), make_date(c.year, 11, 30),
               case when c.year < 2026 then 'DONE' else 'IN_PROGRESS' end
        from cycle c join criterion d on d.cycle_id = c.id and d.level = 1;
        insert into task_unit (task_id, unit_id, role, position)
        select t.id, u.id, 'LEAD', 1 from task t join criterion d on d.id = t.domain_id
        join unit u on u.code = case when d.code = '2' then 'TUPHAP' else 'VANPHONG' end;

        update cycle set status = 'CLOSED' where year < 2026;
    end loop;
end
$$;

reset role;
commit;
analyze;
