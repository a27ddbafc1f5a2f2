-- Trigram indexes for the search typeahead (name, email, domain substrings at p95 < 50 ms on 100k people).
-- Prisma cannot declare expression indexes or extensions, so they live here and are listed in
-- lib/db/sql-only-objects.ts. wig_person_search_text is IMMUTABLE so it can back an expression index
-- (array_to_string itself is only STABLE), and queries must use the same expression to hit the index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION wig_person_search_text(names text[], emails text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(array_to_string(names, ' ') || ' ' || array_to_string(emails, ' ')) $$;

CREATE FUNCTION wig_organization_search_text(name text, domain text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(name || ' ' || coalesce(domain, '')) $$;

CREATE INDEX "Person_search_trgm_idx" ON "Person"
  USING gin (wig_person_search_text("names", "emails") gin_trgm_ops) WHERE "deletedAt" IS NULL;

CREATE INDEX "Organization_search_trgm_idx" ON "Organization"
  USING gin (wig_organization_search_text("name", "domain") gin_trgm_ops) WHERE "deletedAt" IS NULL;
