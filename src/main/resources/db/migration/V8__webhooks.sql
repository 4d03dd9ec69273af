-- Action history, Webhook tab: one row per Call webhook execution, with the common columns of every action history
-- table (see email_history). url is stored without credentials or query values (WebhookUrls.redacted), since partner
-- users read this tab. response_code, response_excerpt, duration_ms and called_at describe the latest HTTP call; they
-- are written in their own transaction, so a retried attempt still shows the 500 it got.
create table webhook_history (
    id                  bigserial primary key,
    execution_key       text   not null unique,
    opportunity_id      bigint not null references opportunity (id),
    process_instance_id text   not null,
    activity_id         text   not null,
    substate_key        text,
    substate_name       text,
    trigger             text check (trigger in ('OPEN', 'CLOSE', 'SCHEDULED', 'PROCESS')),
    -- As modelled until the first attempt (an expression stays as written), then as resolved.
    url                 text   not null,
    event_name          text,
    status              text   not null check (status in ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')),
    attempts            int    not null default 0,
    last_error          text,
    response_code       int,
    response_excerpt    text,
    duration_ms         bigint,
    called_at           timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

-- WebhookHistoryQuery: first page of the tab, newest first (keyset: created_at, id).
create index webhook_history_created_idx on webhook_history (created_at desc, id desc);
-- Partner scope and per-opportunity timeline: the scoped query walks the partner's opportunities.
create index webhook_history_opportunity_idx on webhook_history (opportunity_id, created_at desc, id desc);
-- The "status = false" filter.
create index webhook_history_status_idx on webhook_history (status, created_at desc, id desc);
-- The "response code" filter (e.g. every 500 of the ERP).
create index webhook_history_response_code_idx on webhook_history (response_code, created_at desc, id desc)
    where response_code is not null;

-- A webhook call the receiver accepted (2xx), remembered outside the job's transaction: a job retried after a
-- failed commit finds it and does not call again (WebhookDeliveries).
create table webhook_delivery (
    execution_key text primary key,
    response_code int  not null,
    delivered_at  timestamptz not null default now()
);
