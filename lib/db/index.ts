// The @wig/db surface: `import { prisma, isDatabaseHealthy, disconnectDatabase } from "@/lib/db"`.
export { prisma, isDatabaseHealthy, disconnectDatabase, createPrismaClient, type Db } from "./client";
export { Prisma } from "./generated/client";
export type * from "./generated/models";
export * from "./generated/enums";
