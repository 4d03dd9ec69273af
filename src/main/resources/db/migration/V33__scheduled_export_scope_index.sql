-- The Exports tab's partner scope (ExportHistoryQuery) reads two alternatives, each from its own index: the rows of the
-- partner's opportunities, and its scheduled exports (no opportunity) made for it,
--     where h.opportunity_id is null and h.scope_company_id = ?  order by h.created_at desc, h.id desc
-- export_history_scope_idx (V9) holds every row with a scope, most of them an opportunity's: for a partner with 20% of
-- the opportunities the planner read the whole table instead (137 ms at 1M rows, docs/benchmarks.md section 3). This
-- index holds only the scheduled exports (few rows) in the branch's order: 0.02 ms.
-- Built CONCURRENTLY outside a transaction, as V25 explains (V33__scheduled_export_scope_index.sql.conf).
create index concurrently if not exists export_history_scheduled_scope_idx
    on export_history (scope_company_id, created_at desc, id desc) where opportunity_id is null;
