-- Action history, E-mail tab: one row per action execution (the Camunda job that runs it), created when the job
-- is created, updated by every attempt. Names are copied in, so renaming a template keeps the history readable.
create table email_history (
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
    status               text   not null check (status in ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')),
    attempts             int    not null default 0,
    last_error           text,
    message_id           text,
    subject              text,
    body_preview         text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz,
    updated_at           timestamptz not null default now()
);

-- First page of the tab, newest first (keyset: created_at, id).
create index email_history_created_idx on email_history (created_at desc, id desc);
-- Partner scope and per-opportunity timeline: the scoped query walks the partner's opportunities.
create index email_history_opportunity_idx on email_history (opportunity_id, created_at desc, id desc);
-- The "status = false" filter.
create index email_history_status_idx on email_history (status, created_at desc, id desc);
