import type { BotMessage, Choice, Locale } from "../../src/messages.ts";
import { ApiFailure, chatApi, type Failure, type HistoryEntry, type Mode, type Reply } from "./api.ts";
import { browserLocale, defaultLocale, isLocale, locales } from "../../src/i18n/locales.ts";
import { widgetWords } from "../../src/i18n/widget.ts";
import { formatLocal } from "./formatLocal.ts";
import { botBubble, bubble, choiceGroup, h, plain, rubyText } from "./render.ts";
import { sessionStore } from "./storage.ts";
import { css } from "./styles.ts";

/** Office names and phones from the server's config, put in at build time (see web/build.ts). */
declare const __OFFICES__: Record<string, Record<Locale, string> & { phone: string | null }>;

const HOST_ID = "soudan-yoyaku-widget";
const POLL_MS = 4000;
const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';

function mount(script: HTMLScriptElement): void {
  if (document.getElementById(HOST_ID)) return;
  const base = new URL(script.src, location.href).origin;
  const officeId = script.dataset.office;
  const office = officeId ? __OFFICES__[officeId] : undefined;
  // The person's browser language first (when we speak it), then the page's, then Japanese.
  let locale: Locale = browserLocale(navigator.languages ?? [navigator.language]) ?? (isLocale(script.dataset.locale) ? script.dataset.locale : defaultLocale);
  let s = widgetWords[locale];
  const api = chatApi(base);
  const store = sessionStore(`soudan:${base}:${officeId ?? ""}`);
  // Opened from the link in a mail: a new session on that booking, whatever chat this browser had.
  let manageToken = takeManageToken();
  let session = manageToken ? null : store.load();
  let mode: Mode = "bot";
  let loaded = false;
  let busy = false;
  let activeChoices: HTMLElement | null = null;
  let historyLength = -1;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const host = h("div", { id: HOST_ID });
  const shadow = host.attachShadow({ mode: "open" });
  // A constructed sheet passes a strict style-src CSP on the office's page; older browsers get <style>.
  if ("adoptedStyleSheets" in shadow && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else shadow.append(h("style", {}, css));

  const launcherText = h("span");
  const launcher = h("button", { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "panel" });
  launcher.innerHTML = ICON;
  launcher.append(launcherText);
  const title = h("h2", { id: "title" });
  const languages = h("select", { class: "locale" });
  for (const code of locales) languages.append(h("option", { value: code, lang: code }, plain(widgetWords[code].languageName)));
  const closer = h("button", { type: "button", class: "close" }, "×");
  const log = h("ol", { class: "log", tabindex: "-1" });
  const live = h("div", { class: "sr", "aria-live": "polite" });
  const banner = h("p", { class: "notice", role: "status", hidden: true });
  const notice = h("div", { class: "notice error", role: "alert", hidden: true });
  const pickerInput = h("input", { type: "datetime-local", id: "when", step: "1800" });
  const pickerLabel = h("label", { for: "when" });
  const pickerSend = h("button", { type: "button", class: "send" });
  const picker = h("div", { class: "picker", hidden: true }, pickerLabel, pickerInput, pickerSend);
  const inputLabel = h("label", { for: "text", class: "sr" });
  const textarea = h("textarea", { id: "text", rows: "1", autocomplete: "off" });
  const sendButton = h("button", { type: "submit", class: "send" });
  const form = h("form", {}, picker, h("div", { class: "row" }, inputLabel, textarea, sendButton));
  const panel = h("section", { id: "panel", class: "panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "title", hidden: true },
    h("header", {}, title, languages, closer), log, live, banner, notice, form);
  const root = h("div", { class: "root" }, launcher, panel);
  shadow.append(root);
  document.body.append(host);

  function paint(): void {
    s = widgetWords[locale];
    root.lang = locale;
    launcherText.replaceChildren(rubyText(s.launcher));
    launcher.setAttribute("aria-label", plain(office ? s.aside(s.launcherLabel, office[locale]) : s.launcherLabel));
    title.replaceChildren(rubyText(s.title), office ? h("small", {}, rubyText(office[locale])) : "");
    languages.value = locale;
    languages.setAttribute("aria-label", plain(s.language));
    languages.title = plain(s.language);
    closer.setAttribute("aria-label", plain(s.close));
    log.setAttribute("aria-label", plain(s.log));
    pickerLabel.replaceChildren(rubyText(s.picker));
    pickerSend.replaceChildren(rubyText(s.pickerSend));
    inputLabel.replaceChildren(rubyText(s.input));
    textarea.placeholder = plain(s.placeholder);
    sendButton.replaceChildren(rubyText(s.send));
    if (mode === "handoff") banner.replaceChildren(rubyText(s.handoff));
  }

  function open(moveFocus = true): void {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    store.setOpen(true);
    if (moveFocus) textarea.focus();
    if (!loaded) void run(load, moveFocus);
    else poll();
  }

  function close(): void {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    store.setOpen(false);
    clearTimeout(pollTimer);
    launcher.focus();
  }

  /** Runs a call to the server, showing what went wrong and how to try again. */
  async function run(action: () => Promise<void>, moveFocus = false): Promise<void> {
    busy = true;
    notice.hidden = true;
    const typing = h("li", { class: "typing", "aria-hidden": "true" }, "…");
    log.append(typing);
    log.setAttribute("aria-busy", "true");
    try {
      await action();
      if (moveFocus) ((activeChoices?.querySelector("button") as HTMLElement | null) ?? textarea).focus();
    } catch (error) {
      failed(error instanceof ApiFailure ? error.failure : { kind: "offline" }, action);
    } finally {
      typing.remove();
      log.removeAttribute("aria-busy");
      busy = false;
      scrollDown();
    }
  }

  function failed(failure: Failure, action: () => Promise<void>): void {
    if (failure.kind === "gone") {
      session = null;
      store.save(null);
      loaded = false;
      log.replaceChildren(bubble(s, "bot", s.expired));
      setTimeout(() => void run(load, true));
      return;
    }
    const retry = h("button", { type: "button" }, rubyText(s.retry));
    retry.addEventListener("click", () => void run(action, true));
    const phones = office?.phone ? [office] : Object.values(__OFFICES__).filter((o) => o.phone);
    const text = failure.kind === "rateLimited" ? s.rateLimited(failure.seconds) : [s.offline, ...phones.map((o) => s.phone(o[locale], o.phone!))].join("\n");
    notice.replaceChildren(rubyText(text), retry);
    notice.hidden = false;
    if (failure.kind === "rateLimited") {
      retry.disabled = true;
      setTimeout(() => (retry.disabled = false), failure.seconds * 1000);
    }
  }

  async function load(): Promise<void> {
    if (session) {
      const history = await api.history(session.id, session.token);
      locale = isLocale(history.locale) ? history.locale : defaultLocale;
      paint();
      showHistory(history.messages);
      historyLength = history.messages.length;
      loaded = true;
      setMode(history.mode);
      return;
    }
    // Kept until the seeker writes: switching the language before that starts over on the same booking.
    const started = await api.start(officeId, locale, manageToken);
    session = { id: started.sessionId, token: started.token };
    store.save(session);
    loaded = true;
    log.replaceChildren();
    showBot(started.messages, "bot");
    historyLength = -1;
  }

  function send(reply: Reply, shown: string, moveFocus: boolean): void {
    if (busy || !session) return;
    manageToken = undefined;
    log.append(bubble(s, "user", shown));
    retire();
    const current = session;
    void run(async () => {
      const answer = await api.send(current.id, current.token, reply);
      showBot(answer.messages, "bot");
      if (historyLength >= 0) historyLength += 1 + answer.messages.length;
      setMode(answer.mode);
    }, moveFocus);
  }

  /** Only the last bot message's choices and picker are live; older ones would answer a stale question. */
  function retire(): void {
    activeChoices?.remove();
    activeChoices = null;
    picker.hidden = true;
  }

  function offer(li: HTMLElement, message: BotMessage): void {
    retire();
    if (message.choices?.length) {
      activeChoices = choiceGroup(s, message.choices, (choice: Choice) => send({ kind: "choice", value: choice.value }, choice.label, true));
      li.append(activeChoices);
    }
    if (message.datePicker) {
      pickerInput.min = message.datePicker.min;
      pickerInput.max = message.datePicker.max;
      pickerInput.value = "";
      picker.hidden = false;
    }
  }

  function showBot(messages: BotMessage[], author: "bot" | "staff"): void {
    let last: HTMLElement | undefined;
    for (const message of messages) log.append((last = botBubble(s, author, message)));
    const final = messages[messages.length - 1];
    if (last && final) offer(last, final);
    announce(messages.map((m) => m.text));
    scrollDown();
  }

  function showHistory(entries: HistoryEntry[]): void {
    log.replaceChildren();
    retire();
    const labels = new Map<string, string>();
    let last: { li: HTMLElement; message: BotMessage } | undefined;
    for (const entry of entries) {
      if (entry.author === "user" && entry.inbound) {
        const inbound = entry.inbound;
        const shown = inbound.kind === "text" ? inbound.text : inbound.kind === "datetime" ? formatLocal(s, inbound.value) : (labels.get(inbound.value) ?? inbound.value);
        log.append(bubble(s, "user", shown));
      } else if (entry.message) {
        const li = botBubble(s, entry.author === "staff" ? "staff" : "bot", entry.message);
        log.append(li);
        for (const c of entry.message.choices ?? []) labels.set(c.value, c.label);
        last = { li, message: entry.message };
      }
    }
    if (last) offer(last.li, last.message);
    scrollDown();
  }

  function setMode(next: Mode): void {
    mode = next;
    banner.hidden = mode !== "handoff";
    if (mode === "handoff") banner.replaceChildren(rubyText(s.handoff));
    poll();
  }

  /** While a person is answering, their replies arrive only through the history. */
  function poll(): void {
    clearTimeout(pollTimer);
    if (mode !== "handoff" || panel.hidden || !session) return;
    const current = session;
    pollTimer = setTimeout(async () => {
      try {
        const history = await api.history(current.id, current.token);
        if (history.messages.length !== historyLength && !busy) {
          const fresh = historyLength >= 0 ? history.messages.slice(historyLength) : [];
          historyLength = history.messages.length;
          showHistory(history.messages);
          announce(fresh.filter((e) => e.author !== "user" && e.message).map((e) => e.message!.text));
        }
        mode = history.mode;
        banner.hidden = mode !== "handoff";
      } catch {
        // A missed poll is retried on the next tick; sending shows the error state if it persists.
      }
      poll();
    }, POLL_MS);
  }

  function announce(texts: string[]): void {
    if (texts.length) live.textContent = plain(texts.join("\n"));
  }

  function scrollDown(): void {
    log.scrollTop = log.scrollHeight;
  }

  launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
  closer.addEventListener("click", close);
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  languages.addEventListener("change", () => {
    if (!isLocale(languages.value) || languages.value === locale) return;
    locale = languages.value;
    paint();
    // Before the seeker has said anything, start over in the chosen language; afterwards the bot
    // switches from its next message on and keeps the answers.
    if (!busy && !log.querySelector(".user")) {
      session = null;
      store.save(null);
      void run(load);
    } else send({ kind: "choice", value: `locale:${locale}` }, s.languageName, false);
  });
  textarea.addEventListener("keydown", (e) => {
    // Enter while an IME is composing confirms the conversion; it must not send half a word.
    if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    form.requestSubmit();
  });
  textarea.addEventListener("input", () => {
    textarea.style.height = "auto";
    textarea.style.height = `${textarea.scrollHeight}px`;
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = textarea.value.trim();
    if (!text || busy) return;
    textarea.value = "";
    textarea.style.height = "";
    send({ kind: "text", text }, text, false);
  });
  pickerSend.addEventListener("click", () => {
    const value = pickerInput.value;
    if (!value || !pickerInput.reportValidity()) return;
    send({ kind: "datetime", value }, formatLocal(s, value), true);
  });

  paint();
  if (manageToken) open();
  else if (session && store.wasOpen()) open(false);
}

/**
 * The token of a mail's link (`#manage=…`, see src/manageLink.ts), taken off the address so that a
 * reload, a bookmark or a shared screen does not carry it on.
 */
function takeManageToken(): string | undefined {
  const match = /^#manage=([A-Za-z0-9_.-]{1,200})$/.exec(location.hash);
  if (!match) return undefined;
  try {
    history.replaceState(history.state, "", location.pathname + location.search);
  } catch {
    // A sandboxed page may refuse; the token then stays in the address, which only its holder has.
  }
  return match[1];
}

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
if (script) {
  if (document.body) mount(script);
  else document.addEventListener("DOMContentLoaded", () => mount(script));
}

