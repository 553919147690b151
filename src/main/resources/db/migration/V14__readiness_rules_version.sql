-- Which version of the gate rules (the massProductionGate DRD) judged a product's stored verdict,
-- and the gate inputs it judged (JSON, the contract's names), so that:
-- - the products list's "gate ready" and "blocked by" filters count only verdicts of the deployed
--   rules (a verdict of older rules waits for the background re-evaluation after a deployment);
-- - a draft rule change can be evaluated against every running product's inputs at once
--   (the impact check) without recomputing each product's evidence.
-- Null for verdicts stored before this migration: they count as old rules.
alter table product add column gate_rules_version integer;
alter table product add column gate_inputs varchar(4000);
create index product_gate_rules_version_idx on product (gate_rules_version);
