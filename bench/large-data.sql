-- A large data set for bench/dashboard.sh: 10 closed cycles (2010–2019), 200 units, 2 000 criteria per cycle
-- (10 domains of 199 criteria), each criterion with 5 assessments.
begin;
-- Tân Yên's (the first body's) data: the rows take their body from the setting, as the application's do (V17)
set local parindex.body = '1';

insert into unit (code, name, kind)
select 'BENCH_' || lpad(i::text, 3, '0'), 'Đơn vị thử ' || i, 'COMMUNE' from generate_series(1, 200) i;

insert into cycle (year, baseline_year, status, title, recorded_total_max, recorded_total_baseline,
                   recorded_total_target, baseline_rank, target_rank, district_count, district_name)
select y, y - 1, 'CLOSED', 'Bộ dữ liệu lớn ' || y, 100, 80, 90, 5, 3, 10, 'Thử' from generate_series(2010, 2019) y;

-- domains
insert into criterion (cycle_id, parent_id, code, level, position, name, max_score, baseline_score, target_score,
                       scoring_method)
select c.id, null, d::text, 1, d * 1000, 'Lĩnh vực ' || d, 10, null, null, 'SELF_ASSESSMENT'
from cycle c, generate_series(1, 10) d where c.year between 2010 and 2019;

-- criteria: 199 per domain
insert into criterion (cycle_id, parent_id, code, level, position, name, max_score, baseline_score, target_score,
                       current_score, scoring_method, weakness)
select p.cycle_id, p.id, p.code || '.' || k, 2, p.position + k, 'Tiêu chí ' || p.code || '.' || k,
       0.0500, 0.0300, 0.0400, case when k % 3 = 0 then 0.0450 end,
       case when k % 10 = 0 then 'SURVEY' else 'SELF_ASSESSMENT' end,
       case when k % 4 = 0 then 'Tồn tại của tiêu chí ' || p.code || '.' || k end
from criterion p join cycle c on c.id = p.cycle_id, generate_series(1, 199) k
where c.year between 2010 and 2019 and p.level = 1;

-- a lead unit for every domain and every fifth criterion, coordinating units on domains
insert into criterion_unit (criterion_id, unit_id, role, position)
select cr.id, u.id, 'LEAD', 1
from criterion cr join cycle c on c.id = cr.cycle_id
join unit u on u.code = 'BENCH_' || lpad(((cr.position % 200) + 1)::text, 3, '0')
where c.year between 2010 and 2019 and (cr.level = 1 or cr.position % 5 = 0);
insert into criterion_unit (criterion_id, unit_id, role, position)
select cr.id, u.id, 'COORDINATING', row_number() over (partition by cr.id order by u.id)
from criterion cr join cycle c on c.id = cr.cycle_id
join unit u on u.code in ('BENCH_001', 'BENCH_002', 'BENCH_003')
where c.year between 2010 and 2019 and cr.level = 1;

-- 5 assessments per criterion: 4 returned, the latest approved
insert into assessment (criterion_id, unit_id, score, explanation, status, submitted_by, submitted_at, reviewed_by,
                        reviewed_at, review_comment)
select cr.id, null, 0.0400, 'Giải trình ' || n, case when n = 5 then 'APPROVED' else 'RETURNED' end,
       (select id from app_user where username = 'noivu'), now() - (6 - n) * interval '1 day',
       (select id from app_user where username = 'noivu'), now() - (6 - n) * interval '1 day' + interval '1 hour',
       'Ý kiến ' || n
from criterion cr join cycle c on c.id = cr.cycle_id, generate_series(1, 5) n
where c.year between 2010 and 2019 and cr.level = 2;

insert into peer_district_score (cycle_id, district, total)
select c.id, 'Huyện ' || i, 70 + i * 2.5 from cycle c, generate_series(1, 9) i where c.year between 2010 and 2019;

commit;
analyze;
