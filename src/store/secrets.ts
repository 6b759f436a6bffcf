import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "./db.ts";
import { serverSecrets } from "./schema.ts";

/**
 * The secret kept under this name, made (32 random bytes, base64url) by whichever process asks first:
 * every process sharing the database reads the same one, and it survives restarts.
 */
export async function sharedSecret(ex: Executor, name: string): Promise<string> {
  await ex.insert(serverSecrets).values({ name, value: randomBytes(32).toString("base64url") }).onConflictDoNothing();
  const [row] = await ex.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name));
  return row!.value;
}
