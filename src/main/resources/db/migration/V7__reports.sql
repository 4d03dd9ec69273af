-- Report templates: a .docx with poi-tl placeholders ({{customer.name}}, {{*openSubstates}}, an {{activities}} table…),
-- referenced by name from the flows. The document itself is kept as uploaded.
create table report_template (
    id         bigserial primary key,
    name       text  not null unique,
    docx       bytea not null,
    updated_at timestamptz not null default now()
);

-- Action history, Reports tab: one row per Send report execution, with the common columns of every action history
-- table (see email_history). Names are copied in, so renaming a template or an account keeps the history readable.
-- The document is not here but in report_document, so the tab's query never reads a blob.
create table report_history (
    id                   bigserial primary key,
    execution_key        text   not null unique,
    opportunity_id       bigint not null references opportunity (id),
    process_instance_id  text   not null,
    activity_id          text   not null,
    substate_key         text,
    substate_name        text,
    trigger              text check (trigger in ('OPEN', 'CLOSE', 'SCHEDULED', 'PROCESS')),
    template_name        text   not null,
    smtp_credential_name text   not null,
    recipient_role       text,
    recipient_email      text,
    from_address         text,
    -- The document that was sent: its file name and size; null until (unless) it went out.
    file_name            text,
    document_size        int,
    subject              text,
    message_id           text,
    status               text   not null check (status in ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')),
    attempts             int    not null default 0,
    last_error           text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz,
    updated_at           timestamptz not null default now()
);

-- ReportHistoryQuery: first page of the tab, newest first (keyset: created_at, id).
create index report_history_created_idx on report_history (created_at desc, id desc);
-- Partner scope and per-opportunity timeline: the scoped query walks the partner's opportunities.
create index report_history_opportunity_idx on report_history (opportunity_id, created_at desc, id desc);
-- The "status = false" filter.
create index report_history_status_idx on report_history (status, created_at desc, id desc);

-- The report a Send report execution handed to SMTP, written in its own transaction right after the send: it is both
-- the downloadable document of the tab's row and the proof that a retried job must not send again (DESIGN
-- invariant 3). Deleting the history row (retention) deletes the document.
create table report_document (
    execution_key   text  primary key references report_history (execution_key) on delete cascade,
    message_id      text  not null,
    recipient_email text  not null,
    from_address    text  not null,
    subject         text  not null,
    file_name       text  not null,
    content         bytea not null,
    sent_at         timestamptz not null default now()
);
