-- The re-evaluation of the running products' stored verdicts under a newly deployed version of the
-- gate rules (docs/readiness-reevaluation.md): one row per rules version. The node that inserts it
-- runs it (the primary key lets one node of a cluster win); it reports progress after every batch
-- (heartbeat_at), and a node that finds the heartbeat old (the runner died) takes it over and goes on
-- with the products still judged by older rules.
create table readiness_reevaluation (
    rules_version integer                  not null primary key,
    total         integer                  not null,
    done          integer                  not null default 0,
    failed        integer                  not null default 0,
    changed       integer                  not null default 0,
    node          varchar(200)             not null,
    started_at    timestamp with time zone not null,
    heartbeat_at  timestamp with time zone not null,
    finished_at   timestamp with time zone
);
