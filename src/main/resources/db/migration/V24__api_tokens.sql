-- API tokens (decision 0026): a user's own bearer tokens for integrations. Only the SHA-256 of a token is kept; the
-- token itself is shown once, when it is created. A token acts as its user (role, partner company), so a disabled
-- user's tokens stop working and a deleted user's go with them.
create table api_token (
    id           bigserial primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    name         text        not null,
    token_hash   bytea       not null,
    token_prefix text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);

-- Every authenticated request looks its token up by hash.
create unique index api_token_hash_idx on api_token (token_hash);
-- A user's own list, and the foreign key's index (a deleted user's tokens are found without a scan).
create index api_token_user_idx on api_token (user_id, created_at desc);
