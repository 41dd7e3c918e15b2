CREATE TABLE "rate_limit_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Authority websites stored before the one web-address parser (src/lib/server/input/web-address.ts): a bare
-- `www.x.gov.co` becomes `https://www.x.gov.co`, anything that is not an http(s) address of a dotted host
-- (`javascript://…`, `data:…`, text) is cleared.
UPDATE "authorities" SET "website" = CASE
  WHEN btrim("website") ~* '^https?://[a-z0-9.-]*[a-z0-9-]\.[a-z0-9-]{2,}\.?(:[0-9]{1,5})?([/?#][^[:space:][:cntrl:]<>"`\\]*)?$' THEN btrim("website")
  WHEN btrim("website") ~* '^[a-z0-9.-]*[a-z0-9-]\.[a-z0-9-]{2,}\.?(:[0-9]{1,5})?([/?#][^[:space:][:cntrl:]<>"`\\]*)?$' THEN 'https://' || btrim("website")
  ELSE NULL
END
WHERE "website" IS NOT NULL;
