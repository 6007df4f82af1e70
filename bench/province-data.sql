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

-- The province's index of the communes (issue 25), as the owner (every body's rows): 2025 published (each commune's
-- result kept, the trend on its card, its peers' published indexes on its 2026 ranking page), 2026 open on the
-- communes' 2026 cycles with its bands, every odd commune's self-assessed criteria appraised (the queue has both).
insert into index_year (year, level, status, scale_to_100, opened_at, published_at, self_assessment_due,
                        explanation_from, explanation_to)
values (2025, 'COMMUNE', 'PUBLISHED', true, now() - interval '300 days', now() - interval '250 days', date '2025-10-31',
        date '2025-11-01', date '2025-11-15'),
       (2026, 'COMMUNE', 'OPEN', true, now(), null, date '2026-10-31', date '2026-11-01', date '2026-11-15');
insert into index_framework_node (index_year_id, code, parent_code, position, name, max_score)
select i.id, cr.code, p.code, cr.position, cr.name, cr.max_score
from index_year i
         join body b on b.code = 'BENCH_B001'
         join cycle c on c.body_id = b.id and c.year = i.year
         join criterion cr on cr.cycle_id = c.id
         left join criterion p on p.id = cr.parent_id
where i.level = 'COMMUNE';
insert into index_body (index_year_id, assessed_body_id, cycle_id)
select i.id, b.id, c.id
from index_year i join body b on b.level = i.level join cycle c on c.body_id = b.id and c.year = i.year
where i.level = 'COMMUNE';
insert into index_band (index_year_id, position, name, from_index, to_index)
select i.id, v.position, v.name, v.from_index, v.to_index
from index_year i, (values (1, 'Xuất sắc', 90, 100), (2, 'Tốt', 80, 90), (3, 'Khá', 65, 80), (4, 'Trung bình', 50, 65),
                           (5, 'Yếu', 0, 50)) as v (position, name, from_index, to_index)
where i.level = 'COMMUNE';
insert into index_result (index_year_id, assessed_body_id, body_code, body_name, score, maximum, self_assessed,
                          index_value, rank, band)
select i.id, b.id, b.code, b.name, 60 + n % 30, 90, 62 + n % 30, round((60 + n % 30) * 100 / 90.0, 4),
       rank() over (order by n % 30 desc),
       case when (60 + n % 30) * 100 / 90.0 >= 90 then 'Xuất sắc' when (60 + n % 30) * 100 / 90.0 >= 80 then 'Tốt'
            else 'Khá' end
from index_year i
         join (select id, code, name, row_number() over (order by code) as n from body where level = 'COMMUNE') b
              on true
where i.level = 'COMMUNE' and i.year = 2025;
update criterion cr set appraised_score = cr.current_score, appraisal_reason = 'Thẩm định thử'
from index_body x join index_year i on i.id = x.index_year_id
where cr.cycle_id = x.cycle_id and i.year = 2026 and x.assessed_body_id % 2 = 1 and cr.current_score is not null
  and cr.level = 2;

commit;
analyze;
