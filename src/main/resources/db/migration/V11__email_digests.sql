-- Optional e-mail digests: an account's address, and which digest went out on which day (one per person and day,
-- whatever number of instances run: the primary key says so, and the sender inserts its row before it sends).

alter table app_user add column email varchar(254)
    constraint app_user_email_check check (email is null or email ~ '^[^@[:space:]<>,;"]+@[^@[:space:]<>,;"]+\.[^@[:space:]<>,;"]+$');

create table digest_sent (
    user_id bigint      not null references app_user (id),
    day     date        not null,
    sent_at timestamptz not null,
    items   integer     not null constraint digest_sent_items_check check (items >= 0),
    primary key (user_id, day)
);
