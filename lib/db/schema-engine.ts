// Prisma's own schema engine, compiled to WebAssembly, loaded without the network.
// The native engine binary that the Prisma CLI downloads is unavailable offline (and in air-gapped
// deployments); this is the same engine, so its SQL is exactly what `prisma migrate` would write.
// Used by developer tooling (scripts/db) and tests only, never by the running app.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

interface SchemaEngineInstance {
  diff(params: unknown): Promise<{ exitCode: number; stdout?: string }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
}
interface SchemaEngineModule {
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<SchemaEngineInstance> };
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

let loaded: Promise<SchemaEngineModule> | undefined;

async function loadModule(): Promise<SchemaEngineModule> {
  const packageDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  // The package's ESM entry imports a .wasm file, which Node rejects: instantiate it ourselves.
  const bg = (await import(pathToFileURL(join(packageDir, "schema_engine_bg.js")).href)) as SchemaEngineModule & Record<string, unknown>;
  const wasmModule = await WebAssembly.compile(readFileSync(join(packageDir, "schema_engine_bg.wasm")));
  const instance = await WebAssembly.instantiate(wasmModule, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export class SchemaEngineSession {
  private constructor(private readonly engine: SchemaEngineInstance, private readonly logs: string[]) {}

  /** The engine needs a reachable PostgreSQL for its adapter even for pure diffs (it never reads it then). */
  static async open(databaseUrl: string, schema: SchemaFile): Promise<SchemaEngineSession> {
    loaded ??= loadModule();
    const module = await loaded;
    const logs: string[] = [];
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
    const engine = await module.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, (line) => logs.push(line), adapter);
    return new SchemaEngineSession(engine, logs);
  }

  /** SQL that turns a database described by `from` (or an empty one) into one described by `to`. */
  async diffScript(from: SchemaFile | "empty", to: SchemaFile): Promise<string> {
    const result = await this.engine.diff({
      from: from === "empty" ? { tag: "empty" } : { tag: "schemaDatamodel", files: [from] },
      to: { tag: "schemaDatamodel", files: [to] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  }

  /**
   * Prisma's own `migrate deploy` logic. WIG applies migrations with lib/db/migrations.ts; tests use this
   * to prove Prisma agrees on what is applied (it must find nothing left to do).
   */
  async applyMigrationsLikePrismaDeploy(baseDir: string, migrations: ReadonlyArray<{ name: string; sql: string }>): Promise<string[]> {
    const result = await this.engine.applyMigrations({
      migrationsList: {
        baseDir,
        lockfile: { path: "migration_lock.toml", content: null },
        shadowDbInitScript: "",
        migrationDirectories: migrations.map((migration) => ({
          path: migration.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.sql } },
        })),
      },
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  }

  close(): void {
    this.engine.free();
  }

  get log(): readonly string[] {
    return this.logs;
  }
}
