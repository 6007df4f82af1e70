-- The province's ranking: where the district stood, where it aims, and the other districts' published totals.

alter table cycle
    add column baseline_rank  integer check (baseline_rank >= 1),
    add column target_rank    integer check (target_rank >= 1),
    add column district_count integer check (district_count >= 1),
    add column district_name  varchar(100);

update cycle set baseline_rank = 8, target_rank = 5, district_count = 10, district_name = 'Tân Yên'
where year = 2023 and title like '%Tân Yên%';

-- Other districts' published totals (Chỉ số CCHC các huyện, thành phố) for a cycle's baseline year.
create table peer_district_score (
    id         bigint generated always as identity primary key,
    cycle_id   bigint        not null references cycle (id),
    district   varchar(100)  not null check (length(trim(district)) > 0),
    total      numeric(7, 4) not null check (total >= 0 and total <= 100),
    version    bigint        not null default 0,
    unique (cycle_id, district)
);
