CREATE TABLE "export_run_recipients" (
	"run_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "export_run_recipients_run_id_user_id_pk" PRIMARY KEY("run_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "export_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "export_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"schedule_id" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"period_from" text,
	"period_to" text,
	"row_count" integer,
	"file_name" text,
	"content_type" text,
	"file" "bytea",
	"file_bytes" integer,
	"error_message" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"link_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "export_runs_status_check" CHECK ("export_runs"."status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "export_schedule_recipients" (
	"schedule_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "export_schedule_recipients_schedule_id_user_id_pk" PRIMARY KEY("schedule_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "export_schedules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "export_schedules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" integer NOT NULL,
	"name" text NOT NULL,
	"dataset" text NOT NULL,
	"format" text NOT NULL,
	"filters" jsonb NOT NULL,
	"cadence" text NOT NULL,
	"hour" integer NOT NULL,
	"weekday" integer,
	"day_of_month" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "export_schedules_dataset_check" CHECK ("export_schedules"."dataset" in ('customers', 'retention_cases', 'disputes', 'outages', 'compensations')),
	CONSTRAINT "export_schedules_format_check" CHECK ("export_schedules"."format" in ('csv', 'xlsx')),
	CONSTRAINT "export_schedules_cadence_check" CHECK ("export_schedules"."cadence" in ('daily', 'weekly', 'monthly')),
	CONSTRAINT "export_schedules_hour_check" CHECK ("export_schedules"."hour" between 0 and 23),
	CONSTRAINT "export_schedules_weekday_check" CHECK (("export_schedules"."cadence" = 'weekly') = ("export_schedules"."weekday" is not null) and ("export_schedules"."weekday" is null or "export_schedules"."weekday" between 1 and 7)),
	CONSTRAINT "export_schedules_day_check" CHECK (("export_schedules"."cadence" = 'monthly') = ("export_schedules"."day_of_month" is not null) and ("export_schedules"."day_of_month" is null or "export_schedules"."day_of_month" between 1 and 28))
);
--> statement-breakpoint
ALTER TABLE "export_run_recipients" ADD CONSTRAINT "export_run_recipients_run_id_export_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."export_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_run_recipients" ADD CONSTRAINT "export_run_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_runs" ADD CONSTRAINT "export_runs_schedule_id_export_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."export_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_schedule_recipients" ADD CONSTRAINT "export_schedule_recipients_schedule_id_export_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."export_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_schedule_recipients" ADD CONSTRAINT "export_schedule_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_schedules" ADD CONSTRAINT "export_schedules_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "export_runs_due_idx" ON "export_runs" USING btree ("schedule_id","due_at");--> statement-breakpoint
CREATE INDEX "export_runs_expiry_idx" ON "export_runs" USING btree ("link_expires_at") WHERE "export_runs"."file" is not null;--> statement-breakpoint
CREATE INDEX "export_schedules_due_idx" ON "export_schedules" USING btree ("next_run_at") WHERE "export_schedules"."enabled";--> statement-breakpoint
CREATE INDEX "export_schedules_owner_idx" ON "export_schedules" USING btree ("owner_id");