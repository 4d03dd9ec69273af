-- Idempotency-Key: the answer to a state-changing /api request, kept per user and key for a while (24 h by
-- default), so a client that retries after a lost answer or a 503 gets the stored answer instead of a second
-- opportunity. Written in the same transaction as the request's own changes (idempotency/IdempotencyFilter): a key
-- row exists exactly when the request's work committed. Only 2xx answers are kept.
create table idempotency_key (
    -- The signed-in user's name: keys are the client's choice, so two users may pick the same one.
    username       varchar(255)  not null,
    idempotency_key varchar(255) not null,
    method         varchar(10)   not null,
    -- Path and query string of the first request: the same key on another endpoint is a client error (422).
    path           varchar(2048) not null,
    -- SHA-256 of the first request's body: the same key with another body is a client error (422).
    request_hash   bytea         not null,
    -- The answer, written when the request ends with a 2xx (never seen by others before: same transaction).
    response_status integer,
    response_content_type varchar(255),
    response_location varchar(2048),
    response_body  bytea,
    created_at     timestamptz   not null default now(),
    -- Serves IdempotencyKeys.claim (insert … on conflict do nothing: a concurrent request with the same key waits on
    -- this index until the first commits, then finds its answer) and IdempotencyKeys.find (by user and key).
    primary key (username, idempotency_key)
);

-- Serves IdempotencyKeys.prune: delete from idempotency_key where created_at < ? (expired keys, periodically).
create index idempotency_key_created_at on idempotency_key (created_at);
