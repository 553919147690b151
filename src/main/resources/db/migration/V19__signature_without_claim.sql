-- A task may be signed without being claimed first (allowed, but shown): the signature says so.
-- Earlier signatures: a task is only ever assigned by a claim or a hand-over, both in the audit
-- trail, so a signed task with neither was signed without claiming.
alter table signature add column without_claim boolean default false not null;
update signature set without_claim = true
 where not exists (select 1 from audit_entry a
                    where a.subject_type = 'TASK' and a.subject_id = signature.task_id
                      and a.action in ('TASK_CLAIMED', 'TASK_HANDED_OVER'));
