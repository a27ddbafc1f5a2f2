// SQL fragments shared by the pipeline's set-based statements.

/** Prisma stores DateTime as UTC in `timestamp(3)` columns: raw statements must too, whatever the session time zone. */
export const SQL_NOW = `(now() AT TIME ZONE 'UTC')`;
