-- Assignment criteria: the zones a partner company covers, each either a province (two letters) or a postal-code
-- prefix (1 to 5 digits). The company's kind (INSTALLER, SELLER) says which role the zone is for.
create table partner_zone (
    id                 bigserial primary key,
    company_id         bigint not null references company (id) on delete cascade,
    province           text check (province ~ '^[A-Z]{2}$'),
    postal_code_prefix text check (postal_code_prefix ~ '^[0-9]{1,5}$'),
    created_at         timestamptz not null default now(),
    check ((province is null) <> (postal_code_prefix is null)),
    unique (company_id, province),
    unique (company_id, postal_code_prefix)
);
-- PartnerZoneService.covering: the zones of a province, and of every prefix of a postal code (= any(prefixes)).
create index partner_zone_province_idx on partner_zone (province) where province is not null;
create index partner_zone_postal_code_idx on partner_zone (postal_code_prefix) where postal_code_prefix is not null;

-- Action history, Assignment tab: one row per offer of an opportunity to a partner company. The Assign installer /
-- seller action's execution makes the first row (with the common columns of every action history table, see
-- email_history); each rejection adds a row for the next candidate, keyed "<execution key>/after/<rejected row id>"
-- and pointing at the row it replaces. A row without a company is an execution that found no candidate (FAILED).
create table assignment_history (
    id                   bigserial primary key,
    execution_key        text   not null unique,
    opportunity_id       bigint not null references opportunity (id),
    process_instance_id  text   not null,
    activity_id          text   not null,
    substate_key         text,
    substate_name        text,
    trigger              text check (trigger in ('OPEN', 'CLOSE', 'SCHEDULED', 'PROCESS')),
    -- As modelled until the first attempt, then as resolved; an unknown role stays as written, to show why it failed.
    role                 text,
    assigned_company_id  bigint references company (id),
    assignment_status    text check (assignment_status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    -- The criterion used: the matching zone (POSTAL_CODE prefix or PROVINCE; EXISTING = the opportunity already had
    -- a company in this role and kept it), the company's open opportunities when chosen, how many candidates tied.
    zone_type            text check (zone_type in ('POSTAL_CODE', 'PROVINCE', 'EXISTING')),
    zone                 text,
    open_opportunities   int,
    candidates           int,
    round_robin          boolean,
    replaces_id          bigint references assignment_history (id),
    assigned_at          timestamptz,
    decided_at           timestamptz,
    decided_by           bigint references app_user (id),
    rejection_reason     text,
    status               text   not null check (status in ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')),
    attempts             int    not null default 0,
    last_error           text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check (assignment_status is null or assigned_company_id is not null)
);

-- AssignmentHistoryQuery: first page of the tab, newest first (keyset: created_at, id).
create index assignment_history_created_idx on assignment_history (created_at desc, id desc);
-- Partner scope (opportunities of the partner) and per-opportunity timeline; also the companies that already
-- rejected an opportunity (PartnerChooser), a handful of rows per opportunity.
create index assignment_history_opportunity_idx on assignment_history (opportunity_id, created_at desc, id desc);
-- Partner scope (offers made to the partner, also after it rejected them), the "assigned company" filter, and the
-- round-robin tie-break (the company's latest offer: max(created_at) is the first entry).
create index assignment_history_company_idx on assignment_history (assigned_company_id, created_at desc, id desc)
    where assigned_company_id is not null;
-- The "status = pending / accepted / rejected" filter.
create index assignment_history_decision_idx on assignment_history (assignment_status, created_at desc, id desc)
    where assignment_status is not null;
-- The "status = false" (not completed) filter.
create index assignment_history_status_idx on assignment_history (status, created_at desc, id desc);
