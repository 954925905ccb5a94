// Contacts straight from PostgreSQL (`report --db URL --query SQL`), through the built command against a real server:
// the report from a table is the report from the same rows as CSV; every kind of time a database holds is read as
// it means; only one SELECT or WITH is ever sent, in a read-only transaction with a timeout; errors are the
// server's words, exit 2, no stack trace; the password is never printed; Ctrl-C cancels the query on the server; a
// million rows keep the heap flat. The query checker's own cases need no server and always run.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { redactUrl } from "../src/cli/input/db.js";
import { checkQuery } from "../src/cli/input/sql.js";
import { noServer, type Server, server, urlOf } from "./postgres.js";
import { scratchDir } from "./support.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const PEAK = new URL("../bench/peak-memory.cjs", import.meta.url).pathname;
const EXAMPLES = new URL("../examples/", import.meta.url).pathname;
const dir = scratchDir("council-sla-database-");
const NOW = "2027-01-31T23:59";

beforeAll(() => {
  // npm test builds first; a bare `vitest run` builds here when dist is missing.
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
}, 120_000);

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("the query is one SELECT or WITH, checked before it is sent", () => {
  test.each([
    ["SELECT * FROM contacts"],
    ["select id, channel from contacts;"],
    ["  -- this month's contacts\n  SELECT * FROM contacts ;  \n -- the end"],
    ["/* a /* nested */ comment */ WITH recent AS (SELECT * FROM contacts) SELECT * FROM recent"],
    ["(SELECT 1 AS a) UNION (SELECT 2)"],
    ["SELECT ';' AS a, 'it''s; DROP TABLE x' AS b, E'\\'; DELETE' AS c"],
    ['SELECT 1 AS "a;b", $$ ; DELETE FROM x; $$ AS d, $tag$ $$ ; $tag$ AS e'],
    ["SELECT * FROM contacts WHERE id = $1"],
  ])("accepts %j", (sql) => {
    expect(() => checkQuery(sql, "--query")).not.toThrow();
  });

  test.each([
    ["", /--query holds no statement/],
    ["  -- only a comment\n", /--query holds no statement/],
    ["DELETE FROM contacts", /must be one SELECT or WITH statement, got DELETE/],
    ["update contacts set channel = 'email'", /got UPDATE/],
    ["INSERT INTO contacts VALUES (1)", /got INSERT/],
    ["DROP TABLE contacts", /got DROP/],
    ["COPY contacts TO '/tmp/x'", /got COPY/],
    ["TABLE contacts", /got TABLE/],
    ["EXPLAIN ANALYZE DELETE FROM contacts", /got EXPLAIN/],
    ["/* SELECT */ DELETE FROM contacts", /got DELETE/],
    ["-- SELECT\nDELETE FROM contacts", /got DELETE/],
    ["SELECT 1; DELETE FROM contacts", /holds 2 statements/],
    ["SELECT 1;;SELECT 2;", /holds 2 statements/],
    ["SELECT 'unclosed", /a quoted string \('\) that is not closed/],
    ['SELECT "unclosed', /a quoted identifier .* not closed/],
    ["SELECT 1 /* unclosed", /a \/\* comment that is not closed/],
    ["SELECT $x$ unclosed", /a dollar-quoted string \(\$x\$\) that is not closed/],
  ])("refuses %j", (sql, message) => {
    expect(() => checkQuery(sql, "--query")).toThrow(message);
  });
});

describe("a URL is shown without its password, however it is written", () => {
  test.each([
    ["postgresql://reader:Hunter2@db.example:5432/crm", "postgresql://reader@db.example:5432/crm", ["Hunter2"]],
    ["postgresql://u:S3cr%3At%40@db.example/crm", "postgresql://u@db.example/crm", ["S3cr%3At%40", "S3cr:t@"]],
    ["postgresql://u:p@ss@db.example/crm", "postgresql://u@db.example/crm", ["p@ss"]],
    [
      "postgresql://u:pw@/council?host=%2Ftmp%2Fsocket&port=5433",
      "postgresql://u@/council?host=%2Ftmp%2Fsocket&port=5433",
      ["pw"],
    ],
    [
      "postgres://u@db.example/crm?sslmode=require&password=pw1&sslpassword=pw2",
      "postgres://u@db.example/crm?sslmode=require",
      ["pw1", "pw2"],
    ],
    ["postgresql://u:p?w@db.example/crm", "postgresql://… (not shown: it cannot be read as a URL)", ["p?w"]],
    ["postgresql:///crm", "postgresql:///crm", []],
  ])("%s is shown as %s", (url, shown, secrets) => {
    const redacted = redactUrl(url);
    expect(redacted.shown).toBe(shown);
    for (const secret of secrets) {
      expect(redacted.secrets).toContain(secret);
      expect(redacted.shown).not.toContain(secret);
    }
  });
});

describe("options of --db, refused by name before anything is sent", () => {
  // A socket directory that does not exist: were anything sent, the error would be a connection's.
  const URL = "postgresql://reader:Hunter2Secret@/council?host=/nonexistent-council-sla";
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync(process.execPath, [CLI, "report", "--charter", "copeland", "--now", NOW, ...args], {
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    return { status: r.status, out: r.stdout, err: r.stderr };
  };
  test.each([
    ["a DELETE", ["--db", URL, "--query", "DELETE FROM contacts"], /got DELETE: the command only reads/],
    ["two statements", ["--db", URL, "--query", "SELECT 1; DROP TABLE contacts"], /holds 2 statements/],
    ["a file and --db", ["--db", URL, "--query", "SELECT 1", "contacts.csv"], /either a CONTACTS file or a database/],
    ["--db and --db-env", ["--db", URL, "--db-env", "X", "--query", "SELECT 1"], /--db and --db-env both/],
    ["--query without --db", ["--query", "SELECT 1", "contacts.csv"], /--query reads from a database/],
    ["--db-timeout without --db", ["--db-timeout", "1s", "x.csv"], /--db-timeout reads from a database/],
    ["--db without a query", ["--db", URL], /--db needs the query/],
    ["--query and --query-file", ["--db", URL, "--query", "SELECT 1", "--query-file", "q.sql"], /both give the query/],
    ["--delimiter with --db", ["--db", URL, "--query", "SELECT 1", "--delimiter", ";"], /--delimiter is an option of/],
    ["a bad --db-timeout", ["--db", URL, "--query", "SELECT 1", "--db-timeout", "10"], /--db-timeout must be a dur/],
    ["a missing --query-file", ["--db", URL, "--query-file", join(dir, "none.sql")], /none\.sql: no such file/],
    ["an unset --db-env", ["--db-env", "COUNCIL_SLA_NO_SUCH_VARIABLE", "--query", "SELECT 1"], /is not set/],
    [
      "a MySQL URL",
      ["--db", "mysql://reader:Hunter2Secret@db.example/crm", "--query", "SELECT 1"],
      /must be a PostgreSQL URL.*"mysql:\/\/reader@db\.example\/crm".*not yet supported/,
    ],
  ])("%s", (_name, args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain("Hunter2Secret");
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("a query file holding a DELETE is refused the same way", () => {
    const path = file("delete.sql", "-- tidy up\nDELETE FROM contacts;\n");
    const r = run(["--db", URL, "--query-file", path]);
    expect([r.status, r.err]).toEqual([
      2,
      `council-sla: --query-file ${path} must be one SELECT or WITH statement, got DELETE: the command only reads, and refuses anything else before sending it\n`,
    ]);
  });
});

const MAP = {
  columns: {
    id: "ref",
    receivedAt: "received_at",
    answeredAt: "answered_at",
    attendedAt: "attended_at",
    acknowledgedAt: "acknowledged_at",
    respondedAt: "responded_at",
    voicemailAt: "voicemail_at",
    abandonedAt: "abandoned_at",
    promisedBy: "promised_by",
  },
  ignore: ["n"],
};

/** The table `million`'s columns on the command line, and a report as JSON. */
const MILLION_JSON = [
  ...[
    "receivedAt=received_at",
    "answeredAt=answered_at",
    "acknowledgedAt=acknowledged_at",
    "respondedAt=responded_at",
  ].flatMap((m) => ["--map", m]),
  "--ignore",
  "n",
  "--format",
  "json",
];

describe.skipIf(server === undefined)(
  `against a real PostgreSQL server${server === undefined ? `: skipped, ${noServer}` : ""}`,
  () => {
    const s = server as Server;
    const url = urlOf(s);
    const mapFile = file("map.json", JSON.stringify(MAP));
    const env = { PGPASSWORD: s.password, PGPASSFILE: join(dir, "no-pgpass") };

    /** `council-sla report` on the server: its status, output and errors. */
    function report(
      args: string[],
      options: { env?: Record<string, string | undefined>; charter?: string; db?: string[] } = {},
    ) {
      const r = spawnSync(
        process.execPath,
        [
          CLI,
          "report",
          "--charter",
          options.charter ?? "copeland",
          "--now",
          NOW,
          ...(options.db ?? ["--db", url]),
          ...args,
        ],
        { encoding: "utf8", env: environment(options.env), maxBuffer: 1 << 26 },
      );
      return { status: r.status, out: r.stdout, err: r.stderr };
    }

    /** The child's environment: this one's, the server's password, and `extra` (where undefined removes a variable). */
    function environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
      const out: NodeJS.ProcessEnv = { ...process.env, ...env };
      for (const [name, value] of Object.entries(extra)) {
        if (value === undefined) delete out[name];
        else out[name] = value;
      }
      return out;
    }

    /** The same report of a CSV file. */
    function reportFile(path: string, args: string[], charter = "copeland") {
      const r = spawnSync(process.execPath, [CLI, "report", "--charter", charter, "--now", NOW, ...args, path], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
      });
      return { status: r.status, out: r.stdout, err: r.stderr };
    }

    /** A partial report without its sources, each first line as a row's position (a CSV's line less its header's). */
    function comparable(json: string): unknown {
      const report = JSON.parse(json) as { input: Record<string, unknown> };
      delete report.input.sources;
      return JSON.parse(
        JSON.stringify(report).replace(/"[^"]*?\.csv:(\d+)"/g, (_m, line) => `"${Number(line) - 1}"`),
        (_key, value) => (typeof value === "string" && /^council:\d+$/.test(value) ? value.slice(8) : value),
      );
    }

    let admin: pg.Client;
    beforeAll(async () => {
      admin = new pg.Client({
        host: s.host,
        port: s.port,
        database: s.database,
        user: s.admin,
        password: s.adminPassword,
      });
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.end();
    });

    describe("the same report as the CSV export of the same rows", () => {
      test.each(["copeland", "colchester", "norwich", "dartford", "kawartha-lakes"])(
        "%s: the sample contacts as a table give the report of examples/%s.csv, every figure and the account",
        (charter) => {
          const table = `contacts_${charter.replace("-", "_")}`;
          const db = report(
            ["--query", `SELECT * FROM ${table} ORDER BY n`, "--map-file", mapFile, "--format", "json"],
            {
              charter,
            },
          );
          const csv = reportFile(join(EXAMPLES, `${charter}.csv`), ["--format", "json"], charter);
          expect([db.status, db.err]).toEqual([0, ""]);
          expect(csv.status).toBe(0);
          expect(comparable(db.out)).toEqual(comparable(csv.out));
          expect(JSON.parse(db.out).input.read).toBe(3000);
        },
      );

      test("by quarter, as CSV and as the public page's Markdown, byte for byte; --jobs 2 as --jobs 1", () => {
        const query = ["--query", "SELECT * FROM contacts_dartford ORDER BY n", "--map-file", mapFile];
        for (const format of [
          ["--format", "csv"],
          ["--format", "md"],
        ]) {
          const db = report([...query, "--by", "quarter", ...format], { charter: "dartford" });
          const csv = reportFile(join(EXAMPLES, "dartford.csv"), ["--by", "quarter", ...format], "dartford");
          expect(db.status).toBe(0);
          expect(db.out).toBe(csv.out);
          expect(db.out.length).toBeGreaterThan(500);
        }
        const one = report([...query, "--format", "json"], { charter: "dartford" });
        const two = report([...query, "--format", "json", "--jobs", "2"], { charter: "dartford" });
        expect(two.out).toBe(one.out);
      });

      test("60,000 rows with --jobs 2 (worker threads): the report of --jobs 1, byte for byte", () => {
        const query = ["--query", "SELECT * FROM million WHERE n < 60000 ORDER BY n", ...MILLION_JSON];
        const one = report(query);
        const two = report([...query, "--jobs", "2"]);
        expect(one.status).toBe(0);
        expect(two.out).toBe(one.out);
        expect(JSON.parse(one.out).input.read).toBe(60_000);
      }, 60_000);

      test("under another host zone (Pacific/Chatham), the same report", () => {
        const query = [
          "--query",
          "SELECT * FROM contacts_copeland ORDER BY n",
          "--map-file",
          mapFile,
          "--format",
          "json",
        ];
        const here = report(query);
        const chatham = report(query, { env: { TZ: "Pacific/Chatham" } });
        expect(chatham.out).toBe(here.out);
      });
    });

    describe("each kind of time as it means, and every row accounted for", () => {
      /** The receipts of the worst breaches (every row here is one: letters never answered), in row order. */
      const receipts = (out: string) =>
        (JSON.parse(out) as { rows: { standardId: string; worst: { contactId: string; receivedAt: string }[] }[] }).rows
          .find((r) => r.standardId === "letter.respond")
          ?.worst.map((w) => `${w.contactId} ${w.receivedAt}`)
          .sort();
      const letters = (column: string) => [
        "--query",
        `SELECT ref AS id, 'letter' AS channel, ${column} AS "receivedAt" FROM typed ORDER BY n`,
        "--format",
        "json",
      ];
      const expected = [
        "T-1 2026-03-27T09:00:00.000+00:00",
        "T-2 2026-03-29T00:30:00.123+00:00",
        "T-3 2026-03-30T09:00:00.000+01:00",
        "T-4 2026-03-30T09:00:00.000+01:00",
      ];

      test("a timestamptz is the instant it holds (microseconds truncated to milliseconds, any offset)", () => {
        const r = report(letters("received_instant"));
        expect(r.status).toBe(0);
        expect(receipts(r.out)).toEqual(expected);
      });

      test("a timestamp is a wall time in the charter's zone, as text is, and as a CSV's time is", () => {
        const wall = report(letters("received_wall"));
        const text = report(letters("received_text"));
        const csv = reportFile(
          file(
            "typed.csv",
            "id,channel,receivedAt\nT-1,letter,2026-03-27 09:00:00\nT-2,letter,2026-03-29 00:30:00.123456\nT-3,letter,2026-03-30 09:00\nT-4,letter,2026-03-30T09:00\n",
          ),
          ["--format", "json"],
        );
        expect(receipts(wall.out)).toEqual(expected);
        expect(receipts(text.out)).toEqual(expected);
        expect(comparable(wall.out)).toEqual(comparable(csv.out));
      });

      test("the session's zone is the charter's: a literal or a cast to text means what it means in a file", () => {
        const received = (charter: string, value: string) =>
          receipts(
            report(["--query", `SELECT 'L' AS id, 'letter' AS channel, ${value} AS "receivedAt"`, "--format", "json"], {
              charter,
            }).out,
          );
        // A literal without an offset is a wall time in the charter's zone: 09:00 in Toronto, 09:00 in London.
        const literal = "timestamptz '2026-03-30 09:00'";
        expect(received("kawartha-lakes", literal)).toEqual(["L 2026-03-30T09:00:00.000-04:00"]);
        expect(received("copeland", literal)).toEqual(["L 2026-03-30T09:00:00.000+01:00"]);
        // An instant cast to text is written in the charter's zone, offset included: the same instant either way.
        const text = "(timestamptz '2026-03-30 13:00:00+00')::text";
        expect(received("kawartha-lakes", text)).toEqual(["L 2026-03-30T09:00:00.000-04:00"]);
        expect(received("copeland", text)).toEqual(["L 2026-03-30T14:00:00.000+01:00"]);
      });

      test("a date is a date, as in a file: a promise by 17 April 2026 lasts to the end of that day", () => {
        const query = [
          "--query",
          `SELECT ref AS id, channel, received_wall AS "receivedAt", acknowledged_wall AS "acknowledgedAt",
                  responded_wall AS "respondedAt", promised_by AS "promisedBy" FROM typed WHERE n = 3`,
          "--format",
          "json",
        ];
        const db = report(query);
        const csv = reportFile(
          file(
            "promise.csv",
            "id,channel,receivedAt,acknowledgedAt,respondedAt,promisedBy\nT-3,email,2026-03-30 09:00,2026-03-30 10:00,2026-04-17 16:00,2026-04-17\n",
          ),
          ["--format", "json"],
        );
        expect(db.status).toBe(0);
        expect(comparable(db.out)).toEqual(comparable(csv.out));
      });

      test("--date-format reads text columns; typed columns are read by their type", () => {
        const r = report([
          "--query",
          `SELECT ref AS id, 'letter' AS channel, to_char(received_wall, 'DD/MM/YYYY HH24:MI:SS.MS') AS "receivedAt",
                  responded_wall AS "respondedAt" FROM typed ORDER BY n`,
          "--date-format",
          "dd/MM/yyyy HH:mm:ss.SSS",
          "--format",
          "json",
        ]);
        const plain = report([
          "--query",
          `SELECT ref AS id, 'letter' AS channel, received_wall AS "receivedAt", responded_wall AS "respondedAt"
           FROM typed ORDER BY n`,
          "--format",
          "json",
        ]);
        expect([r.status, r.err]).toEqual([0, ""]);
        expect(comparable(r.out)).toEqual(comparable(plain.out));
      });

      test("a time no report can use (infinity, BC, the year 10000) is its row's located skip, and reading goes on", () => {
        const r = report([
          "--query",
          `SELECT ref AS id, channel, received_instant AS "receivedAt" FROM unreadable ORDER BY n`,
        ]);
        expect(r.status).toBe(1);
        expect(r.err.split("\n").slice(0, 3)).toEqual([
          'council:2: skipped: the column "receivedAt" holds "infinity", not a time from the year 1 to 9999',
          'council:3: skipped: the column "receivedAt" holds "10000-01-01 00:00:00+00", not a time from the year 1 to 9999',
          expect.stringMatching(/^council:4: skipped: the column "receivedAt" holds "0044-03-1\d .* BC", not a time/),
        ]);
        const json = JSON.parse(
          report([
            "--query",
            `SELECT ref AS id, channel, received_wall AS "receivedAt" FROM unreadable ORDER BY n`,
            "--max-skipped",
            "3",
            "--format",
            "json",
          ]).out,
        );
        expect(json.input).toMatchObject({
          read: 5,
          judged: 2,
          skipped: {
            total: 3,
            reasons: [
              {
                reason: "time outside the years 1 to 9999",
                code: "time_out_of_range",
                count: 3,
                first: ["council:2", "council:3", "council:4"],
              },
            ],
          },
        });
      });

      test("a NULL is an empty cell; a query with no rows (a quiet month) is a report of nothing, exit 0", () => {
        const quiet = report([
          "--query",
          "SELECT * FROM contacts_copeland WHERE received_at > '2099-01-01' ORDER BY n",
          "--map-file",
          mapFile,
          "--format",
          "json",
        ]);
        expect([quiet.status, quiet.err]).toEqual([0, ""]);
        expect(JSON.parse(quiet.out).input).toMatchObject({ read: 0, judged: 0, skipped: { total: 0 } });
      });

      test("the query's columns are a header: a missing or repeated one stops with one message, exit 2", () => {
        const missing = report(["--query", "SELECT ref AS id, channel FROM typed"]);
        expect([missing.status, missing.err]).toEqual([
          2,
          'council-sla: council: missing the required column "receivedAt". Columns found: "id", "channel". Map a column with --map FIELD=COLUMN.\n',
        ]);
        const twice = report(["--query", `SELECT channel, channel, received_wall AS "receivedAt" FROM typed`]);
        expect(twice.status).toBe(2);
        expect(twice.err).toMatch(/the column "channel" appears more than once/);
      });
    });

    describe("identity and merge", () => {
      const part = (where: string) =>
        report(
          [
            "--query",
            `SELECT * FROM contacts_dartford WHERE ${where} ORDER BY n`,
            "--map-file",
            mapFile,
            "--format",
            "json",
          ],
          { charter: "dartford" },
        );

      test("each input is the database, the query and the rows read: merge refuses one twice, and sums partitions", () => {
        const first = part("n <= 1500");
        const again = part("n <= 1500");
        const second = part("n > 1500");
        const source = JSON.parse(first.out).input.sources;
        expect(source).toEqual([{ name: "council", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
        expect(JSON.parse(again.out).input.sources).toEqual(source);
        expect(JSON.parse(second.out).input.sources[0].sha256).not.toBe(source[0].sha256);
        const a = file("first.json", first.out);
        const b = file("again.json", again.out);
        const c = file("second.json", second.out);
        const twice = spawnSync(process.execPath, [CLI, "merge", a, b], { encoding: "utf8" });
        expect(twice.status).toBe(2);
        expect(twice.stderr).toMatch(
          /are both reports of the input council .*: merging them would count its rows twice/,
        );
        const merged = spawnSync(process.execPath, [CLI, "merge", a, c, "--format", "json"], { encoding: "utf8" });
        const whole = reportFile(join(EXAMPLES, "dartford.csv"), ["--format", "json"], "dartford");
        const strip = (json: string) => {
          const r = JSON.parse(json);
          delete r.input.sources;
          return r;
        };
        expect(merged.status).toBe(0);
        expect(strip(merged.stdout).rows).toEqual(strip(whole.out).rows);
      });
    });

    describe("errors are the server's words, exit 2, and the password is never printed", () => {
      test("a missing table: the server's message and where in the query", () => {
        const r = report(["--query", "SELECT *\nFROM contactz"]);
        expect([r.status, r.out, r.err]).toEqual([
          2,
          "",
          'council-sla: council: the query failed: relation "contactz" does not exist (at line 2, column 6 of the query)\n',
        ]);
      });

      test("a wrong password: the server's refusal, with the URL shown without its password", () => {
        const wrong = "Wr0ng-Pa55word";
        const r = report(["--query", "SELECT 1"], { env: { PGPASSWORD: wrong } });
        expect(r.status).toBe(2);
        expect(r.err).toBe(
          `council-sla: cannot connect to ${url}: password authentication failed for user "${s.user}"\n`,
        );
        const inUrl = report(["--query", "SELECT 1"], {
          db: ["--db", urlOf(s, { password: wrong })],
          env: { PGPASSWORD: "" },
        });
        expect(inUrl.status).toBe(2);
        expect(`${inUrl.out}${inUrl.err}`).not.toContain(wrong);
        expect(inUrl.err).toContain(`cannot connect to ${url}: password authentication failed`);
      });

      test("no password anywhere: says where one can be given", () => {
        const r = report(["--query", "SELECT 1"], { env: { PGPASSWORD: "" } });
        expect(r.status).toBe(2);
        expect(r.err).toMatch(/the server asks for a password and none was given: set PGPASSWORD, add the database to/);
      });

      test("the PG* variables fill in what the URL leaves out: host, port, user and database", () => {
        const r = report(["--query", `SELECT ref AS id, channel, received_wall AS "receivedAt" FROM typed`], {
          db: ["--db", "postgresql://"],
          env: { PGHOST: s.host, PGPORT: String(s.port), PGUSER: s.user, PGDATABASE: s.database },
        });
        expect([r.status, r.err]).toEqual([0, ""]);
        expect(r.out).toContain("4 rows read, 4 judged, 0 skipped");
      });

      test("a database that does not exist, and a server that is not there", () => {
        const db = report(["--query", "SELECT 1"], { db: ["--db", urlOf(s, { database: "nowhere" })] });
        expect(db.status).toBe(2);
        expect(db.err).toMatch(/cannot connect to .*: database "nowhere" does not exist/);
        const none = report(["--query", "SELECT 1"], {
          db: ["--db", "postgresql://x@/council?host=/nonexistent-council-sla"],
        });
        expect(none.status).toBe(2);
        expect(none.err).toMatch(
          /^council-sla: cannot connect to postgresql:\/\/x@\/council\?host=%2Fnonexistent-council-sla: connect ENOENT/,
        );
      });

      test("a password with URL characters, in the URL, in the environment or in .pgpass: read, and never printed", async () => {
        const password = "S3cr:t@/pa%ss w0rd";
        const role = `council_special_${process.pid}`;
        await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
        await admin.query(`GRANT SELECT ON contacts_copeland, typed TO ${role}`);
        try {
          await neverPrinted(password, role);
        } finally {
          await admin.query(`DROP OWNED BY ${role}`);
          await admin.query(`DROP ROLE ${role}`);
        }
      }, 60_000);

      async function neverPrinted(password: string, role: string) {
        const withPassword = urlOf(s, { user: role, password });
        const query = ["--query", "SELECT * FROM contacts_copeland ORDER BY n", "--map-file", mapFile];
        const outputs: string[] = [];
        const ok = (r: { status: number | null; out: string; err: string }) => {
          outputs.push(r.out, r.err);
          expect([r.status, r.err]).toEqual([0, ""]);
        };
        for (const format of ["table", "json", "csv", "md", "html"])
          ok(report([...query, "--format", format], { db: ["--db", withPassword], env: { PGPASSWORD: "" } }));
        ok(
          report([...query, "--format", "json"], {
            db: ["--db-env", "COUNCIL_DB"],
            env: { COUNCIL_DB: withPassword, PGPASSWORD: "" },
          }),
        );
        const pgpass = join(dir, "pgpass");
        writeFileSync(pgpass, `*:*:*:${role}:${password.replace(/\\/g, "\\\\").replace(/:/g, "\\:")}\n`);
        chmodSync(pgpass, 0o600);
        ok(
          report([...query, "--format", "json"], {
            db: ["--db", urlOf(s, { user: role })],
            env: { PGPASSWORD: undefined, PGPASSFILE: pgpass },
          }),
        );
        // Errors: a query error, a connection error, a refused query, with the password in the URL.
        for (const args of [
          ["--query", "SELECT * FROM contactz"],
          ["--query", "SELECT * FROM typed"],
          ["--query", "DELETE FROM typed"],
        ]) {
          const r = report(args, { db: ["--db", withPassword], env: { PGPASSWORD: "" } });
          outputs.push(r.out, r.err);
          expect(r.status).toBe(2);
        }
        const nowhere = report(["--query", "SELECT 1"], {
          db: ["--db", urlOf(s, { user: role, password, database: "nowhere" })],
        });
        outputs.push(nowhere.out, nowhere.err);
        expect(nowhere.err).toContain(`cannot connect to postgresql://${role}@/nowhere`);
        const all = outputs.join("\n");
        expect(all.length).toBeGreaterThan(10_000);
        for (const form of [password, encodeURIComponent(password), "S3cr"]) expect(all).not.toContain(form);
      }
    });

    describe("read-only, with a timeout, and cancelled by Ctrl-C", () => {
      test("a WITH that deletes is refused by the server's read-only transaction, even for the tables' owner", async () => {
        const before = await admin.query("SELECT count(*)::int AS n FROM typed");
        const r = report(["--query", "WITH gone AS (DELETE FROM typed RETURNING *) SELECT * FROM gone"], {
          db: ["--db", urlOf(s, { user: s.admin })],
          env: { PGPASSWORD: s.adminPassword },
        });
        // The server names the statement (a SELECT, whose WITH deletes).
        expect([r.status, r.err]).toEqual([
          2,
          "council-sla: council: the query failed: cannot execute SELECT in a read-only transaction\n",
        ]);
        const after = await admin.query("SELECT count(*)::int AS n FROM typed");
        expect(after.rows).toEqual(before.rows);
      });

      test("a SELECT cannot make the transaction read-write, nor write a table with SELECT INTO", () => {
        const readWrite = report(["--query", "SELECT set_config('transaction_read_only', 'off', true)"], {
          db: ["--db", urlOf(s, { user: s.admin })],
          env: { PGPASSWORD: s.adminPassword },
        });
        expect(readWrite.status).toBe(2);
        expect(readWrite.err).toMatch(/transaction read-write mode must be set before any query/);
        const into = report(["--query", "SELECT * INTO copied FROM typed"], {
          db: ["--db", urlOf(s, { user: s.admin })],
          env: { PGPASSWORD: s.adminPassword },
        });
        expect(into.status).toBe(2);
        expect(into.err).toMatch(/cannot execute SELECT INTO in a read-only transaction/);
      });

      test("--db-timeout: the server stops a query that runs longer, exit 2", () => {
        const r = report(["--query", "SELECT pg_sleep(5)", "--db-timeout", "300ms"]);
        expect([r.status, r.err]).toEqual([
          2,
          "council-sla: council: the server stopped the query after --db-timeout 300ms (which bounds the whole read, the last row's fetch included): give a longer --db-timeout, or a query that reads less\n",
        ]);
      });

      test("Ctrl-C cancels the query on the server: exit 130, and the server runs it no more", async () => {
        const marker = `council_sla_cancel_${process.pid}`;
        const child = spawn(
          process.execPath,
          [
            CLI,
            "report",
            "--charter",
            "copeland",
            "--now",
            NOW,
            "--db",
            url,
            "--query",
            `SELECT '${marker}' AS id, 'letter' AS channel, now() AS "receivedAt", pg_sleep(30)`,
          ],
          { env: { ...process.env, ...env } },
        );
        let err = "";
        child.stderr.on("data", (d) => {
          err += d;
        });
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        const running = async () =>
          (
            await admin.query(
              "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1",
              [`%'${marker}'%`],
            )
          ).rows[0].n as number;
        const deadline = Date.now() + 20_000;
        while ((await running()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(await running()).toBe(1);
        child.kill("SIGINT");
        const code = await exited;
        expect(code).toBe(130);
        expect(err).toBe(
          "council-sla: council: cancelled (Ctrl-C): the query was cancelled on the server, and no report was written\n",
        );
        expect(await running()).toBe(0);
      }, 30_000);
    });

    describe("memory", () => {
      test("a million rows keep the live heap flat: no more than 100,000 hold (wide margin), every row accounted", () => {
        const live = (limit: number) => {
          const r = spawnSync(
            process.execPath,
            [
              "--require",
              PEAK,
              CLI,
              "report",
              "--charter",
              "copeland",
              "--now",
              "2027-06-01",
              "--db",
              url,
              "--query",
              `SELECT * FROM million WHERE n < ${limit} ORDER BY n`,
              ...MILLION_JSON,
            ],
            { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 26 },
          );
          expect(r.status).toBe(0);
          expect(JSON.parse(r.stdout).input.read).toBe(limit);
          return (JSON.parse(/PEAK (.*)/.exec(r.stderr)?.[1] ?? "{}") as { liveMB: number }).liveMB;
        };
        const small = live(100_000);
        const large = live(1_000_000);
        expect(small).toBeGreaterThan(0);
        expect(large).toBeLessThan(small * 1.5 + 8);
      }, 180_000);
    });
  },
);
