-- TRUNCATE fires no row or statement trigger of 0006, so the rollups would keep the rows it removed.
-- It marks the rollups unbuilt instead: the triggers then skip their work, and the next reader's
-- ensureRollups() rebuilds them from the base tables before any figure is served.
CREATE FUNCTION rollup_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE rollup_state SET tz = '' WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rollup_customers_truncate AFTER TRUNCATE ON customers FOR EACH STATEMENT EXECUTE FUNCTION rollup_truncated();
--> statement-breakpoint
CREATE TRIGGER rollup_retention_truncate AFTER TRUNCATE ON retention_cases FOR EACH STATEMENT EXECUTE FUNCTION rollup_truncated();
--> statement-breakpoint
CREATE TRIGGER rollup_disputes_truncate AFTER TRUNCATE ON disputes FOR EACH STATEMENT EXECUTE FUNCTION rollup_truncated();
--> statement-breakpoint
CREATE TRIGGER rollup_compensations_truncate AFTER TRUNCATE ON compensations FOR EACH STATEMENT EXECUTE FUNCTION rollup_truncated();
