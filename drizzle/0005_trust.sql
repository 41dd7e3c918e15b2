-- Similar authority names (duplicate detection at registration) use trigram similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
CREATE TYPE "public"."membership_state" AS ENUM('pending', 'approved', 'rejected', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."partnership_status" AS ENUM('pending', 'confirmed', 'ended');--> statement-breakpoint
CREATE TABLE "registration_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_key" text NOT NULL,
	"country" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"subject_user_id" uuid,
	"authority_id" uuid,
	"partnership_id" uuid,
	"reason" text,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "partnerships_pair_listing_uq";--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "email_domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "membership" "membership_state" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "membership_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "membership_decided_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "membership_reason" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "status" "partnership_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "declared_by_side" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "end_reason" text;--> statement-breakpoint
CREATE INDEX "registration_log_client_idx" ON "registration_log" USING btree ("client_key","created_at");--> statement-breakpoint
CREATE INDEX "registration_log_country_idx" ON "registration_log" USING btree ("country","created_at");--> statement-breakpoint
CREATE INDEX "trust_events_authority_idx" ON "trust_events" USING btree ("authority_id","created_at");--> statement-breakpoint
CREATE INDEX "trust_events_subject_idx" ON "trust_events" USING btree ("subject_user_id");--> statement-breakpoint
CREATE INDEX "trust_events_actor_idx" ON "trust_events" USING btree ("actor_id");--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authorities_name_trgm_idx" ON "authorities" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_membership_created_idx" ON "users" USING btree ("membership","created_at");--> statement-breakpoint
CREATE INDEX "partnerships_foreign_idx" ON "partnerships" USING btree ("foreign_authority_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_pair_listing_uq" ON "partnerships" USING btree ("foreign_authority_id","french_authority_id",coalesce("listing_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "partnerships"."status" <> 'ended';--> statement-breakpoint
-- Backfill: whoever was vouched for before membership states existed is an approved member.
UPDATE "users" SET "membership" = 'approved', "membership_decided_at" = "approved_at" WHERE "approved_at" IS NOT NULL;
--> statement-breakpoint
-- Partnerships recorded by a correspondent or an admin, or by a system import, stand confirmed; those claimed by
-- one authority's account wait for the other side, as new claims do.
UPDATE "partnerships" p SET "status" = 'confirmed', "confirmed_at" = p."created_at"
  WHERE p."created_by" IS NULL OR EXISTS (SELECT 1 FROM "users" u WHERE u."id" = p."created_by" AND u."role" IN ('admin', 'correspondent'));
--> statement-breakpoint
UPDATE "partnerships" p SET "declared_by_side" = CASE u."role" WHEN 'french_authority' THEN 'french' ELSE 'foreign' END
  FROM "users" u WHERE u."id" = p."created_by" AND u."role" IN ('french_authority', 'foreign_authority');
