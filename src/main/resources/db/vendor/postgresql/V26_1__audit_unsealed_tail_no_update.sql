-- PostgreSQL only: a row of the audit trail's unsealed tail is inserted by the change that wrote
-- it and deleted by the sealer that chained it, never updated (ADR 0028). An edit is refused here
-- for every role the application uses; one made all the same (a superuser) no longer fits the
-- row's MAC and is refused at the seal.
create function audit_pending_refuse_update() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail''s unsealed tail is insert-only: % refused', tg_op;
end;
$$;

create trigger audit_pending_no_update
    before update on audit_pending
    for each row execute function audit_pending_refuse_update();
