CREATE TABLE "outage_dispatches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outage_dispatches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"outage_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"phone" text,
	"text_id" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outage_dispatches_channel_check" CHECK ("outage_dispatches"."channel" in ('sms', 'unlimited_data')),
	CONSTRAINT "outage_dispatches_status_check" CHECK ("outage_dispatches"."status" in ('pending', 'sent', 'failed')),
	CONSTRAINT "outage_dispatches_sent_check" CHECK (("outage_dispatches"."status" = 'sent') = ("outage_dispatches"."sent_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "outage_texts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outage_texts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"outage_id" integer NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outage_texts_kind_check" CHECK ("outage_texts"."kind" in ('public_notice', 'ivr', 'sms', 'agent_script')),
	CONSTRAINT "outage_texts_body_check" CHECK (length("outage_texts"."body") between 1 and 10000)
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "outage_dispatches" ADD CONSTRAINT "outage_dispatches_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_dispatches" ADD CONSTRAINT "outage_dispatches_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_dispatches" ADD CONSTRAINT "outage_dispatches_text_id_outage_texts_id_fk" FOREIGN KEY ("text_id") REFERENCES "public"."outage_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_texts" ADD CONSTRAINT "outage_texts_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_texts" ADD CONSTRAINT "outage_texts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outage_dispatches_once_idx" ON "outage_dispatches" USING btree ("outage_id","channel","customer_id");--> statement-breakpoint
CREATE INDEX "outage_dispatches_status_idx" ON "outage_dispatches" USING btree ("outage_id","channel","status");--> statement-breakpoint
CREATE INDEX "outage_texts_current_idx" ON "outage_texts" USING btree ("outage_id","kind","id");--> statement-breakpoint
CREATE INDEX "customers_phone_trgm_idx" ON "customers" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_phone_check" CHECK ("customers"."phone" is null or "customers"."phone" ~ '^[+][1-9][0-9]{7,14}$');