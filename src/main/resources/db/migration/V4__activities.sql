-- Activities: real work items (a call, a visit, a technical survey…) that users list as "my activities" and mark
-- completed. The Create activity action inserts them; execution_key is the action execution that did, unique so a
-- re-run of the same execution never creates a second activity (null for an activity no action created).
create table activity (
    id                  bigserial primary key,
    opportunity_id      bigint not null references opportunity (id),
    type                text   not null,
    subject             text   not null,
    due_date            date   not null,
    assignee_role       text   not null check (assignee_role in ('INTERNAL_USER', 'INSTALLER', 'SELLER')),
    -- Exactly one side is assigned: an internal user, or a partner company (any of its users may work it).
    assignee_user_id    bigint references app_user (id),
    assignee_company_id bigint references company (id),
    completed_at        timestamptz,
    completed_by        bigint references app_user (id),
    created_at          timestamptz not null default now(),
    execution_key       text unique,
    check ((assignee_user_id is null) <> (assignee_company_id is null)),
    check ((completed_at is null) = (completed_by is null))
);

-- "My activities" of an internal user (ActivityRepository.mine): assigned to them, by due date (keyset: due_date, id).
create index activity_assignee_user_idx on activity (assignee_user_id, due_date, id)
    where assignee_user_id is not null;
-- "My activities" of a partner user: assigned to their company, by due date.
create index activity_assignee_company_idx on activity (assignee_company_id, due_date, id)
    where assignee_company_id is not null;
-- "My activities" of an internal user, second arm: INTERNAL_USER activities of the opportunities they own now.
create index activity_opportunity_idx on activity (opportunity_id);
create index opportunity_owner_idx on opportunity (owner_id) where owner_id is not null;
-- The Activities tab's "completed = no" filter joins the open activities only.
create index activity_open_idx on activity (id) where completed_at is null;

-- Action history, Activities tab: one row per Create activity execution, with the common columns of every action
-- history table (see email_history). Whether the activity is completed is not copied here: the tab joins activity
-- through activity_ref, so it follows the activity live. activity_ref stays null until (unless) the activity exists.
create table activity_history (
    id                  bigserial primary key,
    execution_key       text   not null unique,
    opportunity_id      bigint not null references opportunity (id),
    process_instance_id text   not null,
    activity_id         text   not null,
    substate_key        text,
    substate_name       text,
    trigger             text check (trigger in ('OPEN', 'CLOSE', 'SCHEDULED', 'PROCESS')),
    -- As modelled until the first attempt, then as resolved; an unknown type stays as written, to show why it failed.
    activity_type       text,
    subject             text,
    assignee_role       text,
    activity_ref        bigint references activity (id),
    status              text   not null check (status in ('SCHEDULED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED')),
    attempts            int    not null default 0,
    last_error          text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

-- ActivityHistoryQuery: first page of the tab, newest first (keyset: created_at, id).
create index activity_history_created_idx on activity_history (created_at desc, id desc);
-- Partner scope and per-opportunity timeline: the scoped query walks the partner's opportunities.
create index activity_history_opportunity_idx on activity_history (opportunity_id, created_at desc, id desc);
-- The "status = false" filter.
create index activity_history_status_idx on activity_history (status, created_at desc, id desc);
-- The "activity type" filter.
create index activity_history_type_idx on activity_history (activity_type, created_at desc, id desc);
-- From an activity to its history row (the "completed" filter driven from the open activities).
create index activity_history_activity_ref_idx on activity_history (activity_ref) where activity_ref is not null;
