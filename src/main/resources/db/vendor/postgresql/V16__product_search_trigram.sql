-- PostgreSQL only (H2 has no trigram index): the products grid's free-text search is a
-- case-insensitive substring match, upper(part_number) like upper('%…%') or upper(name) like …,
-- which no b-tree can serve. Trigram GIN indexes on both expressions turn the 100,000-row scan
-- into two index lookups (docs/benchmarks.md, "Products grid ... PostgreSQL 15"). pg_trgm ships
-- with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;
create index product_part_number_trgm_idx on product using gin (upper(part_number) gin_trgm_ops);
create index product_name_trgm_idx on product using gin (upper(name) gin_trgm_ops);
