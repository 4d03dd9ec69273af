-- Every deployment of the engine, recorded in the deploying transaction (flow.DeploymentRecorder): who (the signed-in
-- username, or 'system' for the flows of bpmn/ at start-up and other deployments Flowstate makes itself), when, and
-- which process keys and versions it created, one row per process definition (a deployment that created none has one
-- row without a process). No foreign key to Camunda's tables: the engine writes its own rows when its command ends,
-- after this one, and a deleted deployment keeps its record.
create table deployment_record (
    id                    bigserial primary key,
    deployment_id         text        not null,
    deployment_name       text,
    source                text,
    deployed_by           text        not null,
    deployed_at           timestamptz not null,
    process_key           text,
    process_version       int,
    process_definition_id text unique,
    check ((process_key is null) = (process_version is null))
);

-- FlowDeployments.of(key): a flow's deployments by process key, newest first.
create index deployment_record_process_idx on deployment_record (process_key, process_version desc, id desc)
    where process_key is not null;
-- FlowDeployments.ofDeployment(id): what one deployment created.
create index deployment_record_deployment_idx on deployment_record (deployment_id);
