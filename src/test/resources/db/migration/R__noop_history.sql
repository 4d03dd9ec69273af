-- The test-only No-op action's history table: the columns every action's table has, and its own (outcome, note).
create table if not exists noop_history (
    id                  bigserial primary key,
    execution_key       text   not null unique,
    opportunity_id      bigint not null references opportunity (id),
    process_instance_id text   not null,
    activity_id         text   not null,
    substate_key        text,
    substate_name       text,
    trigger             text,
    status              text   not null,
    attempts            int    not null default 0,
    last_error          text,
    reason_code         text,
    reason_params       jsonb,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    outcome             text,
    note                text
);
create index if not exists noop_history_created_idx on noop_history (created_at desc, id desc);
create index if not exists noop_history_opportunity_idx on noop_history (opportunity_id, created_at desc, id desc);
-- Databases made before reasons had codes (V18).
alter table noop_history add column if not exists reason_code text, add column if not exists reason_params jsonb;
