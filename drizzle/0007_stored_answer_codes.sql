-- The interpreter/assistant answer was stored as the label the seeker tapped, in Japanese or English.
-- It is stored as its code from now on; each reader shows the label in their own language. Other text a
-- seeker typed stays as typed. The labels are the only ones the bot ever offered (src/i18n/*/codes.ts).
UPDATE "bookings" SET "support" = 'interpreter' WHERE "support" IN ('通訳が必要', 'Interpreter');--> statement-breakpoint
UPDATE "bookings" SET "support" = 'assistant' WHERE "support" IN ('介助者が同席する', 'Assistant joins');--> statement-breakpoint
-- An intake in progress holds the answer in the conversation's state until it is sent.
UPDATE "conversations" SET "state" = jsonb_set("state", '{answers,support}', '"interpreter"')
  WHERE "state" -> 'answers' ->> 'support' IN ('通訳が必要', 'Interpreter');--> statement-breakpoint
UPDATE "conversations" SET "state" = jsonb_set("state", '{answers,support}', '"assistant"')
  WHERE "state" -> 'answers' ->> 'support' IN ('介助者が同席する', 'Assistant joins');
