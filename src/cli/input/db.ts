/**
 * Contacts straight from a council's PostgreSQL database: `--db URL` (or `--db-env NAME`)
 * and `--query SQL` (or `--query-file FILE`), read through `pg` and `pg-query-stream`,
 * optional peer dependencies loaded only here. The query's result is read as a file is:
 * its column names are the header, each row a row of cells, each row's position in the
 * result (from 1) in place of a line number, so the mapping and the account treat it as
 * they treat a file.
 *
 * Cells are what the server writes for them as text, as a CSV export would hold them, and
 * an SQL `NULL` is an empty cell; except the columns whose type says what they hold: a
 * `timestamptz` is the instant it holds, a `timestamp` a wall time in the charter's zone
 * and a `date` a date (neither is text for `--date-format`, as an Excel date cell is not).
 *
 * Safe by construction: the query is checked to be one `SELECT` or `WITH` before anything
 * is sent, and runs in a read-only transaction with a statement timeout (`--db-timeout`),
 * whose session time zone is the charter's (so a cast to text or a date literal in the
 * query means what it means in a file). Rows are fetched a batch at a time as the judges
 * take them (the stream's back-pressure), so memory stays flat. Ctrl-C cancels the query on
 * the server. The password (from the URL, `PGPASSWORD` or `.pgpass`) is never printed: a
 * URL is shown without it, and every message is cleared of it.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type DATABASE_OPTIONS, FILE_OPTIONS } from "../concepts.js";
import { cli } from "../words.js";
import { CellProblem, type RawRow, WallTime } from "./rows.js";
import { Failure } from "./source.js";
import { checkQuery } from "./sql.js";

/** The command line's options for a database. */

/** The options of a contact file, which a database input does not take. */
const FILE_OPTION_NAMES = Object.keys(FILE_OPTIONS) as (keyof typeof FILE_OPTIONS)[];

type Values = { readonly [K in keyof typeof DATABASE_OPTIONS | keyof typeof FILE_OPTIONS]?: string | undefined };

/** A database to read from, as the options give it: checked, nothing sent yet. */
export interface DatabaseInput {
  /** The connection URL, password included: never printed. */
  readonly url: string;
  /** The URL as it may be shown: without its password. */
  readonly shown: string;
  /** What must never be printed: the password, as written and decoded. */
  readonly secrets: readonly string[];
  readonly query: string;
  readonly timeoutMs: number;
  /** `--db-timeout` as given (or the default), for messages. */
  readonly timeout: string;
}

/** `--db-timeout` when it is not given. */
const DEFAULT_TIMEOUT = "10min";
const MAX_TIMEOUT_MS = 24 * 3_600_000;
/** How long connecting may take at most (less when --db-timeout is shorter). */
const CONNECT_TIMEOUT_MS = 30_000;
/**
 * Rows fetched from the server at a time; the stream holds at most this many before the judges take them. On a
 * million rows from a local server (two runs each, the whole command): 1,000 took 4.4-4.7 s and 500 4.6-5.9 s;
 * 2,000 took 5.4-5.8 s, its rows living long enough to reach the old generation (a live heap of 18-20 MB against
 * 13-14 MB at 1,000); 250 took 5.5-6.5 s.
 */
const BATCH_ROWS = 1000;

/**
 * The URL as it may be shown, and the passwords in it. The URL is read as pg reads it (a
 * WHATWG URL, with pg's stand-in host when the host is empty, as for a socket) and shown
 * rebuilt without the user's password and without `password` and `sslpassword`
 * parameters; one that cannot be read is not shown at all. Whatever sits between the
 * user's colon and the last `@` before the path is a secret too, however the URL is
 * written (a password with an unencoded `@` or `?` in it).
 */
export function redactUrl(url: string): { shown: string; secrets: string[] } {
  const secrets: string[] = [];
  const keep = (raw: string) => {
    if (raw === "") return;
    secrets.push(raw);
    try {
      const decoded = decodeURIComponent(raw);
      if (decoded !== raw) secrets.push(decoded);
    } catch {
      // Not percent-encoded text: the raw form is the secret.
    }
  };
  const written = /^([A-Za-z][A-Za-z0-9+.-]*:)\/\/([^/]*)@/.exec(url);
  const user = written?.[2] ?? "";
  if (user.includes(":")) keep(user.slice(user.indexOf(":") + 1));
  let parsed: URL | undefined;
  let noHost = false;
  try {
    parsed = new URL(url);
  } catch {
    try {
      parsed = new URL(url.replace("@/", "@___DUMMY___/"));
      noHost = true;
    } catch {
      parsed = undefined;
    }
  }
  if (parsed === undefined) {
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(url)?.[0] ?? "";
    return { shown: `${scheme}//… (not shown: it cannot be read as a URL)`, secrets };
  }
  keep(parsed.password);
  const params = new URLSearchParams(parsed.search);
  for (const key of [...params.keys()]) {
    if (/^(ssl)?password$/i.test(key)) {
      for (const value of params.getAll(key)) keep(value);
      params.delete(key);
    }
  }
  const query = params.toString();
  const shown = `${parsed.protocol}//${parsed.username === "" ? "" : `${parsed.username}@`}${noHost ? "" : parsed.host}${parsed.pathname}${query === "" ? "" : `?${query}`}`;
  return { shown, secrets };
}

/** A text with every secret in it replaced by `***`. */
function clear(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("***");
  return out;
}

/** `--db-timeout`: a duration with its unit (`500ms`, `30s`, `10min`, `2h`), in milliseconds. */
function timeoutOf(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|min|h)$/.exec(value.trim());
  const unit = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };
  const ms = m === null ? Number.NaN : Math.round(Number(m[1]) * unit[m[2] as keyof typeof unit]);
  if (!(ms >= 1 && ms <= MAX_TIMEOUT_MS))
    throw new Failure(cli.badNumber("--db-timeout", "a duration from 1ms to 24h, such as 30s, 10min or 2h", value));
  return ms;
}

/**
 * The database the options name, checked before anything is loaded or sent: `--db` or
 * `--db-env` (one), `--query` or `--query-file` (one, a single `SELECT` or `WITH`), no
 * contact file and none of a file's options. Undefined when neither `--db` nor `--db-env`
 * is given (and then no database option may be).
 *
 * @throws Failure naming the option and the value (a URL without its password).
 */
export function databaseInputOf(
  values: Values,
  files: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DatabaseInput | undefined {
  const { db, "db-env": dbEnv, query, "query-file": queryFile, "db-timeout": timeout } = values;
  if (db === undefined && dbEnv === undefined) {
    for (const option of ["query", "query-file", "db-timeout"] as const)
      if (values[option] !== undefined) throw new Failure(cli.needsDb(`--${option}`));
    return undefined;
  }
  if (db !== undefined && dbEnv !== undefined) throw new Failure(cli.dbTwice());
  if (files.length > 0) throw new Failure(cli.dbAndFile());
  for (const option of FILE_OPTION_NAMES)
    if (values[option] !== undefined) throw new Failure(cli.fileOption(`--${option}`));
  let url = db;
  if (dbEnv !== undefined) {
    url = env[dbEnv];
    if (url === undefined || url.trim() === "") throw new Failure(cli.dbEnvUnset(dbEnv));
  }
  const from = dbEnv === undefined ? "--db" : `--db-env ${dbEnv}`;
  const { shown, secrets } = redactUrl(url as string);
  if (!/^postgres(?:ql)?:\/\//i.test(url as string)) throw new Failure(cli.dbNotPostgres(from, clear(shown, secrets)));
  if (query !== undefined && queryFile !== undefined) throw new Failure(cli.queryTwice());
  if (query === undefined && queryFile === undefined) throw new Failure(cli.queryNeeded());
  let sql = query as string;
  if (queryFile !== undefined) {
    try {
      sql = readFileSync(queryFile, "utf8").replace(/^\uFEFF/, "");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Failure(
        code === "ENOENT" ? cli.noSuchFile(queryFile) : cli.cannotRead(queryFile, code ?? "unreadable"),
      );
    }
  }
  checkQuery(sql, queryFile === undefined ? "--query" : `--query-file ${queryFile}`);
  const given = timeout ?? DEFAULT_TIMEOUT;
  return {
    url: url as string,
    shown: clear(shown, secrets),
    secrets,
    query: sql,
    timeoutMs: timeoutOf(given),
    timeout: given,
  };
}

// The drivers, as far as this module uses them: what it relies on is written here (the types of @types/pg leave out
// processID, secretKey and Connection's connect and cancel, which the cancel of Ctrl-C needs).

interface FieldDescription {
  readonly name: string;
  readonly dataTypeID: number;
}

/** A pg-query-stream: a Readable of rows (arrays, with rowMode "array"), with the result's columns once known. */
interface QueryStream {
  read(): unknown[] | null;
  on(event: "readable" | "end" | "close", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  destroy(): void;
  readonly readableEnded: boolean;
  readonly _result: { readonly fields: readonly FieldDescription[] };
}

type QueryStreamClass = new (
  text: string,
  values: unknown[],
  config: { rowMode: "array"; batchSize: number; types: { getTypeParser(): (text: string) => string } },
) => QueryStream;

interface ConnectionParameters {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

interface PgClient {
  readonly host: string;
  readonly port: number;
  readonly database?: string;
  readonly user?: string;
  readonly processID: number | null;
  readonly secretKey: number | null;
  password: string | null | undefined | ((params: ConnectionParameters) => Promise<string>);
  connect(): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<unknown>;
  query(stream: QueryStream): QueryStream;
  on(event: "error", listener: (error: Error) => void): void;
  end(): Promise<void>;
}

interface PgConnection {
  connect(path: string): void;
  connect(port: number, host: string): void;
  cancel(processID: number, secretKey: number): void;
  on(event: "connect", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
}

interface Pg {
  readonly Client: new (config: {
    connectionString: string;
    application_name: string;
    connectionTimeoutMillis: number;
  }) => PgClient;
  readonly Connection: new () => PgConnection;
}

interface Drivers {
  readonly pg: Pg;
  readonly QueryStream: QueryStreamClass;
}

let drivers: Promise<Drivers> | undefined;

/** pg and pg-query-stream, loaded on the first --db (no other input needs them). */
function load(): Promise<Drivers> {
  // Both are CommonJS: their exports are the module's default.
  drivers ??= Promise.all([import("pg"), import("pg-query-stream")]).then(([p, q]) => ({
    pg: ((p as unknown as { default?: Pg }).default ?? p) as unknown as Pg,
    QueryStream: ((q as unknown as { default?: QueryStreamClass }).default ?? q) as unknown as QueryStreamClass,
  }));
  return drivers.catch((error: NodeJS.ErrnoException) => {
    drivers = undefined;
    throw error.code === "ERR_MODULE_NOT_FOUND" ? new Failure(cli.dbMissing()) : error;
  });
}

/** The password .pgpass (or the file PGPASSFILE names) holds for these parameters, through pg's own reader of it. */
function fromPgpass(params: ConnectionParameters): Promise<string | undefined> {
  let pgpass: (params: ConnectionParameters, done: (password: string | undefined) => void) => void;
  try {
    const pg = createRequire(import.meta.url).resolve("pg");
    pgpass = createRequire(pg)("pgpass") as typeof pgpass;
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => pgpass(params, resolve));
}

/** Cancels the statement a client's backend is running, as psql's Ctrl-C does: a cancel request on a connection of its own. */
function cancelOnServer(pg: Pg, client: PgClient): void {
  if (client.processID === null || client.secretKey === null) return;
  const { processID, secretKey } = client;
  const connection = new pg.Connection();
  connection.on("error", () => {
    // The server closes the cancel connection as soon as it has read it; nothing to report either way.
  });
  connection.on("connect", () => connection.cancel(processID, secretKey));
  if (client.host.startsWith("/")) connection.connect(`${client.host}/.s.PGSQL.${client.port}`);
  else connection.connect(client.port, client.host);
}

/** A Ctrl-C during the query: the query was cancelled on the server, and no report is written. */
export class Cancelled extends Failure {}

/** An error of the server (a DatabaseError of pg): its SQLSTATE code, and where in the query, if it says. */
interface ServerError {
  readonly message: string;
  readonly code?: string;
  readonly position?: string;
  readonly hint?: string;
  readonly detail?: string;
}

/** Where a server's error is in the query: line and column of its 1-based character position. */
function placeIn(query: string, position: string | undefined): string | undefined {
  const at = Number(position);
  if (!Number.isInteger(at) || at < 1) return undefined;
  const before = [...query].slice(0, at - 1).join("");
  const lines = before.split(/\r\n|\r|\n/);
  return `line ${lines.length}, column ${(lines[lines.length - 1] as string).length + 1}`;
}

// What each column's type makes of its text: the types whose text says when, and everything else as text.
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;

const INSTANT = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/;

/** Milliseconds of a fraction of a second written with up to six digits, truncated (as the engine reads ISO times). */
const millis = (fraction: string | undefined) => (fraction === undefined ? 0 : Number(`${fraction}00`.slice(0, 3)));

const isDigit = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Whether `text` begins `YYYY-MM-DD` (a year of four digits: no BC, no year 10000, no infinity). */
function isDay(text: string): boolean {
  return (
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    isDigit(text, 0) &&
    isDigit(text, 1) &&
    isDigit(text, 2) &&
    isDigit(text, 3) &&
    isDigit(text, 5) &&
    isDigit(text, 6) &&
    isDigit(text, 8) &&
    isDigit(text, 9)
  );
}

/**
 * A `timestamp`'s text, `YYYY-MM-DD HH:MM:SS[.ffffff]`, as a wall time `YYYY-MM-DDTHH:MM:SS.sss`; undefined for
 * anything else (infinity, a BC date, a year past 9999). Read by character codes: a regular expression's captures
 * were most of what a row of four times allocated.
 */
function wallOf(text: string): string | undefined {
  const n = text.length;
  if (n < 19 || n > 26 || (n > 19 && (n === 20 || text.charCodeAt(19) !== 46)) || !isDay(text)) return undefined;
  if (text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  for (const i of [11, 12, 14, 15, 17, 18]) if (!isDigit(text, i)) return undefined;
  for (let i = 20; i < n; i++) if (!isDigit(text, i)) return undefined;
  const ms = n === 19 ? "000" : n === 21 ? `${text[20]}00` : n === 22 ? `${text.slice(20, 22)}0` : text.slice(20, 23);
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${ms}`;
}

type Cell = (text: string) => unknown;

/** How a column's cells are read, by the column's type: undefined for text. */
function cellOf(field: FieldDescription): Cell | undefined {
  const unreadable = (text: string) =>
    new CellProblem(cli.dbUnreadableTime(field.name, text), { code: "time_out_of_range" });
  if (field.dataTypeID === TIMESTAMPTZ) {
    // The session's DateStyle is ISO: 2026-03-29 00:30:00.123456+00, or -00:01:15 for a zone's old local mean time.
    return (text) => {
      const m = INSTANT.exec(text);
      if (m === null) return unreadable(text);
      const [, y, mo, d, h, mi, s, fraction, sign, oh, om, os] = m as unknown as string[];
      const at = new Date(0);
      at.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
      at.setUTCHours(Number(h), Number(mi), Number(s), millis(fraction));
      const offset = ((Number(oh) * 60 + Number(om ?? 0)) * 60 + Number(os ?? 0)) * 1000;
      return new Date(at.getTime() - (sign === "-" ? -offset : offset));
    };
  }
  if (field.dataTypeID === TIMESTAMP) {
    return (text) => {
      const wall = wallOf(text);
      return wall === undefined ? unreadable(text) : new WallTime(wall);
    };
  }
  if (field.dataTypeID === DATE)
    return (text) => (text.length === 10 && isDay(text) ? new WallTime(text) : unreadable(text));
  return undefined;
}

/** An opened query: its name in the account, its rows, and its identity once they are read. */
export interface OpenQuery {
  readonly name: string;
  readonly rows: AsyncGenerator<RawRow[]>;
  /** The input's identity (the database, the query and every row read), once the rows have all been read. */
  source(): Promise<{ name: string; sha256: string }>;
}

/**
 * Connects, opens the read-only transaction (statement timeout, the charter's zone, ISO
 * dates) and starts the query; its rows are fetched as they are read.
 *
 * @throws Failure for a missing driver, a connection that fails (the server's message, the
 *   URL without its password) or a time zone the server does not know.
 */
export async function openQuery(input: DatabaseInput, timeZone: string): Promise<OpenQuery> {
  const { pg, QueryStream } = await load();
  const scrub = (text: string) => clear(text, input.secrets);
  let client: PgClient;
  try {
    client = new pg.Client({
      connectionString: input.url,
      application_name: "council-sla",
      connectionTimeoutMillis: Math.min(CONNECT_TIMEOUT_MS, input.timeoutMs),
    });
  } catch (error) {
    throw new Failure(cli.dbConnect(input.shown, scrub((error as Error).message)));
  }
  // No password in the URL or PGPASSWORD: .pgpass, read only if the server asks for one.
  let noPassword = false;
  if (client.password === null || client.password === undefined || client.password === "") {
    client.password = async (params) => {
      const found = await fromPgpass(params);
      if (found === undefined) noPassword = true;
      return found ?? "";
    };
  }
  let lost: Error | undefined;
  client.on("error", (error) => {
    // The connection broke while idle (the server went away): the next read says so.
    lost = error;
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const e = error as ServerError;
    // Asked for a password, and none was found: whatever the server or the driver then said, that is why.
    throw new Failure(noPassword ? cli.dbNoPassword(input.shown) : cli.dbConnect(input.shown, scrub(e.message)));
  }
  const name = client.database ?? "database";
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(
      "SELECT set_config('statement_timeout', $1, true), set_config('DateStyle', 'ISO, YMD', true), set_config('IntervalStyle', 'postgres', true)",
      [String(input.timeoutMs)],
    );
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Failure(cli.dbQuery(name, scrub((error as ServerError).message), undefined));
  }
  try {
    await client.query("SELECT set_config('TimeZone', $1, true)", [timeZone]);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Failure(cli.dbZone(name, timeZone, scrub((error as ServerError).message)));
  }
  // From the moment the query is sent, the first Ctrl-C cancels it on the server (a second
  // one ends the command as usual); rows() removes the handler when the rows are done.
  let cancelled = false;
  const onInterrupt = () => {
    cancelled = true;
    cancelOnServer(pg, client);
  };
  process.once("SIGINT", onInterrupt);
  const stream = client.query(
    new QueryStream(input.query, [], {
      rowMode: "array",
      batchSize: BATCH_ROWS,
      // Every value as the server's text: the columns' types are read here, by cellOf.
      types: { getTypeParser: () => (text: string) => text },
    }),
  );
  const hash = createHash("sha256");
  hash.update(`postgresql\u0000${client.host}:${client.port}/${name}\u0000${input.query}\u0000`);
  let digest: string | undefined;

  /** What went wrong, in words: a cancel, the timeout, the server's message and where, or a lost connection. */
  const failure = (error: unknown): Failure => {
    if (error instanceof Failure) return error;
    if (cancelled) return new Cancelled(cli.dbCancelled(name));
    const e = error as ServerError;
    // 57014 is any cancelled statement: by the timeout, or by someone else's pg_cancel_backend (whose words say so).
    if (e.code === "57014" && /statement timeout/.test(e.message))
      return new Failure(cli.dbTimeout(name, input.timeout));
    const hint = e.hint === undefined ? "" : ` (${e.hint})`;
    return new Failure(cli.dbQuery(name, scrub(`${e.message}${hint}`), placeIn(input.query, e.position)));
  };

  async function* rows(): AsyncGenerator<RawRow[]> {
    try {
      let cells: (Cell | undefined)[] | undefined;
      let position = 0;
      const header = (): RawRow[] => {
        const fields = stream._result.fields;
        cells = fields.map(cellOf);
        const names = fields.map((f) => f.name);
        hash.update(`${names.join("\u0000")}\u0000${fields.map((f) => f.dataTypeID).join(",")}\u0000`);
        return [{ line: 0, header: names }];
      };
      for await (const batch of batchesOf(stream)) {
        if (cancelled) throw new Cancelled(cli.dbCancelled(name));
        if (lost !== undefined) throw lost;
        const out: RawRow[] = cells === undefined ? header() : [];
        const kinds = cells as (Cell | undefined)[];
        // The rows' identity: each cell as the server wrote it (=text, or ! for NULL, which no text can be mistaken
        // for), after a NUL (the one character text in PostgreSQL cannot hold). One string a batch: concatenated, it
        // cost 0.6 of an array joined.
        let seen = "";
        for (const row of batch) {
          position++;
          for (let i = 0; i < row.length; i++) {
            const text = row[i] as string | null;
            if (text === null) {
              seen += "\u0000!";
              row[i] = "";
              continue;
            }
            seen += `\u0000=${text}`;
            const cell = kinds[i];
            if (cell !== undefined) row[i] = cell(text);
          }
          out.push({ line: position, cells: row });
        }
        hash.update(seen);
        yield out;
      }
      if (cancelled) throw new Cancelled(cli.dbCancelled(name));
      // A result with no rows has its header all the same: a report of nothing.
      if (cells === undefined) yield header();
      digest = hash.digest("hex");
      // Nothing was written (nothing could be): the transaction ends as it began.
      await client.query("ROLLBACK");
    } catch (error) {
      throw failure(error);
    } finally {
      process.removeListener("SIGINT", onInterrupt);
      stream.destroy();
      await client.end().catch(() => undefined);
    }
  }

  return {
    name,
    rows: rows(),
    source: async () => ({ name, sha256: digest ?? "" }),
  };
}

/** The rows a stream holds, a batch at a time: what it has buffered (the driver fetches the next batch as it is read). */
async function* batchesOf(stream: QueryStream): AsyncGenerator<unknown[][]> {
  let ended = false;
  let error: Error | undefined;
  let wake: () => void = () => undefined;
  stream.on("readable", () => wake());
  stream.on("end", () => {
    ended = true;
    wake();
  });
  stream.on("error", (e) => {
    error = e;
    wake();
  });
  for (;;) {
    const batch: unknown[][] = [];
    for (let row = stream.read(); row !== null; row = stream.read()) batch.push(row);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (error !== undefined) throw error;
    if (ended || stream.readableEnded) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}
