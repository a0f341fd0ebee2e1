CREATE TABLE "postcodes" (
	"postcode" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"region_code" text,
	"team" text,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'manager', 'rep', 'analyst')),
	CONSTRAINT "users_team_check" CHECK ("users"."team" is null or "users"."team" in ('support', 'billing', 'retention')),
	CONSTRAINT "users_email_lower_check" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_number" text NOT NULL,
	"name" text,
	"region_code" text NOT NULL,
	"postcode" text,
	"plan" text,
	"activated_at" timestamp with time zone NOT NULL,
	"monthly_fee_cents" bigint NOT NULL,
	"churned_at" timestamp with time zone,
	"churn_category" text,
	"churn_reason" text,
	"competitor" text,
	"sold_by_id" integer,
	"promo_ends_at" timestamp with time zone,
	"promo_monthly_discount_cents" bigint,
	CONSTRAINT "customers_account_number_unique" UNIQUE("account_number"),
	CONSTRAINT "customers_fee_check" CHECK ("customers"."monthly_fee_cents" >= 0),
	CONSTRAINT "customers_promo_discount_check" CHECK ("customers"."promo_monthly_discount_cents" is null or "customers"."promo_monthly_discount_cents" >= 0),
	CONSTRAINT "customers_churn_order_check" CHECK ("customers"."churned_at" is null or "customers"."churned_at" >= "customers"."activated_at"),
	CONSTRAINT "customers_churn_category_required" CHECK ("customers"."churned_at" is null or "customers"."churn_category" is not null),
	CONSTRAINT "customers_churn_category_check" CHECK ("customers"."churn_category" is null or "customers"."churn_category" in ('competitor', 'price', 'dissatisfaction', 'attitude', 'billing', 'outage', 'moved', 'other'))
);
--> statement-breakpoint
CREATE TABLE "retention_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retention_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_ref" text NOT NULL,
	"customer_id" integer NOT NULL,
	"rep_id" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"offer_type" text NOT NULL,
	"outcome" text NOT NULL,
	"mrr_at_risk_cents" bigint NOT NULL,
	"closed_at" timestamp with time zone,
	"offer_monthly_discount_cents" bigint DEFAULT 0 NOT NULL,
	"offer_months" integer DEFAULT 0 NOT NULL,
	"escalated_from_dispute_id" integer,
	"notes" text,
	CONSTRAINT "retention_cases_case_ref_unique" UNIQUE("case_ref"),
	CONSTRAINT "retention_reason_check" CHECK ("retention_cases"."reason" in ('competitor', 'price', 'dissatisfaction', 'attitude', 'billing', 'outage', 'moved', 'other')),
	CONSTRAINT "retention_offer_type_check" CHECK ("retention_cases"."offer_type" in ('discount', 'promotion', 'fee_waiver', 'loyalty_credit', 'upgrade', 'none')),
	CONSTRAINT "retention_outcome_check" CHECK ("retention_cases"."outcome" in ('saved', 'churned', 'pending')),
	CONSTRAINT "retention_mrr_check" CHECK ("retention_cases"."mrr_at_risk_cents" >= 0),
	CONSTRAINT "retention_discount_check" CHECK ("retention_cases"."offer_monthly_discount_cents" >= 0),
	CONSTRAINT "retention_months_check" CHECK ("retention_cases"."offer_months" >= 0),
	CONSTRAINT "retention_closed_required" CHECK ("retention_cases"."outcome" = 'pending' or "retention_cases"."closed_at" is not null),
	CONSTRAINT "retention_closed_order_check" CHECK ("retention_cases"."closed_at" is null or "retention_cases"."closed_at" >= "retention_cases"."opened_at")
);
--> statement-breakpoint
CREATE TABLE "dispute_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispute_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dispute_id" integer NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"changes" jsonb,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disputes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dispute_ref" text NOT NULL,
	"customer_id" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"cause" text NOT NULL,
	"disputed_amount_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"assigned_to_id" integer,
	"bill_number" integer,
	"undue_charge" boolean,
	"undue_reason" text,
	"recalculation_ref" text,
	"expected_resolution_on" date,
	"customer_notified_at" timestamp with time zone,
	"customer_notified_channel" text,
	"resolved_at" timestamp with time zone,
	"credited_amount_cents" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_dispute_ref_unique" UNIQUE("dispute_ref"),
	CONSTRAINT "disputes_cause_check" CHECK ("disputes"."cause" in ('overcharge', 'unrequested_line', 'unrequested_service', 'undisclosed_fee', 'quote_mismatch', 'promo_not_applied', 'promo_expired', 'roaming', 'international_calls', 'premium_sms', 'moving_fee', 'equipment_fee', 'duplicate_charge', 'other')),
	CONSTRAINT "disputes_status_check" CHECK ("disputes"."status" in ('open', 'investigating', 'awaiting_recalculation', 'resolved', 'rejected')),
	CONSTRAINT "disputes_amount_check" CHECK ("disputes"."disputed_amount_cents" > 0),
	CONSTRAINT "disputes_credited_check" CHECK ("disputes"."credited_amount_cents" >= 0),
	CONSTRAINT "disputes_bill_number_check" CHECK ("disputes"."bill_number" is null or "disputes"."bill_number" >= 1),
	CONSTRAINT "disputes_resolved_required" CHECK ("disputes"."status" not in ('resolved', 'rejected') or "disputes"."resolved_at" is not null),
	CONSTRAINT "disputes_resolved_order_check" CHECK ("disputes"."resolved_at" is null or "disputes"."resolved_at" >= "disputes"."opened_at"),
	CONSTRAINT "disputes_channel_check" CHECK ("disputes"."customer_notified_channel" is null or "disputes"."customer_notified_channel" in ('phone', 'sms', 'email', 'letter', 'app'))
);
--> statement-breakpoint
CREATE TABLE "outage_postcodes" (
	"outage_id" integer NOT NULL,
	"postcode" text NOT NULL,
	CONSTRAINT "outage_postcodes_outage_id_postcode_pk" PRIMARY KEY("outage_id","postcode")
);
--> statement-breakpoint
CREATE TABLE "outage_regions" (
	"outage_id" integer NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "outage_regions_outage_id_region_code_pk" PRIMARY KEY("outage_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "outages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"outage_ref" text NOT NULL,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone,
	"public_comm_at" timestamp with time zone,
	"ivr_message_at" timestamp with time zone,
	"sms_sent_at" timestamp with time zone,
	"agents_briefed_at" timestamp with time zone,
	"unlimited_data_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "outages_outage_ref_unique" UNIQUE("outage_ref"),
	CONSTRAINT "outages_severity_check" CHECK ("outages"."severity" in ('minor', 'major', 'critical')),
	CONSTRAINT "outages_milestones_after_start" CHECK ((detected_at is null or detected_at >= started_at) and (public_comm_at is null or public_comm_at >= started_at) and (ivr_message_at is null or ivr_message_at >= started_at) and (sms_sent_at is null or sms_sent_at >= started_at) and (agents_briefed_at is null or agents_briefed_at >= started_at) and (unlimited_data_at is null or unlimited_data_at >= started_at) and (resolved_at is null or resolved_at >= started_at))
);
--> statement-breakpoint
CREATE TABLE "compensations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "compensations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"comp_ref" text NOT NULL,
	"customer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_id" integer,
	"retention_case_id" integer,
	"dispute_id" integer,
	"outage_id" integer,
	CONSTRAINT "compensations_comp_ref_unique" UNIQUE("comp_ref"),
	CONSTRAINT "compensations_kind_check" CHECK ("compensations"."kind" in ('retention_offer', 'fee_waiver', 'loyalty_credit', 'dispute_credit', 'outage_credit', 'goodwill')),
	CONSTRAINT "compensations_amount_check" CHECK ("compensations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" integer
);
--> statement-breakpoint
ALTER TABLE "postcodes" ADD CONSTRAINT "postcodes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_sold_by_id_users_id_fk" FOREIGN KEY ("sold_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_cases" ADD CONSTRAINT "retention_cases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_cases" ADD CONSTRAINT "retention_cases_rep_id_users_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_cases" ADD CONSTRAINT "retention_cases_escalated_from_dispute_id_disputes_id_fk" FOREIGN KEY ("escalated_from_dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_postcodes" ADD CONSTRAINT "outage_postcodes_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_regions" ADD CONSTRAINT "outage_regions_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_regions" ADD CONSTRAINT "outage_regions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_retention_case_id_retention_cases_id_fk" FOREIGN KEY ("retention_case_id") REFERENCES "public"."retention_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "postcodes_region_idx" ON "postcodes" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_region_idx" ON "users" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "customers_region_idx" ON "customers" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "customers_postcode_idx" ON "customers" USING btree ("postcode");--> statement-breakpoint
CREATE INDEX "customers_activated_idx" ON "customers" USING btree ("activated_at");--> statement-breakpoint
CREATE INDEX "customers_churned_idx" ON "customers" USING btree ("churned_at");--> statement-breakpoint
CREATE INDEX "customers_sold_by_idx" ON "customers" USING btree ("sold_by_id");--> statement-breakpoint
CREATE INDEX "customers_promo_ends_idx" ON "customers" USING btree ("promo_ends_at");--> statement-breakpoint
CREATE INDEX "retention_opened_idx" ON "retention_cases" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "retention_closed_idx" ON "retention_cases" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "retention_rep_idx" ON "retention_cases" USING btree ("rep_id");--> statement-breakpoint
CREATE INDEX "retention_customer_idx" ON "retention_cases" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "dispute_events_dispute_idx" ON "dispute_events" USING btree ("dispute_id","at");--> statement-breakpoint
CREATE INDEX "disputes_opened_idx" ON "disputes" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "disputes_resolved_idx" ON "disputes" USING btree ("resolved_at");--> statement-breakpoint
CREATE INDEX "disputes_customer_idx" ON "disputes" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "disputes_queue_idx" ON "disputes" USING btree ("assigned_to_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "outage_postcodes_postcode_idx" ON "outage_postcodes" USING btree ("postcode");--> statement-breakpoint
CREATE INDEX "outage_regions_region_idx" ON "outage_regions" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "outages_started_idx" ON "outages" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "compensations_issued_idx" ON "compensations" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "compensations_customer_idx" ON "compensations" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "compensations_issuer_idx" ON "compensations" USING btree ("issued_by_id");--> statement-breakpoint
CREATE INDEX "compensations_retention_idx" ON "compensations" USING btree ("retention_case_id");--> statement-breakpoint
CREATE INDEX "compensations_dispute_idx" ON "compensations" USING btree ("dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compensations_outage_credit_once" ON "compensations" USING btree ("outage_id","customer_id") WHERE "compensations"."kind" = 'outage_credit' and "compensations"."outage_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");