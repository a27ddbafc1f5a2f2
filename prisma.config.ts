// Prisma CLI configuration. The datasource URL comes from DATABASE_URL; when it is unset the CLI is
// pointed at the embedded PostgreSQL that `npm start` runs (see lib/db/embedded.ts for the port).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db/seed.ts" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@localhost:54329/wig",
  },
});
