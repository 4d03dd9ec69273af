-- Every foreign key gets an index leading with its column (ForeignKeyIndexesIT checks it): without one, deleting a
-- referenced row (an opportunity, a customer, a user) scans the referencing table once per deleted row.
create index opportunity_customer_idx on opportunity (customer_id);
-- The partial opportunity_substate_open_idx serves the open substates; deletes need every row.
create index opportunity_substate_opportunity_idx on opportunity_substate (opportunity_id);
create index app_user_company_idx on app_user (company_id);
create index activity_completed_by_idx on activity (completed_by) where completed_by is not null;
create index assignment_history_decided_by_idx on assignment_history (decided_by) where decided_by is not null;
create index assignment_history_replaces_idx on assignment_history (replaces_id) where replaces_id is not null;
