CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" text NOT NULL,
	"counsellor_id" text,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"from_time" text NOT NULL,
	"to_time" text NOT NULL,
	"conversation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"locale" text DEFAULT 'ja' NOT NULL,
	"answers" jsonb,
	"status" text DEFAULT 'waiting' NOT NULL,
	"offer_booking_id" uuid,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_live_idx" ON "waitlist_entries" USING btree ("office_id","status","created_at");--> statement-breakpoint
CREATE INDEX "waitlist_conversation_idx" ON "waitlist_entries" USING btree ("conversation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offer_booking_key" ON "waitlist_entries" USING btree ("offer_booking_id");