// The console's one script. Pages work without it; with it, lists refresh by themselves when
// something changes (Server-Sent Events), and new requests are announced on screen, by a sound and
// by a desktop notice, each of which staff can switch off.
const SOUND_KEY = "console.sound";
const DESKTOP_KEY = "console.desktop";

/** The page's words for this script, from words.ts through a data attribute (no inline script). */
interface LiveWords {
  notices: string;
  sound: string;
  desktop: string;
  newItems: string;
  updated: string;
  offline: string;
  title: string;
}
let words: LiveWords;

function setting(key: string, fallback: boolean): boolean {
  const value = localStorage.getItem(key);
  return value === null ? fallback : value === "1";
}

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.08;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch {
    // No sound where the browser allows none yet; the on-screen notice still shows.
  }
}

function toggles(main: HTMLElement): void {
  const box = document.createElement("fieldset");
  box.className = "notices";
  const legend = document.createElement("legend");
  legend.textContent = words.notices;
  box.append(legend);
  for (const [key, label, fallback] of [
    [SOUND_KEY, words.sound, true],
    [DESKTOP_KEY, words.desktop, false],
  ] as const) {
    const id = `toggle-${key.replace(".", "-")}`;
    const input = document.createElement("input");
    input.type = "checkbox";
    input.id = id;
    input.checked = setting(key, fallback);
    input.addEventListener("change", () => {
      localStorage.setItem(key, input.checked ? "1" : "0");
      if (key === DESKTOP_KEY && input.checked && "Notification" in window && Notification.permission === "default") void Notification.requestPermission();
    });
    const text = document.createElement("label");
    text.htmlFor = id;
    text.textContent = label;
    box.append(input, text);
  }
  main.querySelector("h1")?.after(box);
}

function idsIn(root: ParentNode): Set<string> {
  return new Set(Array.from(root.querySelectorAll<HTMLElement>("[data-id]")).map((el) => el.dataset.id!));
}

function start(): void {
  const main = document.querySelector<HTMLElement>("main[data-live]");
  if (!main || !main.dataset.liveWords || !("EventSource" in window)) return;
  words = JSON.parse(main.dataset.liveWords) as LiveWords;
  const region = document.getElementById("live-region");
  toggles(main);
  const status = document.createElement("p");
  status.className = "live-status";
  status.setAttribute("role", "status");
  main.querySelector(".notices")?.after(status);

  let refreshing = false;
  let again = false;
  async function refresh(): Promise<void> {
    if (!region) return;
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const res = await fetch(location.href, { headers: { "x-console-fetch": "1" }, credentials: "same-origin" });
      if (res.status === 401) {
        location.reload();
        return;
      }
      const html = await res.text();
      const next = new DOMParser().parseFromString(html, "text/html").getElementById("live-region");
      if (!next) return;
      const before = idsIn(region);
      const fresh = [...idsIn(next)].filter((id) => !before.has(id));
      region.replaceChildren(...Array.from(next.childNodes).map((n) => document.importNode(n, true)));
      for (const id of fresh) region.querySelector(`[data-id="${CSS.escape(id)}"]`)?.classList.add("fresh");
      if (fresh.length > 0) {
        status.textContent = words.newItems;
        if (setting(SOUND_KEY, true)) beep();
        if (setting(DESKTOP_KEY, false) && "Notification" in window && Notification.permission === "granted") new Notification(words.title, { body: words.newItems });
      } else {
        status.textContent = words.updated;
      }
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  }

  const source = new EventSource("/staff/live");
  source.addEventListener("change", () => void refresh());
  source.addEventListener("error", () => {
    status.textContent = words.offline;
  });
  source.addEventListener("ready", () => {
    if (status.textContent === words.offline) status.textContent = "";
  });
}

start();
