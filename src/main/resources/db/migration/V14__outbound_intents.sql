-- An action execution is about to do something outside the database (hand an e-mail, a report or an export to SMTP):
-- the intent is committed before, in a transaction of its own, and removed once the delivery record (email_delivery,
-- report_document, export_delivery) is committed after. An intent still here when the execution is retried means an
-- earlier attempt stopped between the two: action.Outbound waits for that attempt's record, then sends again with the
-- same Message-ID (the one case README "What can still happen twice" describes).
-- Outbound reads and writes by execution_key only: the primary key is its index.
create table outbound_intent (
    execution_key text primary key,
    started_at    timestamptz not null default now()
);
