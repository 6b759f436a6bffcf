/** @jsxImportSource hono/jsx */
// The handoff inbox: chats waiting for a person, each chat's transcript (opening it is an audited
// read), a form that writes into the seeker's LINE or web chat, hand-back to the bot, and who on the
// staff is answering which chat. Both pages refresh themselves when a seeker writes.
import { Hono, type Context } from "hono";
import { z } from "zod";
import { markReadByStaff } from "../../bot/line/markRead.ts";
import type { AppDeps } from "../../http/app.ts";
import { mayHandle } from "../../http/staff/conversations.ts";
import { releaseToBot, sendStaffMessage } from "../../notify/channels/index.ts";
import { readSince, writeAudit } from "../../store/audit.ts";
import { conversationHistory, findConversation, type Conversation, type StoredMessage } from "../../store/conversations.ts";
import { claimConversation, claimOf, handoffInbox, unclaimConversation, type InboxRow } from "../../store/handoffInbox.ts";
import { instantText, addMenuEntry, CsrfField, FieldError, Layout, Notice, officeName, page, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv, type ConsoleStaff } from "../session.ts";
import { notFound } from "./booking.tsx";
import { withoutRuby } from "../../i18n/ruby.ts";

addMenuEntry("inbox", `${BASE}/conversations`);

const MAX_MESSAGE = 2000;
/** A page refreshing itself is the same reading: it is recorded again after this long. */
const REREAD_AFTER_MS = 60 * 60_000;

const messageText = z.string().trim().min(1).max(MAX_MESSAGE);

function ctxOf(c: Context<ConsoleEnv>): PageContext {
  const url = new URL(c.req.url);
  return { w: c.get("w"), locale: c.get("locale"), staff: c.get("staff"), csrf: c.get("csrf"), here: `${url.pathname}${url.search}` };
}

function InboxTable(props: { ctx: PageContext; rows: InboxRow[]; deps: AppDeps; now: Date; showOffice: boolean }) {
  const { w, locale, staff } = props.ctx;
  const t = w.inbox;
  if (props.rows.length === 0) return <p class="empty">{t.empty}</p>;
  return (
    <table class="list">
      <caption>{t.count(props.rows.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.waitingSince}</th>
          <th scope="col">{t.channel}</th>
          {props.showOffice ? <th scope="col">{t.office}</th> : null}
          <th scope="col">{t.lastSeeker}</th>
          <th scope="col">{t.unanswered}</th>
          <th scope="col">{t.handledBy}</th>
          <th scope="col">
            <span class="visually-hidden">{t.open}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          // The id changes when the seeker writes again, so the live script marks the row as new.
          <tr data-id={`${r.id}:${r.lastSeekerAt?.getTime() ?? 0}`}>
            <td>
              {instantText(locale, r.updatedAt)}
              <span class="hint"> ({w.waited(Math.max(0, Math.floor((props.now.getTime() - r.updatedAt.getTime()) / 60_000)))})</span>
            </td>
            <td>{w.channel[r.channel] ?? r.channel}</td>
            {props.showOffice ? <td>{r.officeId ? officeName(props.deps.config, locale, r.officeId) : t.noOffice}</td> : null}
            <td>{r.lastSeekerAt ? instantText(locale, r.lastSeekerAt) : "―"}</td>
            <td>{r.unanswered > 0 ? <strong class="unanswered">{t.unansweredCount(r.unanswered)}</strong> : "0"}</td>
            <td>{r.claimedByEmail ? (r.claimedBy === staff?.id ? t.you(r.claimedByEmail) : r.claimedByEmail) : <span class="none">{t.nobody}</span>}</td>
            <td>
              <a href={`${BASE}/conversations/${r.id}`}>{t.open}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Transcript(props: { ctx: PageContext; history: (StoredMessage & { id?: number })[] }) {
  const { w, locale } = props.ctx;
  const t = w.inbox;
  if (props.history.length === 0) return <p class="empty">{t.noMessages}</p>;
  return (
    <ol class="transcript">
      {props.history.map((m, i) => {
        const text =
          "inbound" in m
            ? m.inbound.kind === "text"
              ? m.inbound.text
              : m.inbound.kind === "choice"
                ? t.chose(m.inbound.value)
                : m.inbound.kind === "datetime"
                  ? t.picked(m.inbound.value)
                  : t.started
            : withoutRuby(m.message.text);
        // Only what the seeker says counts as new for the live notice.
        return (
          <li class={`said ${m.author}`} data-id={m.author === "user" ? `m${i}:${m.at}` : undefined}>
            <p class="said-by">
              <strong>{t.authors[m.author] ?? m.author}</strong> <time datetime={m.at}>{instantText(locale, new Date(m.at))}</time>
            </p>
            <p class="said-text">{text}</p>
          </li>
        );
      })}
    </ol>
  );
}

interface ChatState {
  done?: string;
  error?: string;
  messageError?: string;
  text?: string;
  /** The claim the page was drawn with: a message sent over a colleague's newer claim is asked again. */
  seen?: string;
  sendAnyway?: boolean;
}

function ClaimBox(props: { ctx: PageContext; conversation: Conversation; claim: Awaited<ReturnType<typeof claimOf>> }) {
  const { ctx, conversation, claim } = props;
  const t = ctx.w.inbox;
  const mine = claim?.staffId === ctx.staff?.id;
  const action = (name: string) => `${BASE}/conversations/${conversation.id}/${name}`;
  return (
    <section aria-labelledby="claim-heading" class="card claim">
      <h2 id="claim-heading">{t.handledBy}</h2>
      {!claim ? (
        <>
          <p>{t.notClaimed}</p>
          <form method="post" action={action("claim")}>
            <CsrfField ctx={ctx} />
            <p class="hint">{t.claimHelp}</p>
            <button type="submit">{t.claim}</button>
          </form>
        </>
      ) : mine ? (
        <>
          <p>{t.claimedByYou}</p>
          <form method="post" action={action("unclaim")}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">
              {t.unclaim}
            </button>
          </form>
        </>
      ) : (
        <>
          <p class="notice error" role="alert">
            {t.otherWarning(claim.email)}
          </p>
          <form method="post" action={action("claim")}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="takeOver" value="1" />
            <button type="submit" class="secondary">
              {t.takeOver}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

function ChatPage(props: { ctx: PageContext; deps: AppDeps; conversation: Conversation; history: StoredMessage[]; claim: Awaited<ReturnType<typeof claimOf>>; state: ChatState }) {
  const { ctx, conversation, state } = props;
  const { w, locale } = ctx;
  const t = w.inbox;
  const action = (name: string) => `${BASE}/conversations/${conversation.id}/${name}`;
  const withStaff = conversation.mode === "handoff";
  const office = conversation.officeId ? officeName(props.deps.config, locale, conversation.officeId) : t.noOffice;
  return (
    <Layout ctx={ctx} title={t.chatTitle(w.channel[conversation.channel] ?? conversation.channel, office)} active="inbox" live="conversation" liveWords={t.live}>
      <p>
        <a href={`${BASE}/conversations`}>{t.back}</a>
      </p>
      {state.done ? <Notice kind="ok">{t.done[state.done] ?? ""}</Notice> : null}
      {state.error ? <Notice kind="error">{state.error}</Notice> : null}
      <p class="hint">{t.readAudited}</p>
      <div id="live-region">
        {withStaff ? <ClaimBox ctx={ctx} conversation={conversation} claim={props.claim} /> : <Notice kind="error">{t.notWithStaff}</Notice>}
        <section aria-labelledby="transcript-heading">
          <h2 id="transcript-heading">{t.transcript}</h2>
          <Transcript ctx={ctx} history={props.history} />
        </section>
      </div>
      {withStaff ? (
        <div class="actions">
          <form method="post" action={action("messages")} class="card">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="seen" value={state.seen ?? props.claim?.staffId ?? ""} />
            <label for="message">{t.message}</label>
            <p class="hint" id="message-help">
              {t.messageHelp}
            </p>
            <textarea
              id="message"
              name="text"
              rows={4}
              maxlength={MAX_MESSAGE}
              aria-invalid={state.messageError ? "true" : undefined}
              aria-describedby={state.messageError ? "message-help message-error" : "message-help"}
            >
              {state.text ?? ""}
            </textarea>
            <FieldError id="message-error" message={state.messageError} />
            <button type="submit">{state.sendAnyway ? t.sendAnyway : t.send}</button>
          </form>
          <form method="post" action={action("release")} class="card">
            <CsrfField ctx={ctx} />
            <h3>{t.release}</h3>
            <p class="hint">{t.releaseHelp}</p>
            <button type="submit" class="secondary">
              {t.release}
            </button>
          </form>
        </div>
      ) : null}
    </Layout>
  );
}

export function inboxRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const lineConfigured = Boolean(config.LINE_CHANNEL_ACCESS_TOKEN);

  /** The conversation if this member of staff may handle it; undefined (404) or "forbidden" (403) otherwise. */
  async function visible(staff: ConsoleStaff, id: string): Promise<Conversation | "forbidden" | undefined> {
    const conversation = await findConversation(store.db, id);
    if (!conversation) return undefined;
    return mayHandle(staff, conversation) ? conversation : "forbidden";
  }

  async function chatPage(c: Context<ConsoleEnv>, conversation: Conversation, state: ChatState, status: 200 | 400 | 409 = 200) {
    const staff = c.get("staff");
    const now = clock();
    const actor = `staff:${staff.id}`;
    // The first look is always recorded; the page refreshing itself is recorded again only after a while.
    const refreshing = c.req.method === "GET" && c.req.header("x-console-fetch") !== undefined;
    const history = await conversationHistory(store.db, conversation.id);
    if (!refreshing || !(await readSince(store.db, { actor, entity: "conversation", entityId: conversation.id, since: new Date(now.getTime() - REREAD_AFTER_MS) }))) {
      await writeAudit(store.db, { at: now, actor, action: "read_personal_data", entity: "conversation", entityId: conversation.id, after: { messages: history.length } });
    }
    markReadByStaff(deps, conversation);
    const claim = await claimOf(store.db, conversation.id);
    const ctx = { ...ctxOf(c), here: `${BASE}/conversations/${conversation.id}` };
    return c.html(page(<ChatPage ctx={ctx} deps={deps} conversation={conversation} history={history} claim={claim} state={state} />), status);
  }

  /** Runs a POST on a conversation the caller may handle. */
  const onConversation =
    (run: (c: Context<ConsoleEnv>, conversation: Conversation, form: Record<string, unknown>) => Promise<Response>) => async (c: Context<ConsoleEnv>) => {
      const found = await visible(c.get("staff"), c.req.param("id") ?? "");
      if (found === undefined) return notFound(c, "notFound");
      if (found === "forbidden") return notFound(c, "forbidden");
      return run(c, found, await c.req.parseBody());
    };

  const back = (c: Context<ConsoleEnv>, id: string, done: string) => c.redirect(`${BASE}/conversations/${id}?done=${done}`, 303);

  return new Hono<ConsoleEnv>()
    .get("/conversations", async (c) => {
      const staff = c.get("staff");
      const ctx = ctxOf(c);
      const rows = (await handoffInbox(store.db, staff.role === "admin" ? undefined : staff.officeId!)).filter((r) => mayHandle(staff, r));
      const done = c.req.query("done");
      const t = ctx.w.inbox;
      return c.html(
        page(
          <Layout ctx={ctx} title={t.title} active="inbox" live="conversations" liveWords={t.live}>
            {done && done in t.done ? <Notice kind="ok">{t.done[done]}</Notice> : null}
            <div id="live-region">
              <InboxTable ctx={ctx} rows={rows} deps={deps} now={clock()} showOffice={staff.role === "admin"} />
            </div>
          </Layout>,
        ),
      );
    })
    .get("/conversations/:id", async (c) => {
      const found = await visible(c.get("staff"), c.req.param("id"));
      if (found === undefined) return notFound(c, "notFound");
      if (found === "forbidden") return notFound(c, "forbidden");
      const done = c.req.query("done");
      return chatPage(c, found, { done: done && done in c.get("w").inbox.done ? done : undefined });
    })
    .post(
      "/conversations/:id/claim",
      onConversation(async (c, conversation, form) => {
        const staff = c.get("staff");
        const result = await claimConversation(store.db, { conversationId: conversation.id, staffId: staff.id, now: clock(), takeOver: form.takeOver === "1" });
        if (!result.ok && result.reason === "not_handoff") return chatPage(c, conversation, { error: c.get("w").inbox.errors.notWithStaff }, 409);
        // Someone claimed it meanwhile: the page now shows who, with the explicit take-over button.
        if (!result.ok) return chatPage(c, conversation, { error: c.get("w").inbox.otherWarning(result.by.email) }, 409);
        return back(c, conversation.id, result.tookOverFrom ? "taken" : "claimed");
      }),
    )
    .post(
      "/conversations/:id/unclaim",
      onConversation(async (c, conversation) => {
        const letGo = await unclaimConversation(store.db, { conversationId: conversation.id, staffId: c.get("staff").id, now: clock() });
        return letGo ? back(c, conversation.id, "unclaimed") : c.redirect(`${BASE}/conversations/${conversation.id}`, 303);
      }),
    )
    .post(
      "/conversations/:id/messages",
      onConversation(async (c, conversation, form) => {
        const staff = c.get("staff");
        const t = c.get("w").inbox;
        const raw = typeof form.text === "string" ? form.text : "";
        const seen = typeof form.seen === "string" ? form.seen : "";
        const parsed = messageText.safeParse(raw);
        if (!parsed.success) {
          const messageError = raw.trim().length === 0 ? t.errors.required : t.errors.tooLong(MAX_MESSAGE);
          return chatPage(c, conversation, { messageError, text: raw, seen }, 400);
        }
        if (conversation.mode !== "handoff") return chatPage(c, conversation, { error: t.errors.notWithStaff, text: raw }, 409);
        // A colleague took the chat after this page was drawn: warn once, keeping the text; sending again goes through.
        const claim = await claimOf(store.db, conversation.id);
        if (claim && claim.staffId !== staff.id && claim.staffId !== seen) {
          return chatPage(c, conversation, { error: t.errors.claimedMeanwhile(claim.email), text: raw, seen: claim.staffId, sendAnyway: true }, 409);
        }
        const now = clock();
        await sendStaffMessage(store.db, { conversation, text: parsed.data, staffId: staff.id, now, lineConfigured });
        deps.wakeOutbox();
        return back(c, conversation.id, conversation.channel === "line" && !lineConfigured ? "stored" : "sent");
      }),
    )
    .post(
      "/conversations/:id/release",
      onConversation(async (c, conversation) => {
        const staff = c.get("staff");
        const now = clock();
        const released = await releaseToBot(store.db, { conversation, staffId: staff.id, now, lineConfigured });
        if (!released) return chatPage(c, conversation, { error: c.get("w").inbox.errors.notWithStaff }, 409);
        deps.wakeOutbox();
        return c.redirect(`${BASE}/conversations?done=released`, 303);
      }),
    );
}
