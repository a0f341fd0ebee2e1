CREATE TABLE "rollup_compensations" (
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"region_code" text NOT NULL,
	"rep_id" integer NOT NULL,
	"kind" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_compensations_grain_day_region_code_rep_id_kind_pk" PRIMARY KEY("grain","day","region_code","rep_id","kind"),
	CONSTRAINT "rollup_compensations_grain" CHECK ("rollup_compensations"."grain" in ('d', 'm'))
);
--> statement-breakpoint
CREATE TABLE "rollup_customers" (
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"region_code" text NOT NULL,
	"churn_category" text NOT NULL,
	"competitor" text NOT NULL,
	"joined" bigint DEFAULT 0 NOT NULL,
	"joined_fees_cents" bigint DEFAULT 0 NOT NULL,
	"churned" bigint DEFAULT 0 NOT NULL,
	"churned_fees_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_customers_grain_day_region_code_churn_category_competitor_pk" PRIMARY KEY("grain","day","region_code","churn_category","competitor"),
	CONSTRAINT "rollup_customers_grain" CHECK ("rollup_customers"."grain" in ('d', 'm'))
);
--> statement-breakpoint
CREATE TABLE "rollup_disputes" (
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"event" text NOT NULL,
	"region_code" text NOT NULL,
	"rep_id" integer NOT NULL,
	"cause" text NOT NULL,
	"first_bill" boolean NOT NULL,
	"closed_status" boolean NOT NULL,
	"undue" boolean NOT NULL,
	"in_sla" boolean NOT NULL,
	"disputes" bigint DEFAULT 0 NOT NULL,
	"disputed_cents" bigint DEFAULT 0 NOT NULL,
	"credited_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_disputes_grain_day_event_region_code_rep_id_cause_first_bill_closed_status_undue_in_sla_pk" PRIMARY KEY("grain","day","event","region_code","rep_id","cause","first_bill","closed_status","undue","in_sla"),
	CONSTRAINT "rollup_disputes_grain" CHECK ("rollup_disputes"."grain" in ('d', 'm'))
);
--> statement-breakpoint
CREATE TABLE "rollup_retention" (
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"event" text NOT NULL,
	"region_code" text NOT NULL,
	"rep_id" integer NOT NULL,
	"offer_type" text NOT NULL,
	"reason" text NOT NULL,
	"outcome" text NOT NULL,
	"cases" bigint DEFAULT 0 NOT NULL,
	"kept_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"offer_cost_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_retention_grain_day_event_region_code_rep_id_offer_type_reason_outcome_pk" PRIMARY KEY("grain","day","event","region_code","rep_id","offer_type","reason","outcome"),
	CONSTRAINT "rollup_retention_grain" CHECK ("rollup_retention"."grain" in ('d', 'm'))
);
--> statement-breakpoint
CREATE TABLE "rollup_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"tz" text NOT NULL,
	"dispute_sla_hours" integer NOT NULL,
	"built_at" timestamp with time zone,
	CONSTRAINT "rollup_state_one_row" CHECK ("rollup_state"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "rollup_compensations_region_idx" ON "rollup_compensations" USING btree ("region_code","grain","day");--> statement-breakpoint
CREATE INDEX "rollup_disputes_region_idx" ON "rollup_disputes" USING btree ("region_code","grain","day");--> statement-breakpoint
CREATE INDEX "rollup_retention_region_idx" ON "rollup_retention" USING btree ("region_code","grain","day");