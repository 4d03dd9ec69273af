-- Opportunity page: what people did to the pending scheduled actions (engine timer jobs) of an opportunity's flow.
-- The engine forgets a deleted timer job, so who cancelled it, or moved it, and when, is kept here; the opportunity's
-- timeline reads it next to the action history. Names are copied in: the flow may change, the log must stay readable.
create table scheduled_action_change (
    id             bigserial primary key,
    opportunity_id bigint      not null references opportunity (id),
    job_id         text        not null,
    timer_id       text        not null,
    substate_name  text,
    actions        text        not null,
    change_type    text        not null check (change_type in ('CANCEL', 'RESCHEDULE')),
    due_before     timestamptz,
    due_after      timestamptz,
    changed_by     text        not null,
    changed_at     timestamptz not null default now(),
    check ((change_type = 'RESCHEDULE') = (due_after is not null))
);

-- The opportunity's timeline: its latest changes first.
create index scheduled_action_change_opportunity_idx on scheduled_action_change (opportunity_id, changed_at desc, id desc);
