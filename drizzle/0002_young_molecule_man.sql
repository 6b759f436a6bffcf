ALTER TABLE "outbox" ALTER COLUMN "max_attempts" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "max_attempts" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "first_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "order_key" text;--> statement-breakpoint
ALTER TABLE "webhook_inbox" ADD COLUMN "reply_attempted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_order_idx" ON "outbox" USING btree ("order_key","id") WHERE "outbox"."order_key" is not null and "outbox"."status" in ('pending', 'running');--> statement-breakpoint
-- Jobs waiting under the old cap of 8 attempts retry until the horizon instead.
UPDATE "outbox" SET "max_attempts" = NULL WHERE "max_attempts" = 8 AND "status" IN ('pending', 'running');
