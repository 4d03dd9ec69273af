-- Failed sign-ins, one row each, shared by every node of a cluster (security.LoginThrottle). A username or a client
-- address with too many rows inside the window is refused without its password being checked. A successful sign-in
-- clears the username of its rows (username set to null) but keeps them for the address. Rows older than the window
-- are pruned every few minutes, so the table holds at most one window of failures.
create table login_failure (
    id        bigint generated always as identity primary key,
    -- Null once the user signed in successfully: the row then counts for the address only. Cut to 255 characters.
    username  varchar(255),
    address   varchar(64)  not null,
    failed_at timestamptz  not null default now()
);

-- LoginThrottle.check / recordFailure: count(*) where username = ? and failed_at > now() - window;
-- LoginThrottle.reset: update ... set username = null where username = ?
create index login_failure_username_idx on login_failure (username, failed_at) where username is not null;
-- LoginThrottle.check / recordFailure: count(*) where address = ? and failed_at > now() - window
create index login_failure_address_idx on login_failure (address, failed_at);
-- LoginThrottle.prune: delete where failed_at < now() - window
create index login_failure_failed_at_idx on login_failure (failed_at);
