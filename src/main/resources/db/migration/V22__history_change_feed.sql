-- The change feed of the action history (decision 0024): every insert or update of a history row, and of an
-- activity (its completion), sends one NOTIFY on channel flowstate_history. PostgreSQL delivers a NOTIFY only when
-- the writing transaction commits, to every node that LISTENs, so a rolled-back attempt is never announced and
-- every app node sees every change. The payload is small JSON:
--   {"a": tab key, "id": row id, "o": opportunity id, "s": status, "i": true for an insert}
-- The tab key is the history URL's (email, activity, substate, assignment, report, export, webhook); an activity's
-- completion is announced as "activity-task". Nothing here stores anything: a node that is not listening misses it.
create function flowstate_notify_history_change() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('flowstate_history', json_build_object(
            'a', tg_argv[0], 'id', new.id, 'o', new.opportunity_id, 's', new.status,
            'i', tg_op = 'INSERT')::text);
    return null;
end
$$;

create function flowstate_notify_activity_change() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('flowstate_history', json_build_object(
            'a', 'activity-task', 'id', new.id, 'o', new.opportunity_id,
            's', case when new.completed_at is null then 'OPEN' else 'COMPLETED' end,
            'i', tg_op = 'INSERT')::text);
    return null;
end
$$;

create trigger email_history_change after insert or update on email_history
    for each row execute function flowstate_notify_history_change('email');
create trigger activity_history_change after insert or update on activity_history
    for each row execute function flowstate_notify_history_change('activity');
create trigger substate_change_history_change after insert or update on substate_change_history
    for each row execute function flowstate_notify_history_change('substate');
create trigger assignment_history_change after insert or update on assignment_history
    for each row execute function flowstate_notify_history_change('assignment');
create trigger report_history_change after insert or update on report_history
    for each row execute function flowstate_notify_history_change('report');
create trigger export_history_change after insert or update on export_history
    for each row execute function flowstate_notify_history_change('export');
create trigger webhook_history_change after insert or update on webhook_history
    for each row execute function flowstate_notify_history_change('webhook');
create trigger activity_change after insert or update of completed_at on activity
    for each row execute function flowstate_notify_activity_change();
