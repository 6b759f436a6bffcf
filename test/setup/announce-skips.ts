// Runs once before the suite: a skipped half of the suite must be loud, never silent.
export default function announceSkips(): void {
  if (!process.env.TEST_DATABASE_URL) {
    if (process.env.CI) throw new Error("CI must set TEST_DATABASE_URL: the store tests run on PostgreSQL too.");
    const line = "=".repeat(78);
    console.warn(
      `\n${line}\nSKIPPING the PostgreSQL half of the store tests: TEST_DATABASE_URL is not set.\n` +
        `Set it (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test) to run them; CI always does.\n${line}\n`,
    );
  }
}
