-- A stored webhook event wakes whichever process handles that source, over LISTEN/NOTIFY
-- (channel webhook_inbox, payload the source), once per statement and only when rows were added.
CREATE FUNCTION "webhook_inbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('webhook_inbox', s.source) FROM (SELECT DISTINCT source FROM new_rows) AS s;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "webhook_inbox_notify" AFTER INSERT ON "webhook_inbox"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "webhook_inbox_notify"();
