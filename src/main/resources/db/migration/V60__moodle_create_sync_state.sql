-- What has been pushed to Moodle, per account, course and enrolment: for the staff sync view and
-- for the provisioning tasks' bookkeeping. Every change to push bumps `generation`; a task that
-- pushed the state of generation g raises `synced_generation` to g, so a change that lands while
-- a task runs is never mistaken for synced.
CREATE TABLE moodle_sync (
    kind              text        NOT NULL CHECK (kind IN ('account', 'course', 'enrolment')),
    -- user id, training session id, or '<user id>/<session id>'
    entity_id         text        NOT NULL,
    generation        bigint      NOT NULL DEFAULT 0,
    synced_generation bigint      NOT NULL DEFAULT 0,
    status            text        NOT NULL DEFAULT 'pending'
                                  CHECK (status IN ('pending', 'synced', 'error', 'configuration_error')),
    moodle_id         integer,
    last_error        text,
    attempts          integer     NOT NULL DEFAULT 0,
    last_attempt_at   timestamptz,
    synced_at         timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, entity_id)
);
CREATE INDEX ix_moodle_sync_status ON moodle_sync (status, kind) WHERE status <> 'synced';
