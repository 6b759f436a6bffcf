// Runs every benchmark in turn and prints its figures; record them in docs/benchmarks.md.
// Run: npm run bench (PostgreSQL at BENCH_DATABASE_URL or TEST_DATABASE_URL, default 127.0.0.1:5432/test)
const benches = [
  "./startup.bench.ts",
  "./startup-prod.bench.ts",
  "./metrics.bench.ts",
  "./outbox.bench.ts",
  "./schedule.bench.ts",
  "./free-times.bench.ts",
  "./nlu/when.bench.ts",
  "./chat.bench.ts",
  "./line-webhook.bench.ts",
  "./staff-notice.bench.ts",
  "./widget.bench.ts",
];

console.log(`bench ${new Date().toISOString()} node ${process.version}`);
for (const path of benches) {
  console.log(`\n== ${path}`);
  const bench = (await import(path)) as { main: () => Promise<void> };
  await bench.main();
}
