-- SMTP accounts the actions send through. The password is encrypted by the app (AES-GCM) and never leaves it.
create table smtp_credential (
    id                 bigserial primary key,
    name               text    not null unique,
    host               text    not null,
    port               int     not null,
    username           text,
    password_encrypted text,
    from_address       text    not null,
    start_tls          boolean not null default false,
    updated_at         timestamptz not null default now()
);

-- E-mail templates, rendered with Mustache.
create table email_template (
    id         bigserial primary key,
    name       text not null unique,
    subject    text not null,
    body_html  text not null,
    body_text  text not null,
    updated_at timestamptz not null default now()
);

-- One row per successful SMTP hand-over of an action execution, written in its own transaction right after the
-- send: a retried job (after a failed commit) finds it and does not send the same e-mail again.
create table email_delivery (
    execution_key   text primary key,
    message_id      text not null,
    recipient_email text not null,
    delivered_at    timestamptz not null default now()
);
