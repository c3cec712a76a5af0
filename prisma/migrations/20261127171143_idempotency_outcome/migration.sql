-- Idempotency keys are now taken inside the transaction that does the request's work: no claim
-- lease, and the stored answer is the domain outcome, not an HTTP response. Expand only: the
-- previous release still runs beside this one during a rollout and keeps its columns
-- (lock_token, locked_until, response_*), which a later release drops. Completed keys get their
-- outcome now: an order's response becomes its result (the order and its version, from the
-- ETag); a refusal is already stored as {"error": …}.

-- AlterTable
ALTER TABLE "idempotency_keys" ADD COLUMN "outcome" JSONB;

UPDATE "idempotency_keys"
SET "outcome" = CASE
  WHEN "response_status" < 400 THEN jsonb_build_object(
    'result', jsonb_build_object(
      'order', "response_body",
      'version', substring("response_headers" ->> 'etag' FROM '[0-9]+')::integer))
  ELSE "response_body"
END
WHERE "response_status" IS NOT NULL;
