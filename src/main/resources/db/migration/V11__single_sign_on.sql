-- Single sign-on with OpenID Connect and signing under SSO (docs/adr/0015-single-sign-on.md).
-- auth_source: LOCAL (password) or OIDC (provisioned at each company sign-in). An OIDC account keeps the
-- issuer and subject it was created for, so that another identity provider user with the same user id can
-- never take it over; its password_hash is an unusable hash of random bytes nobody knows, and password
-- sign-in refuses OIDC accounts anyway.
alter table app_user add column auth_source varchar(8) default 'LOCAL' not null;
alter table app_user add constraint app_user_auth_source_ck check (auth_source in ('LOCAL', 'OIDC'));
alter table app_user add column oidc_issuer varchar(500);
alter table app_user add column oidc_subject varchar(255);
alter table app_user add constraint app_user_oidc_identity_uk unique (oidc_issuer, oidc_subject);
-- an OIDC user's signing PIN, hashed with the same PasswordEncoder as passwords; wrong PINs use the same
-- failed_signatures / signing_locked_until counters as passwords (V2)
alter table app_user add column signing_pin_hash varchar(200);
