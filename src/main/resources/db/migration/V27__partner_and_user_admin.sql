-- Partners and users run from the admin views (issue 11). A deactivated partner company keeps all its rows (history
-- refers to it) but gets no new assignments (PartnerZoneService.covering skips it) and its users cannot sign in
-- (UserService and ApiTokenService read the flag with the user). A user whose password an admin reset signs in with
-- the temporary one and must choose a new one before anything else.
alter table company add column active boolean not null default true;
alter table app_user add column password_change_required boolean not null default false;
