import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; openStore() applies them on start.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/store/schema.ts",
  out: "./drizzle",
});
