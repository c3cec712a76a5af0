-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" VARCHAR(16) NOT NULL,
    "actor_id" UUID,
    "actor_user_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(32),
    "target_id" VARCHAR(64),
    "subject_user_id" UUID,
    "outcome" VARCHAR(8) NOT NULL,
    "client_address" VARCHAR(64),
    "user_agent" VARCHAR(256),
    "request_id" VARCHAR(128),
    "trace_id" CHAR(32),
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_occurred_at_id_idx" ON "audit_events"("occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_events_subject_user_id_occurred_at_id_idx" ON "audit_events"("subject_user_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_events_actor_id_occurred_at_id_idx" ON "audit_events"("actor_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_events_target_type_target_id_occurred_at_id_idx" ON "audit_events"("target_type", "target_id", "occurred_at" DESC, "id" DESC);

-- What the columns may hold (Prisma's schema does not model CHECK constraints).
ALTER TABLE "audit_events"
  ADD CONSTRAINT "audit_events_actor_type_check"
    CHECK ("actor_type" IN ('user', 'api_key', 'system', 'anonymous')),
  ADD CONSTRAINT "audit_events_outcome_check" CHECK ("outcome" IN ('success', 'failure')),
  ADD CONSTRAINT "audit_events_details_check"
    CHECK (jsonb_typeof("details") = 'object' AND octet_length("details"::text) <= 2048);

-- Append-only. Rows are never updated; a row is deleted only by the retention purge of the
-- worker, which declares its retention in the transaction (SET LOCAL audit.retention_days), and
-- only when the row is older than that retention and than 30 days. A trigger, not a grant, so
-- it holds whatever role the application connects as (the owner included, short of ALTER TABLE).
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  retention_days integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    retention_days := nullif(current_setting('audit.retention_days', true), '')::integer;
    IF retention_days >= 30
       AND OLD."occurred_at" < now() - make_interval(days => retention_days) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Only rows past the retention are deleted, by the worker''s purge.';
END;
$$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();

