ALTER TABLE "partnership_import_batches" ADD COLUMN "processed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_import_batches" ADD COLUMN "source" jsonb;--> statement-breakpoint
ALTER TABLE "partnership_import_batches" ADD COLUMN "mapping" jsonb;--> statement-breakpoint
ALTER TABLE "partnership_import_batches" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "partnership_import_batches" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;