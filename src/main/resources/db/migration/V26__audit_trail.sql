-- The audit trail (issue 11): one row per configuration change (partners, users, SMTP accounts, templates, rules,
-- opportunity types, retention) and per flow deployment. Written in the changing transaction, so a change that rolls
-- back leaves no row and a change that commits always has one. Secrets are masked before they get here.
create table audit_entry (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    actor      text        not null,
    area       text        not null,
    subject    text        not null,
    change     text        not null check (change in ('CREATED', 'UPDATED', 'DELETED', 'DEPLOYED', 'EXECUTED')),
    before     jsonb,
    after      jsonb
);

-- The audit tab's newest-first keyset page, filtered by area or not; retention deletes the oldest by "at".
create index audit_entry_at_idx on audit_entry (at desc, id desc);
create index audit_entry_area_at_idx on audit_entry (area, at desc, id desc);
