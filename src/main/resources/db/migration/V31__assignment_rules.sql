-- Assignment rules (issue 11): per role, the strategy that picks among the partners of the most specific zone
-- (PartnerChooser). LEAST_LOADED is what the chooser always did; a role without a row behaves the same.
create table assignment_rule (
    role       text primary key check (role in ('INSTALLER', 'SELLER')),
    strategy   text not null check (strategy in ('LEAST_LOADED', 'ROUND_ROBIN', 'FIXED_PRIORITY')),
    updated_at timestamptz not null default now()
);
insert into assignment_rule (role, strategy) values ('INSTALLER', 'LEAST_LOADED'), ('SELLER', 'LEAST_LOADED');

-- A partner's settings in its role: its capacity (most open opportunities it may hold; null: no limit) and its rank
-- in the FIXED_PRIORITY order (1 first; null: after every ranked partner). A handful of rows per role, read whole.
create table assignment_rule_partner (
    role       text   not null references assignment_rule (role),
    company_id bigint not null references company (id) on delete cascade,
    capacity   int check (capacity between 0 and 100000),
    priority   int check (priority between 1 and 100000),
    primary key (role, company_id),
    unique (role, priority)
);
-- ForeignKeyIndexesIT: deleting a company finds its settings without a scan.
create index assignment_rule_partner_company_idx on assignment_rule_partner (company_id);

-- Which strategy chose the company of an offer (null on rows written before: least loaded).
alter table assignment_history
    add column strategy text check (strategy in ('LEAST_LOADED', 'ROUND_ROBIN', 'FIXED_PRIORITY'));
