CREATE TABLE "cofinancing_programme_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cofinancing_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"funder" text NOT NULL,
	"kind" text NOT NULL,
	"max_rate_percent" integer,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"applicant_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"water_basin" text,
	"opens_on" date,
	"closes_on" date,
	"dates_to_confirm" boolean DEFAULT false NOT NULL,
	"official_url" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cofinancing_programmes_slug_unique" UNIQUE("slug"),
	CONSTRAINT "cofinancing_rate_range" CHECK ("cofinancing_programmes"."max_rate_percent" is null or ("cofinancing_programmes"."max_rate_percent" between 1 and 100)),
	CONSTRAINT "cofinancing_dates_order" CHECK ("cofinancing_programmes"."opens_on" is null or "cofinancing_programmes"."closes_on" is null or "cofinancing_programmes"."opens_on" <= "cofinancing_programmes"."closes_on")
);
--> statement-breakpoint
CREATE TABLE "support_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"email" text,
	"address" text,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cofinancing_programme_history" ADD CONSTRAINT "cofinancing_programme_history_programme_id_cofinancing_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."cofinancing_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cofinancing_programme_history" ADD CONSTRAINT "cofinancing_programme_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cofinancing_programmes" ADD CONSTRAINT "cofinancing_programmes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contacts" ADD CONSTRAINT "support_contacts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cofinancing_history_programme_idx" ON "cofinancing_programme_history" USING btree ("programme_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "support_contacts_region_name_uq" ON "support_contacts" USING btree ("region","name");