-- PostgreSQL only: the trail refuses UPDATE, DELETE and TRUNCATE for every role the application
-- uses; only a database superuser who disables the trigger can change it, and the hash chain
-- still shows that it happened (GET /api/audit/verify).
create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % refused', tg_op;
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
