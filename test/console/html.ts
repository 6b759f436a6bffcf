// Reading console pages in tests the way a screen reader would: a table's rows as text, cell by cell.

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** The rows of the first table whose caption contains `caption`, each as its cells' text. */
export function tableRows(html: string, caption: string): string[][] {
  const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
  const table = tables.find((t) => text(/<caption>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? "").includes(caption));
  if (!table) throw new Error(`no table captioned ${caption}`);
  return [...table.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((row) => [...row[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!)));
}

/** The row whose first cell (its header) is `header`. */
export function rowOf(rows: string[][], header: string): string[] {
  const row = rows.find((r) => r[0] === header);
  if (!row) throw new Error(`no row ${header} in ${JSON.stringify(rows.map((r) => r[0]))}`);
  return row;
}

export { text as pageText };
