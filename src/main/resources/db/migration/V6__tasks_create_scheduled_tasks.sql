-- Durable background tasks (db-scheduler): one row per pending execution, picked by one worker at
-- a time, with heartbeats so a crashed worker's executions are revived by another.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Tasks that failed every retry: kept for staff to see and retry, never silently dropped.
CREATE TABLE task_failures (
    id              bigserial    PRIMARY KEY,
    task_name       text         NOT NULL,
    task_instance   text         NOT NULL,
    task_data       bytea,
    attempts        integer      NOT NULL,
    last_error      text         NOT NULL,
    failed_at       timestamptz  NOT NULL DEFAULT now(),
    retried_at      timestamptz
);
CREATE INDEX ix_task_failures_open ON task_failures (task_name) WHERE retried_at IS NULL;
