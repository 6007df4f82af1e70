-- The application treats district names case-insensitively ("Yên Dũng" = "yên dũng"); the database now does too,
-- so two parallel adds of one district cannot both succeed. Rows that already differ only in case (possible before
-- this rule) keep their data: all but the oldest are renamed "<name> (trùng #<id>)" for Home Affairs to correct.
update peer_district_score p
   set district = left(p.district, 80) || ' (trùng #' || p.id || ')'
 where exists (select 1 from peer_district_score q
                where q.cycle_id = p.cycle_id and lower(q.district) = lower(p.district) and q.id < p.id);

create unique index peer_district_score_cycle_district_ci on peer_district_score (cycle_id, lower(district));
