// The session survives reloads and later visits; a page that forbids storage still gets a working chat.

export interface SavedSession {
  id: string;
  token: string;
}

export function sessionStore(key: string) {
  const read = (area: Storage | undefined, k: string): string | null => {
    try {
      return area?.getItem(k) ?? null;
    } catch {
      return null;
    }
  };
  const write = (area: Storage | undefined, k: string, v: string | null): void => {
    try {
      if (v === null) area?.removeItem(k);
      else area?.setItem(k, v);
    } catch {
      // Storage full or blocked (private mode, sandboxed frame): the chat still works for this page.
    }
  };
  const local = (): Storage | undefined => (typeof localStorage === "undefined" ? undefined : localStorage);
  const perTab = (): Storage | undefined => (typeof sessionStorage === "undefined" ? undefined : sessionStorage);
  return {
    load(): SavedSession | null {
      try {
        const saved = JSON.parse(read(local(), key) ?? "null") as SavedSession | null;
        return saved && typeof saved.id === "string" && typeof saved.token === "string" ? saved : null;
      } catch {
        return null;
      }
    },
    save: (s: SavedSession | null) => write(local(), key, s && JSON.stringify({ id: s.id, token: s.token })),
    /** Whether the panel was open in this tab, so a reload keeps it open. */
    wasOpen: () => read(perTab(), `${key}:open`) === "1",
    setOpen: (open: boolean) => write(perTab(), `${key}:open`, open ? "1" : null),
  };
}
