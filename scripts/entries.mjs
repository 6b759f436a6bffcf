// The project's processes and commands: what `npm start` bundles on the fly (scripts/start.mjs) and
// what `npm run build` bundles into dist/ (scripts/build.mjs), under the same names.
export const entries = {
  server: "src/main.ts",
  "line-worker": "src/lineWorker.ts",
  "staff-add": "src/cli/staffAdd.ts",
  backup: "src/cli/backup.ts",
  restore: "src/cli/restore.ts",
  "line-setup": "src/cli/lineSetup.ts",
};

/** esbuild options shared by both: our TypeScript in one file, packages left in node_modules. */
export const bundleOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
};
