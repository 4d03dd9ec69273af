-- Every foreign key gets an index leading with its column (ForeignKeyIndexesIT checks it): without one, deleting an
-- opportunity or a customer scans the referencing table once per deleted row.
create index opportunity_customer_idx on opportunity (customer_id);
-- The partial opportunity_substate_open_idx serves the open substates; deletes need every row.
create index opportunity_substate_opportunity_idx on opportunity_substate (opportunity_id);
