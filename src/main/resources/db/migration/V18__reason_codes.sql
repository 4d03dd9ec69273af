-- Failure reasons as a code + named parameters (decision 0020), rendered in the reader's language; last_error keeps
-- the English text for logs, the REST API and exports. Rows written before this migration have no code and show
-- their stored text. Nullable columns with no default: adding them rewrites no row of a large history table.
alter table email_history            add column reason_code text, add column reason_params jsonb;
alter table activity_history         add column reason_code text, add column reason_params jsonb;
alter table substate_change_history  add column reason_code text, add column reason_params jsonb;
alter table assignment_history       add column reason_code text, add column reason_params jsonb;
alter table report_history           add column reason_code text, add column reason_params jsonb;
alter table webhook_history          add column reason_code text, add column reason_params jsonb;
alter table export_history           add column reason_code text, add column reason_params jsonb;
