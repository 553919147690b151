-- Documents attached to a product (docs/adr/0018): the file itself is kept in the database (bytea is
-- PostgreSQL's binary type and an alias of H2's BINARY VARYING), with its detected media type, size and
-- SHA-256. Versions count per product and kind; the unique key decides two uploads that race.
create table document (
    id            varchar(36)  not null primary key,
    part_number   varchar(64)  not null references product (part_number),
    kind          varchar(40)  not null,
    version       integer      not null check (version > 0),
    file_name     varchar(255) not null,
    media_type    varchar(120) not null,
    size_bytes    bigint       not null check (size_bytes > 0),
    sha256        char(64)     not null,
    content       bytea        not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamp with time zone not null,
    task_id       varchar(64),
    task_key      varchar(255),
    evidence_kind varchar(40),
    evidence_id   bigint,
    gate          varchar(64),
    constraint document_version_unique unique (part_number, kind, version)
);
create index document_task_idx on document (task_id);
