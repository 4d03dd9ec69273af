-- Opportunity types: a configurable list; each names the flow its new opportunities start on (null: the default
-- flow, flowstate.flow.process-key). OpportunityTypeService reads it whole (a handful of rows).
create table opportunity_type (
    key      text primary key check (key ~ '^[a-z][a-z0-9-]{0,39}$'),
    name     text not null,
    flow_key text,
    position int  not null default 0
);
insert into opportunity_type (key, name, position) values
    ('residential', 'Residenziale', 10),
    ('business', 'Aziendale', 20),
    ('maintenance', 'Manutenzione', 30);

-- Every opportunity runs exactly one flow: its type, the flow's key and the version it runs (changed by a migration).
-- Opportunities opened before had the default flow, version unknown.
alter table opportunity
    add column type_key     text references opportunity_type (key),
    add column flow_key     text,
    add column flow_version int;
create index opportunity_type_idx on opportunity (type_key) where type_key is not null;
-- The flow catalogue's "running opportunities per flow".
create index opportunity_flow_idx on opportunity (flow_key, flow_version) where flow_key is not null;
