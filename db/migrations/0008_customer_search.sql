-- Global search (server/services/search): trigram indexes so "contains" and prefix matches stay fast at millions of rows.
-- pg_trgm is a trusted extension: the database owner may create it. The folded name expression must match server/services/search/match.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_account_trgm_idx" ON "customers" USING gin (lower("account_number") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_name_trgm_idx" ON "customers" USING gin (translate(lower("name"), 'áàäâéèëêíìïîóòöôúùüûñç', 'aaaaeeeeiiiioooouuuunc') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "disputes_ref_trgm_idx" ON "disputes" USING gin (lower("dispute_ref") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "retention_cases_ref_trgm_idx" ON "retention_cases" USING gin (lower("case_ref") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outages_ref_trgm_idx" ON "outages" USING gin (lower("outage_ref") gin_trgm_ops);
