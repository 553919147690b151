-- PostgreSQL only: comments are part of the product's record (docs/adr/0023-comments.md), so the
-- table refuses UPDATE, DELETE and TRUNCATE as the audit trail does; a correction is a new comment.
create function product_comment_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'comments are append-only: % refused', tg_op;
end;
$$;

create trigger product_comment_append_only
    before update or delete on product_comment
    for each row execute function product_comment_refuse_change();

create trigger product_comment_no_truncate
    before truncate on product_comment
    for each statement execute function product_comment_refuse_change();
