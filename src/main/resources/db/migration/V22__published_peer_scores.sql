-- The published results of a body's peers (issue 25): for a cycle, the province's published index of its baseline
-- year at its body's level, every other body's line (its name and index). They replace the hand-typed ranking table
-- (peer_district_score) for the bodies on the deployment; a body outside it can still be typed in. Read with the
-- reader's rights (security_invoker): a body sees its own cycle only, every body reads the published results.
create view published_peer_score with (security_invoker = true) as
select c.id               as cycle_id,
       r.assessed_body_id as peer_body_id,
       r.body_name        as peer_name,
       r.index_value      as total,
       r.rank             as rank,
       r.band             as band
from cycle c
         join body b on b.id = c.body_id
         join index_year y on y.year = c.baseline_year and y.level = b.level and y.status = 'PUBLISHED'
         join index_result r on r.index_year_id = y.id and r.assessed_body_id <> c.body_id
where r.index_value is not null;
