-- Action history, Substates tab: the opportunity's substate log. One row per Open / close substate execution (the
-- Camunda job that runs it), with the common columns of every action-history table (see email_history), and one row
-- per change a user made by hand, or tried to and was refused (manual: no job, so execution_key is 'manual:<uuid>',
-- activity_id and the action's own substate are null, trigger is MANUAL and changed_by names the user).
-- substate_key/substate_name: where the action sits; target_substate_*: the substate it opened or closed.
create table substate_change_history (
    id                   bigserial primary key,
    execution_key        text    not null unique,
    opportunity_id       bigint  not null references opportunity (id),
    process_instance_id  text    not null,
    activity_id          text,
    substate_key         text,
    substate_name        text,
    trigger              text check (trigger in ('OPEN', 'CLOSE', 'SCHEDULED', 'PROCESS', 'MANUAL')),
    -- As modelled until the first attempt, then as resolved; null while an expression is not evaluated yet.
    change_type          text check (change_type in ('OPEN', 'CLOSE')),
    target_substate_key  text,
    target_substate_name text,
    manual               boolean not null default false,
    changed_by           text,
    status               text    not null check (status in ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')),
    attempts             int     not null default 0,
    last_error           text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check (manual = (trigger = 'MANUAL')),
    check (not manual or changed_by is not null)
);

-- SubstateChangeHistoryQuery: first page of the tab, newest first (keyset: created_at, id).
create index substate_change_history_created_idx on substate_change_history (created_at desc, id desc);
-- Partner scope and per-opportunity timeline: the scoped query walks the partner's opportunities.
create index substate_change_history_opportunity_idx
    on substate_change_history (opportunity_id, created_at desc, id desc);
-- The "status = false" filter (not completed, with the reason).
create index substate_change_history_status_idx on substate_change_history (status, created_at desc, id desc);
-- The "change type" filter.
create index substate_change_history_change_type_idx
    on substate_change_history (change_type, created_at desc, id desc);
-- The "manual" filter: changes users made by hand are few next to the actions'.
create index substate_change_history_manual_idx on substate_change_history (created_at desc, id desc) where manual;
