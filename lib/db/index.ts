// The @wig/db surface: `import { prisma, isDatabaseHealthy, disconnectDatabase } from "@/lib/db"`.
export { prisma, isDatabaseHealthy, disconnectDatabase, createPrismaClient, type Db } from "./client";
export { Prisma } from "../../prisma/generated/client";
export type * from "../../prisma/generated/models";
export * from "../../prisma/generated/enums";
