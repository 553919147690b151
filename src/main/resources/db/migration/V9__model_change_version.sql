-- Optimistic locking of model changes (issue 12): every write of a change checks and bumps its
-- version, so two approvers, or an approver and the author saving again, cannot both win; the
-- approval also claims the change only while it is SUBMITTED (ModelChanges.approve).
alter table model_change add column version bigint default 0 not null;
