-- Retention (issue 11): how many days each history tab and the audit trail keep their rows. The nightly purge
-- (retention.RetentionPurge) deletes older rows in small batches by the tables' created_at / at indexes
-- (V3–V9, V26). Default five years; ranges are checked by retention.RetentionService and here.
create table retention_setting (
    tab        text primary key check (tab in ('email', 'activity', 'substate', 'assignment', 'report', 'webhook',
                                                'export', 'audit')),
    days       int  not null check (days between 1 and 36500),
    updated_at timestamptz,
    updated_by text
);

insert into retention_setting (tab, days)
values ('email', 1826), ('activity', 1826), ('substate', 1826), ('assignment', 1826), ('report', 1826),
       ('webhook', 1826), ('export', 1826), ('audit', 1826);

-- The purge deletes a bulk retry's items by the execution key of a purged row; the primary key leads with batch_id.
create index retry_batch_item_execution_idx on retry_batch_item (execution_key);
