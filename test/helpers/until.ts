/** Waits until check() holds, looking every few milliseconds; fails naming what it waited for. */
export async function until(check: () => boolean, what = "the condition", ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
