CREATE TABLE "reference_datasets" (
	"dataset" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"version" text NOT NULL,
	"rows" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ms" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "departement" text;