CREATE TABLE "bills" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bill_ref" text NOT NULL,
	"customer_id" integer NOT NULL,
	"period" date NOT NULL,
	"internet_cents" bigint,
	"landline_cents" bigint,
	"mobile_cents" bigint,
	"tv_cents" bigint,
	CONSTRAINT "bills_bill_ref_unique" UNIQUE("bill_ref"),
	CONSTRAINT "bills_period_first_day" CHECK (extract(day from "bills"."period") = 1),
	CONSTRAINT "bills_amounts_check" CHECK (coalesce("bills"."internet_cents", 0) >= 0 and coalesce("bills"."landline_cents", 0) >= 0
        and coalesce("bills"."mobile_cents", 0) >= 0 and coalesce("bills"."tv_cents", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "customer_services" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"internet_fee_cents" bigint,
	"landline_fee_cents" bigint,
	"mobile_fee_cents" bigint,
	"tv_fee_cents" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_services_fees_check" CHECK (coalesce("customer_services"."internet_fee_cents", 0) >= 0 and coalesce("customer_services"."landline_fee_cents", 0) >= 0
        and coalesce("customer_services"."mobile_fee_cents", 0) >= 0 and coalesce("customer_services"."tv_fee_cents", 0) >= 0),
	CONSTRAINT "customer_services_some_service" CHECK (num_nonnulls("customer_services"."internet_fee_cents", "customer_services"."landline_fee_cents", "customer_services"."mobile_fee_cents", "customer_services"."tv_fee_cents") > 0)
);
--> statement-breakpoint
ALTER TABLE "outages" ADD COLUMN "force_majeure" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outages" ADD COLUMN "services" text[];--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_services" ADD CONSTRAINT "customer_services_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bills_customer_period" ON "bills" USING btree ("customer_id","period");--> statement-breakpoint
CREATE INDEX "bills_period_idx" ON "bills" USING btree ("period");--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_services_check" CHECK ("outages"."services" is null or (cardinality("outages"."services") > 0 and "outages"."services" <@ array['internet', 'landline', 'mobile', 'tv']::text[]));