-- The audit trail: append-only, one row per event that matters, written in the transaction of the
-- change it records. Each row carries the SHA-256 of its own content and the hash of the row
-- before it (a hash chain); ids are given by the trail itself (audit_head), without gaps.
create table audit_entry (
    id            bigint        primary key,
    occurred_at   timestamp with time zone not null,
    actor         varchar(120)  not null,
    action        varchar(40)   not null,
    subject_type  varchar(20)   not null,
    subject_id    varchar(200)  not null,
    details       varchar(100000) not null,
    previous_hash varchar(64)   not null,
    entry_hash    varchar(64)   not null
);
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id);
create index audit_entry_actor_idx on audit_entry (actor);
create index audit_entry_action_idx on audit_entry (action, occurred_at);

-- The head of the chain: locked by each appending transaction, so entries chain in commit order
-- on every node of a cluster.
create table audit_head (
    id        integer     primary key check (id = 1),
    last_id   bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_id, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
