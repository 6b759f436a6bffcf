export * from "./server.ts";
export * from "./webhook.ts";
