CREATE TABLE "partnership_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"created_by" uuid,
	"status" text DEFAULT 'dry_run' NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"committed_at" timestamp with time zone,
	"rolled_back_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "recorded_from" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "themes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "import_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "partnership_import_batches" ADD CONSTRAINT "partnership_import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partnerships_import_batch_idx" ON "partnerships" USING btree ("import_batch_id");