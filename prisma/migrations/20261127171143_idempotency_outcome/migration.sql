-- Idempotency keys are now taken inside the transaction that does the request's work, so there
-- is no claim lease (lock_token, locked_until) and the stored answer is the domain outcome, not
-- an HTTP response. Completed keys keep replaying: an order's response becomes its result (the
-- order and its version, from the ETag), a refusal is already stored as {"error": …}. Claims that
-- never completed are dropped: nothing committed with them, so their retries simply run.

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

DELETE FROM "idempotency_keys" WHERE "outcome" IS NULL;

ALTER TABLE "idempotency_keys" DROP COLUMN "lock_token",
DROP COLUMN "locked_until",
DROP COLUMN "response_body",
DROP COLUMN "response_headers",
DROP COLUMN "response_status";
