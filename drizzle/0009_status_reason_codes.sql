ALTER TABLE "bookings" ADD COLUMN "status_detail" text;--> statement-breakpoint
-- A declined request kept the label of the reason staff chose, in the seeker's language, with what staff
-- added on the lines after it. It keeps the code from now on, and what staff added beside it; each reader
-- shows the label in their own language. A reason staff wrote themselves stays as written. The labels are
-- the only ones the console ever offered (src/i18n/*/codes.ts).
UPDATE "bookings" AS b
  SET "status_reason" = l.code,
      "status_detail" = nullif(substr(b."status_reason", length(l.label) + 2), '')
  FROM (VALUES
    ('slot_unavailable', 'その日時は相談員の都合がつきません'),
    ('slot_unavailable', 'No counsellor is free at that time'),
    ('not_eligible', 'オンライン相談の対象外です'),
    ('not_eligible', 'Not eligible for online counselling'),
    ('duplicate', '同じ内容の申込みが別にあります'),
    ('duplicate', 'A duplicate of another request')
  ) AS l(code, label)
  WHERE b."status" = 'rejected'
    AND (b."status_reason" = l.label OR left(b."status_reason", length(l.label) + 1) = l.label || E'\n');
