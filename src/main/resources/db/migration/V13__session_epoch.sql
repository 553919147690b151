-- Sessions signed in before an administrator disabled an account, reset its password or changed its roles
-- end at their next request, also after the account is enabled again (docs/adr/0014): each such change
-- counts up the account's session epoch; a browser session remembers the epoch it began under.
alter table app_user add column session_epoch bigint default 0 not null;
