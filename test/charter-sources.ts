// The councils' stored texts, read as documents, and the quotes of a charter file, each
// with the document its source names: what the verbatim test and the accounting of
// published facts in test/charter.test.ts check. The texts live beside this clone, in
// ../shared/charter-sources/: `${council}.txt` is a charter's own text, and
// `web/${council}.txt` what the council published elsewhere, one section per address
// ("address: URL", then the sentences as stored, each on a line of its own after "> ").
import { existsSync, readFileSync } from "node:fs";

export const SOURCES = new URL("../../shared/charter-sources/", import.meta.url);
export const sourcesAvailable = existsSync(SOURCES);

/** Only no-break spaces and line breaks count as spaces; every other character must match. */
export const normalise = (text: string): string => text.replace(/\r?\n|\u00a0/g, " ");

/** A stored document: a charter's text, or the sentences stored for one address (one version of it). */
export interface StoredDocument {
  /** How the test names it: the file, and the address and heading of a web section. */
  readonly label: string;
  readonly url: string | undefined;
  /** The "version A" of a heading, when one address is stored in versions that differ. */
  readonly version: string | undefined;
  /** Each stored sentence (a web section's quoted lines; the whole text of a charter file). */
  readonly lines: readonly string[];
  readonly text: string;
}

const read = (file: string) => readFileSync(new URL(file, SOURCES), "utf8");

/** The sections of a web/ file: each address's quoted lines, with the heading above it. */
export function webDocuments(file: string): StoredDocument[] {
  const sections: { url: string | undefined; header: string; lines: string[] }[] = [];
  let header = "";
  let current: (typeof sections)[number] | undefined;
  for (const raw of read(file).split("\n")) {
    const line = raw.trimStart();
    if (line.startsWith("==")) {
      header = line.replace(/^=+\s*|\s*=+$/g, "");
      current = undefined;
    } else if (line.startsWith("address:")) {
      current = { url: line.slice("address:".length).trim(), header, lines: [] };
      sections.push(current);
    } else if (line.startsWith(">")) {
      if (current === undefined) {
        current = { url: undefined, header, lines: [] };
        sections.push(current);
      }
      current.lines.push(line.slice(1).replace(/^ /, ""));
    }
  }
  // Sections of one address are one document, unless the file stores it in versions.
  const documents = new Map<
    string,
    { url: string | undefined; version: string | undefined; headers: string[]; lines: string[] }
  >();
  sections.forEach((s, i) => {
    const version = /\bversion ([A-Z])\b/.exec(s.header)?.[1];
    const key = s.url === undefined ? `#${i}` : `${s.url}#${version ?? ""}`;
    const doc = documents.get(key) ?? { url: s.url, version, headers: [], lines: [] };
    documents.set(key, doc);
    if (!doc.headers.includes(s.header)) doc.headers.push(s.header);
    doc.lines.push(...s.lines);
  });
  return [...documents.values()].map((d) => ({
    label: `${file}, ${d.url ?? "(no address)"} (${d.headers.join("; ")})`,
    url: d.url,
    version: d.version,
    lines: d.lines,
    text: normalise(d.lines.join("\n")),
  }));
}

/** A charter's own text. */
export function charterText(council: string): StoredDocument {
  const text = read(`${council}.txt`);
  return {
    label: `${council}.txt (the charter text)`,
    url: undefined,
    version: undefined,
    lines: [text],
    text: normalise(text),
  };
}

/** The web files that hold a council's other documents (Kawartha Lakes also cites Ontario's). */
export function webFilesOf(council: string): string[] {
  return council === "kawartha-lakes" ? ["web/kawartha-lakes.txt", "web/ontario.txt"] : [`web/${council}.txt`];
}

/** One quoted sentence of a charter file, where it is, and the source it is credited to. */
export interface Quote {
  readonly path: string;
  readonly quote: string;
  /** The id of the source it is credited to, or undefined for the charter's own text. */
  readonly source: string | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every quote of a charter file (`quote` and `caveat` keys), with the source it is
 * credited to: the `source` of the nearest enclosing object that names one, or, inside
 * `sources`, the source entry itself (its `unused` sentences are its own document's).
 */
export function quotesOf(file: Json): Quote[] {
  const out: Quote[] = [];
  const walk = (value: Json, path: string, source: string | undefined) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, source));
    else if (typeof value === "object" && value !== null) {
      const here = typeof value.source === "string" ? value.source : source;
      for (const [key, v] of Object.entries(value)) {
        if ((key === "quote" || key === "caveat") && typeof v === "string")
          out.push({ path: `${path}.${key}`.replace(/^\./, ""), quote: v, source: here });
        else walk(v, `${path}.${key}`.replace(/^\./, ""), here);
      }
    }
  };
  const { sources, ...rest } = file as { sources?: Json[] } & Record<string, Json>;
  (sources ?? []).forEach((s, i) => {
    const id = (s as { id?: Json }).id;
    walk(s, `sources[${i}]`, typeof id === "string" ? id : i === 0 ? undefined : `sources[${i}]`);
  });
  walk(rest as Json, "", undefined);
  return out;
}

/**
 * The stored document a source names: the web section of its address (of the version its
 * title names, when the address is stored in versions), or the charter's text for its
 * first source, which has no address of its own in the store.
 */
export function documentOf(
  file: Json,
  source: string | undefined,
  texts: { readonly charter: StoredDocument | undefined; readonly web: readonly StoredDocument[] },
): StoredDocument | string {
  const sources = ((file as { sources?: Json[] }).sources ?? []) as { id?: string; url?: string; title?: string }[];
  const index = source === undefined ? 0 : sources.findIndex((s, i) => s.id === source || `sources[${i}]` === source);
  const entry = sources[index];
  if (entry === undefined) return `no source "${source}" in the charter`;
  if (index === 0 && texts.charter !== undefined) return texts.charter;
  if (entry.url === undefined) return `source "${source}" has no address, so no stored copy can be found`;
  const version = /\bversion ([A-Z])\b/.exec(entry.title ?? "")?.[1];
  const found = texts.web.filter((d) => d.url === entry.url && (d.version === undefined || d.version === version));
  if (found.length === 1) return found[0] as StoredDocument;
  return found.length === 0
    ? `no stored copy of ${entry.url}`
    : `${entry.url} is stored in versions: name the version in the source's title ("version A")`;
}

/**
 * What a stored sentence leaves unaccounted for: its letters and digits that no quote
 * covers (a quote inside it covers its part; a quote that holds it covers all of it).
 */
export function uncovered(line: string, quotes: readonly string[]): string {
  const text = normalise(line);
  const covered = new Array<boolean>(text.length).fill(false);
  for (const raw of quotes) {
    const quote = normalise(raw);
    if (quote.includes(text)) return "";
    for (let at = text.indexOf(quote); at !== -1 && quote.length > 0; at = text.indexOf(quote, at + 1))
      covered.fill(true, at, at + quote.length);
  }
  return text
    .split("")
    .filter((_, i) => !covered[i])
    .join("")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
