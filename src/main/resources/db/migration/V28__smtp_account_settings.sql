-- SMTP accounts edited by admins (issue 11): the transport security replaces the start_tls flag (true became
-- STARTTLS, false NONE), and each account gets a sender name and its own time-outs (the values every account used
-- until now). The checks repeat the service's validation, so a row written around it cannot break a sender.
alter table smtp_credential
    add column security          text not null default 'NONE' check (security in ('NONE', 'STARTTLS', 'SSL_TLS')),
    add column from_name         text,
    add column connect_timeout_s int  not null default 5 check (connect_timeout_s between 1 and 120),
    add column read_timeout_s    int  not null default 10 check (read_timeout_s between 1 and 600),
    add constraint smtp_credential_port_check check (port between 1 and 65535);

update smtp_credential set security = 'STARTTLS' where start_tls;

alter table smtp_credential drop column start_tls;
