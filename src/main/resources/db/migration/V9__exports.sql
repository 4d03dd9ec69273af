-- Export templates: what an Export action exports (type, columns, filter), as what (csv or xlsx), to whom, and
-- optionally on which schedule. Flows refer to them by name.
create table export_template (
    id                   bigserial primary key,
    name                 text   not null unique,
    export_type          text   not null check (export_type in ('OPPORTUNITIES', 'ACTIVITIES', 'EMAIL_HISTORY')),
    -- Column keys in file order (ExportDataset); empty = every column of the type.
    columns              text[] not null default '{}',
    -- ExportFilter as JSON, e.g. {"provinces": ["MI", "TO"], "openSubstate": "Offer"}.
    filter               jsonb  not null default '{}',
    extension            text   not null check (extension in ('CSV', 'XLSX')),
    -- A role of the opportunity (INSTALLER, SELLER, INTERNAL_USER) or an e-mail address of a known user or company.
    recipient            text   not null,
    smtp_credential_name text   not null,
    -- Camunda cron (seconds first, e.g. '0 0 7 * * ?'); set = a scheduled process runs the export (ExportScheduleDeployer).
    schedule_cron        text,
    updated_at           timestamptz not null default now()
);

-- Action history, Exports tab: one row per Export execution, with the common columns of every action history table
-- (see email_history). A scheduled export belongs to no opportunity: opportunity_id is null.
create table export_history (
    id                   bigserial primary key,
    execution_key        text   not null unique,
    opportunity_id       bigint references opportunity (id),
    process_instance_id  text   not null,
    activity_id          text   not null,
    substate_key         text,
    substate_name        text,
    trigger              text check (trigger in ('OPEN', 'CLOSE', 'SCHEDULED', 'PROCESS')),
    template_name        text   not null,
    -- Copied from the template (known when scheduled if the model names it literally), so renames keep history readable.
    export_type          text,
    extension            text,
    recipient            text,
    recipient_email      text,
    smtp_credential_name text,
    -- Whose data the file holds, which is also who may see the row and download the file: a partner company, or
    -- null = every company's data (platform users only). See ExportRecipients.
    scope_company_id     bigint references company (id),
    row_count            bigint,
    file_size            bigint,
    file_name            text,
    delivery             text check (delivery in ('ATTACHED', 'LINKED')),
    message_id           text,
    status               text   not null check (status in ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')),
    attempts             int    not null default 0,
    last_error           text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz,
    updated_at           timestamptz not null default now()
);

-- ExportHistoryQuery: first page of the tab, newest first (keyset: created_at, id).
create index export_history_created_idx on export_history (created_at desc, id desc);
-- Partner scope: a partner's rows are those whose file holds only its company's data.
create index export_history_scope_idx on export_history (scope_company_id, created_at desc, id desc)
    where scope_company_id is not null;
-- Per-opportunity timeline.
create index export_history_opportunity_idx on export_history (opportunity_id, created_at desc, id desc)
    where opportunity_id is not null;
-- The "status = false" filter.
create index export_history_status_idx on export_history (status, created_at desc, id desc);

-- The exported file, kept so the tab (and a link in the e-mail) can offer it for download. Written in its own
-- transaction before the e-mail goes out, so a retry reuses it and a link never points at nothing. The bytes sit in
-- 1 MiB chunks: stored and served streaming, on whichever node, without holding a whole file in memory. The tab's
-- query never touches these tables.
create table export_file (
    id            bigserial primary key,
    history_id    bigint not null unique references export_history (id) on delete cascade,
    file_name     text   not null,
    content_type  text   not null,
    file_size     bigint not null,
    row_count     bigint not null,
    created_at    timestamptz not null default now()
);

create table export_file_chunk (
    file_id bigint not null references export_file (id) on delete cascade,
    seq     int    not null,
    data    bytea  not null,
    primary key (file_id, seq)
);

-- One row per successful SMTP hand-over of an export execution, written in its own transaction right after the
-- send: a retried job (after a failed commit) finds it and does not send the file again (like email_delivery).
create table export_delivery (
    execution_key   text primary key,
    message_id      text not null,
    recipient_email text not null,
    delivery        text not null check (delivery in ('ATTACHED', 'LINKED')),
    delivered_at    timestamptz not null default now()
);
