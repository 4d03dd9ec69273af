-- The Substates tab also logs an admin moving an opportunity to another version of its flow: change type MIGRATE,
-- a manual row (changed_by = the admin), target_substate_name = "<flow> v<from> → v<to>".
alter table substate_change_history drop constraint substate_change_history_change_type_check;
alter table substate_change_history
    add constraint substate_change_history_change_type_check check (change_type in ('OPEN', 'CLOSE', 'MIGRATE'));
