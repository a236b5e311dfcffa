// Configuration for the Prisma CLI. The CLI's own engines cannot be downloaded
// here, so it runs its WebAssembly schema engine through a pg driver adapter.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "prisma-adapter-pg-7";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    return new PrismaPg({ connectionString, allowExitOnIdle: true });
  },
});
