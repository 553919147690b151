-- The audit trail's hashes become HMAC-SHA-256 under a key kept outside the database (ADR 0010).
-- Each entry names the key it was computed with; the entries written before this version keep
-- their plain SHA-256 and the key id 'sha256', accepted only as a prefix that the first keyed
-- entry (written at the next start, AUDIT_KEY_CHANGED) seals. New columns with a constant default
-- rewrite no row, so PostgreSQL's append-only trigger is not involved.
alter table audit_entry add column key_id varchar(40) default 'sha256' not null;
alter table audit_entry alter column key_id drop default;

-- The key of the last entry: an append under another key first writes an AUDIT_KEY_CHANGED entry.
alter table audit_head add column last_key_id varchar(40) default 'sha256' not null;
alter table audit_head alter column last_key_id drop default;
