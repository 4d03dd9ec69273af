-- The history tabs' "contains" filters at 10M rows (decision 0027). A filter is KeysetQuery.contains / containsInAny:
--     where <column> ilike '%' || :text || '%'            (case-insensitive, the text's % and _ escaped)
-- A b-tree cannot serve a pattern that starts with %, so each such column gets a trigram GIN index (pg_trgm, shipped
-- with the embedded binaries and with Debian's/the official PostgreSQL packages; a trusted extension since
-- PostgreSQL 13, so the database's owner may create it). A text that matches few rows is then a bitmap index scan
-- (~1 ms at 10M rows instead of a 5.6 s sequential scan); a text that matches many rows keeps walking the
-- (created_at, id) index and filtering, which the planner picks from the column's statistics.
--
-- Built CONCURRENTLY, so an existing installation keeps writing history while the indexes build (minutes at 10M
-- rows): this script runs outside a transaction (V25__history_search_indexes.sql.conf: executeInTransaction=false),
-- and spring.flyway.postgresql.transactional-lock is off, since a concurrent build waits for every open transaction,
-- Flyway's own lock transaction included. A build that fails (e.g. the node is stopped) leaves an INVALID index
-- and a failed migration: drop the invalid index, `flyway repair`, start again ("if not exists" skips the others).
create extension if not exists pg_trgm;

-- Every tab: "opportunity contains" (KeysetQuery.common: o.name ilike ?), then the opportunities' rows by
-- <table>_opportunity_idx.
create index concurrently if not exists opportunity_name_trgm_idx on opportunity using gin (name gin_trgm_ops);

-- E-mail tab (EmailHistoryQuery): template, recipient, SMTP credentials contain.
create index concurrently if not exists email_history_template_trgm_idx
    on email_history using gin (template_name gin_trgm_ops);
create index concurrently if not exists email_history_recipient_trgm_idx
    on email_history using gin (recipient_email gin_trgm_ops);
create index concurrently if not exists email_history_smtp_trgm_idx
    on email_history using gin (smtp_credential_name gin_trgm_ops);

-- Reports tab (ReportHistoryQuery): template, recipient, SMTP credentials, from address, document contain.
create index concurrently if not exists report_history_template_trgm_idx
    on report_history using gin (template_name gin_trgm_ops);
create index concurrently if not exists report_history_recipient_trgm_idx
    on report_history using gin (recipient_email gin_trgm_ops);
create index concurrently if not exists report_history_smtp_trgm_idx
    on report_history using gin (smtp_credential_name gin_trgm_ops);
create index concurrently if not exists report_history_from_trgm_idx
    on report_history using gin (from_address gin_trgm_ops);
create index concurrently if not exists report_history_file_trgm_idx
    on report_history using gin (file_name gin_trgm_ops);

-- Webhook tab (WebhookHistoryQuery): URL contains.
create index concurrently if not exists webhook_history_url_trgm_idx on webhook_history using gin (url gin_trgm_ops);

-- Exports tab (ExportHistoryQuery): template contains; recipient contains, in either column
-- (recipient_email ilike ? or recipient ilike ?: a BitmapOr of the two).
create index concurrently if not exists export_history_template_trgm_idx
    on export_history using gin (template_name gin_trgm_ops);
create index concurrently if not exists export_history_recipient_email_trgm_idx
    on export_history using gin (recipient_email gin_trgm_ops);
create index concurrently if not exists export_history_recipient_trgm_idx
    on export_history using gin (recipient gin_trgm_ops);

-- Substates tab (SubstateChangeHistoryQuery): target substate contains, name or key (a BitmapOr of the two).
create index concurrently if not exists substate_change_history_target_name_trgm_idx
    on substate_change_history using gin (target_substate_name gin_trgm_ops);
create index concurrently if not exists substate_change_history_target_key_trgm_idx
    on substate_change_history using gin (target_substate_key gin_trgm_ops);

-- The Assignment tab's "assigned company contains" (c.name ilike ?) reads the company table (hundreds of rows), then
-- assignment_history_company_idx: no index needed.
