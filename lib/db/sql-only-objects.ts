// Database objects that exist only in migration SQL because schema.prisma cannot express them.
// The schema/migration equivalence test ignores exactly these when comparing, and checks they exist.
export const SQL_ONLY_INDEXES = [
  "Person_search_trgm_idx",
  "Organization_search_trgm_idx",
] as const;
export const SQL_ONLY_EXTENSIONS: readonly string[] = ["pg_trgm"];
/** SQL functions the migrations define (search-text expressions behind the trigram indexes). */
export const SQL_ONLY_FUNCTIONS = ["wig_person_search_text", "wig_organization_search_text"] as const;
