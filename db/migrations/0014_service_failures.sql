CREATE TABLE "engineer_appointments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "engineer_appointments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"appointment_ref" text NOT NULL,
	"customer_id" integer NOT NULL,
	"service" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"compensation_id" integer,
	CONSTRAINT "engineer_appointments_appointment_ref_unique" UNIQUE("appointment_ref"),
	CONSTRAINT "engineer_appointments_service_check" CHECK ("engineer_appointments"."service" in ('internet', 'landline', 'mobile', 'tv')),
	CONSTRAINT "engineer_appointments_status_check" CHECK ("engineer_appointments"."status" in ('scheduled', 'kept', 'missed', 'cancelled')),
	CONSTRAINT "engineer_appointments_window_check" CHECK ("engineer_appointments"."window_end" > "engineer_appointments"."window_start"),
	CONSTRAINT "engineer_appointments_cancelled_at_check" CHECK (("engineer_appointments"."status" = 'cancelled') = ("engineer_appointments"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "service_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_ref" text NOT NULL,
	"customer_id" integer NOT NULL,
	"service" text NOT NULL,
	"ordered_on" date NOT NULL,
	"promised_on" date NOT NULL,
	"started_on" date,
	"compensation_id" integer,
	CONSTRAINT "service_orders_order_ref_unique" UNIQUE("order_ref"),
	CONSTRAINT "service_orders_service_check" CHECK ("service_orders"."service" in ('internet', 'landline', 'mobile', 'tv')),
	CONSTRAINT "service_orders_promised_after_order" CHECK ("service_orders"."promised_on" >= "service_orders"."ordered_on"),
	CONSTRAINT "service_orders_started_after_order" CHECK ("service_orders"."started_on" is null or "service_orders"."started_on" >= "service_orders"."ordered_on")
);
--> statement-breakpoint
ALTER TABLE "compensations" DROP CONSTRAINT "compensations_kind_check";--> statement-breakpoint
ALTER TABLE "engineer_appointments" ADD CONSTRAINT "engineer_appointments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_appointments" ADD CONSTRAINT "engineer_appointments_compensation_id_compensations_id_fk" FOREIGN KEY ("compensation_id") REFERENCES "public"."compensations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_compensation_id_compensations_id_fk" FOREIGN KEY ("compensation_id") REFERENCES "public"."compensations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engineer_appointments_customer_idx" ON "engineer_appointments" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "service_orders_customer_idx" ON "service_orders" USING btree ("customer_id");--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_kind_check" CHECK ("compensations"."kind" in ('retention_offer', 'fee_waiver', 'loyalty_credit', 'dispute_credit', 'outage_credit', 'goodwill', 'service_credit'));