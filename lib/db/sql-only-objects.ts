// Database objects that exist only in migration SQL because schema.prisma cannot express them.
// The schema/migration equivalence test ignores exactly these when comparing, and checks they exist.
export const SQL_ONLY_INDEXES = ["Edge_from_to_covering_idx", "Edge_to_from_covering_idx"] as const;
export const SQL_ONLY_EXTENSIONS: readonly string[] = [];
