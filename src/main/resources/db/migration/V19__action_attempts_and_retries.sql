-- What a person needs to act on an execution later (retry, resend), and what every attempt of it did.

-- The evaluated input parameters of an action execution, kept from its first attempt that committed (written in
-- that attempt's transaction by action.ActionRunner), with the action as modelled then: a retry or a resend runs
-- with exactly these, even after the flow moved on, the model changed or its deployment was replaced.
-- Read and written by execution_key only: the primary key is its index.
create table action_input (
    execution_key text primary key,
    action        text  not null,
    -- flow.ActionDefinition as JSON: activity, substate, trigger and the literal parameters of the service task.
    definition    jsonb not null,
    -- Parameter name -> evaluated value (text or null), as the action's parameters record reads them.
    inputs        jsonb not null,
    created_at    timestamptz not null default now()
);

-- One row per attempt of an execution, including the attempts that rolled back (those are written from the
-- engine's failure transaction, like the history row's counter). origin says who started the attempt: the flow
-- (FLOW), a person's retry (RETRY) or resend (RESEND); requested_by is that person's username.
create table action_attempt (
    id            bigserial primary key,
    execution_key text        not null,
    action        text        not null,
    attempt       int         not null,
    origin        text        not null check (origin in ('FLOW', 'RETRY', 'RESEND')),
    requested_by  text,
    started_at    timestamptz,
    ended_at      timestamptz not null,
    outcome       text        not null check (outcome in ('SUCCEEDED', 'RUNNING', 'RETRYING', 'FAILED')),
    reason        text,
    reason_code   text,
    reason_params jsonb
);
-- The attempts of one row, in order (row details, REST /attempts).
create index action_attempt_execution_idx on action_attempt (execution_key, attempt, id);

-- A bulk retry (retry.RetryService): which rows it took, and how each ended, so its progress can be read.
create table retry_batch (
    id           bigserial primary key,
    action       text        not null,
    requested_by text        not null,
    created_at   timestamptz not null default now()
);
create table retry_batch_item (
    batch_id      bigint      not null references retry_batch (id) on delete cascade,
    execution_key text        not null,
    outcome       text check (outcome in ('SUCCEEDED', 'RUNNING', 'FAILED')),
    done_at       timestamptz,
    primary key (batch_id, execution_key)
);

-- A resend is a new execution (new row, new Message-ID) that points at the row it sent again.
alter table email_history add column resend_of bigint references email_history (id);
alter table report_history add column resend_of bigint references report_history (id);
create index email_history_resend_of_idx on email_history (resend_of);
create index report_history_resend_of_idx on report_history (resend_of);
