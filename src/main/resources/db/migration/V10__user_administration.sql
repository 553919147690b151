-- User administration and self-service passwords (docs/adr/0014-one-time-passwords-and-password-policy.md)
alter table app_user add column email varchar(254);
-- a one-time password issued by an administrator: the person must choose their own before anything else
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column password_issued_at timestamp with time zone;
alter table app_user add column last_login_at timestamp with time zone;
