// npx tsx src/cli/staffAdd.ts --email a@b.jp --office nagasaki --role staff
// The password comes from STAFF_PASSWORD, or is asked for on stdin without echo.
import { parseArgs } from "node:util";
import { z } from "zod";
import { officeIdSchema } from "../config.ts";
import { openStore } from "../store/db.ts";
import { eq } from "drizzle-orm";
import { staffUsers } from "../store/schema.ts";
import { createStaff, normalizeEmail } from "../store/staff.ts";
import { checkPassword } from "../passwordPolicy.ts";

const argsSchema = z
  .object({
    email: z.email(),
    role: z.enum(["staff", "admin"]).default("staff"),
    office: officeIdSchema.optional(),
  })
  .refine((a) => a.role === "admin" || a.office, { message: "--office is required for role staff", path: ["office"] });

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    if (!stdin.isTTY) {
      let text = "";
      stdin.setEncoding("utf8");
      stdin.on("data", (chunk) => (text += chunk));
      stdin.on("end", () => resolve(text.split(/\r?\n/)[0] ?? ""));
      stdin.on("error", reject);
      return;
    }
    let text = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(text);
          return;
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          process.stdout.write("\n");
          process.exit(130);
        }
        if (ch === "\u007f" || ch === "\b") text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: "string" }, office: { type: "string" }, role: { type: "string" } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`--${issue.path.join(".") || "arguments"}: ${issue.message}\nusage: npm run staff:add -- --email a@b.jp --office nagasaki [--role staff|admin]`);
  }
  const password = process.env.STAFF_PASSWORD || (await readHidden("Password: "));
  const verdict = checkPassword(password, [parsed.data.email]);
  if (!verdict.ok) throw new CliError(`The password is too weak. ${verdict.hints.join(" ")}\nA passphrase of four or more unrelated words is easy to remember and hard to guess.`);

  const store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || "./data" });
  try {
    const [existing] = await store.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, normalizeEmail(parsed.data.email)));
    if (existing) throw new CliError("An account with that email address already exists.");
    const staff = await createStaff(store.db, {
      email: parsed.data.email,
      password,
      officeId: parsed.data.office ?? null,
      role: parsed.data.role,
      now: new Date(),
      actor: "system:cli",
    });
    console.log(`Created ${staff.role} ${staff.id} (${staff.officeId ?? "all offices"}).`);
  } finally {
    await store.close();
  }
}

class CliError extends Error {}

main().catch((error: unknown) => {
  // A failed query's message carries its parameters (the password hash): print only our own messages.
  const own = error instanceof CliError || (error instanceof Error && error.name === "StoreError");
  console.error(own ? (error as Error).message : `Cannot create the account: ${(error as { name?: string })?.name ?? "error"}`);
  process.exit(1);
});
