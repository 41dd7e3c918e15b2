CREATE TABLE "country_contacts" (
	"country" text PRIMARY KEY NOT NULL,
	"service_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"website" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "country_contacts" ADD CONSTRAINT "country_contacts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;