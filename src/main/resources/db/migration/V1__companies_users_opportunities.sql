-- Companies: the platform company and its partner companies (installers, sellers).
create table company (
    id          bigserial primary key,
    name        text not null unique,
    kind        text not null check (kind in ('PLATFORM', 'INSTALLER', 'SELLER')),
    email       text,
    created_at  timestamptz not null default now()
);

-- Users live in the app database; passwords are bcrypt hashes.
create table app_user (
    id            bigserial primary key,
    username      text not null unique,
    password_hash text not null,
    display_name  text not null,
    email         text,
    company_id    bigint not null references company (id),
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);

create table app_user_role (
    user_id bigint not null references app_user (id) on delete cascade,
    role    text   not null check (role in ('ADMIN', 'DESIGNER', 'INTERNAL', 'PARTNER')),
    primary key (user_id, role)
);

create table customer (
    id         bigserial primary key,
    name       text not null,
    email      text,
    phone      text,
    created_at timestamptz not null default now()
);

create table opportunity (
    id                  bigserial primary key,
    name                text   not null,
    customer_id         bigint not null references customer (id),
    street              text,
    city                text,
    postal_code         text   not null,
    province            text   not null,
    installer_id        bigint references company (id),
    seller_id           bigint references company (id),
    owner_id            bigint references app_user (id),
    process_instance_id text unique,
    created_at          timestamptz not null default now()
);
-- Partner scope: "opportunities of company X" is an index lookup on either role.
create index opportunity_installer_idx on opportunity (installer_id, id);
create index opportunity_seller_idx on opportunity (seller_id, id);
create index opportunity_created_idx on opportunity (created_at desc, id desc);

-- The substate log, projected from the engine's history: a row per opening of a substate's wait state.
create table opportunity_substate (
    activity_instance_id text primary key,
    opportunity_id       bigint not null references opportunity (id),
    substate_key         text   not null,
    substate_name        text,
    opened_at            timestamptz not null,
    closed_at            timestamptz
);
-- Open substates of an opportunity.
create index opportunity_substate_open_idx on opportunity_substate (opportunity_id) where closed_at is null;
