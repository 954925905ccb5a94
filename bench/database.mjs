#!/usr/bin/env node
// `npm run bench:database`: `council-sla report --db` on a million rows of a PostgreSQL table against the same rows
// as CSV (the table written out by psql's \copy), in one run: each the built command in a fresh process, start-up
// included, taken in turn round after round (so that the ratio compares runs made under the same load on this shared
// machine; the best run of each is kept), the two reports checked to be the same; pg-query-stream alone on the same
// query (the driver's ceiling, nothing judged); the peak live heap from 100,000 to 1,000,000 rows. The server is the
// one .ci/run started (its COUNCIL_SLA_PG_* variables), or a throwaway cluster started here (scripts/pg-cluster.sh)
// and stopped at the end; it runs on the same two cores as the command. Writes the section "Database input" of
// bench/RESULTS.md with --write.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import QueryStream from "pg-query-stream";
import { writeSection } from "./results.mjs";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const PEAK = new URL("./peak-memory.cjs", import.meta.url).pathname;
const CLUSTER = new URL("../scripts/pg-cluster.sh", import.meta.url).pathname;
const N = Math.min(Number(process.env.ROWS ?? 1_000_000), 1_000_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const dir = mkdtempSync(join(tmpdir(), "council-sla-bench-db-"));
let env = process.env;
let cluster;
if (!env.COUNCIL_SLA_PG_HOST) {
  cluster = join(dir, "cluster");
  mkdirSync(cluster);
  const started = spawnSync("bash", [CLUSTER, "start", cluster], { encoding: "utf8" });
  if (started.status !== 0) {
    console.error(`could not start PostgreSQL: ${started.stderr.trim()}`);
    process.exit(1);
  }
  env = { ...process.env };
  for (const [, name, value] of started.stdout.matchAll(/^export (\w+)='?([^'\n]*)'?$/gm)) env[name] = value;
}
// The cluster and the CSV file (about 60 MB) go when the bench ends, however it ends.
process.on("exit", () => {
  if (cluster !== undefined) spawnSync("bash", [CLUSTER, "stop", cluster]);
  rmSync(dir, { recursive: true, force: true });
});
const server = {
  host: env.COUNCIL_SLA_PG_HOST,
  port: Number(env.COUNCIL_SLA_PG_PORT ?? 5432),
  database: env.COUNCIL_SLA_PG_DATABASE ?? "council",
  user: env.COUNCIL_SLA_PG_USER ?? "council_reader",
  password: env.COUNCIL_SLA_PG_PASSWORD ?? "",
};
const url = `postgresql://${server.user}@/${server.database}?host=${encodeURIComponent(server.host)}&port=${server.port}`;
const childEnv = { ...process.env, PGPASSWORD: server.password };
const query = (n) => `SELECT * FROM million WHERE n < ${n} ORDER BY n`;
const MAP = [
  ...[
    "receivedAt=received_at",
    "answeredAt=answered_at",
    "acknowledgedAt=acknowledged_at",
    "respondedAt=responded_at",
  ].flatMap((m) => ["--map", m]),
  "--ignore",
  "n",
];

/** psql: Debian's wrapper on the PATH, or the server's own. */
function psql() {
  if (spawnSync("psql", ["--version"]).status === 0) return "psql";
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  for (const v of versions)
    if (existsSync(`/usr/lib/postgresql/${v}/bin/psql`)) return `/usr/lib/postgresql/${v}/bin/psql`;
  throw new Error("no psql");
}
const csv = join(dir, "million.csv");
const copied = spawnSync(
  psql(),
  [
    "-X",
    "-q",
    "-h",
    server.host,
    "-p",
    String(server.port),
    "-U",
    server.user,
    "-d",
    server.database,
    "-c",
    `\\copy (${query(N)}) TO '${csv}' WITH (FORMAT csv, HEADER true)`,
  ],
  { env: childEnv, encoding: "utf8" },
);
if (copied.status !== 0) throw new Error(`psql \\copy: ${copied.stderr}`);

const base = ["--require", PEAK, CLI, "report", "--charter", "copeland", "--now", "2027-06-01", "--format", "json"];
/** One run of the command: seconds, the peak heap and CPU, and the report without its sources. */
function run(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [...base, ...MAP, ...args], {
    encoding: "utf8",
    env: childEnv,
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(" ")}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  const peak = JSON.parse(/PEAK (.*)/.exec(r.stderr)?.[1] ?? "{}");
  const report = JSON.parse(r.stdout);
  delete report.input.sources;
  return { seconds, ...peak, report: JSON.stringify(report) };
}
const fromDb = (n) => run(["--db", url, "--query", query(n)]);
const fromCsv = () => run([csv]);

/** pg-query-stream alone on the same query: rows read as arrays of text, nothing else done (best of 3). */
async function driverAlone(n) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const client = new pg.Client({ ...server, application_name: "council-sla-bench" });
    await client.connect();
    const t = performance.now();
    const stream = client.query(
      new QueryStream(query(n), [], { rowMode: "array", batchSize: 1000, types: { getTypeParser: () => (x) => x } }),
    );
    let rows = 0;
    for await (const _ of stream) rows++;
    best = Math.min(best, (performance.now() - t) / 1000);
    await client.end();
    if (rows !== n) throw new Error(`the driver read ${rows} rows`);
  }
  return best;
}

const version = await (async () => {
  const client = new pg.Client({ ...server });
  await client.connect();
  const { rows } = await client.query("SHOW server_version");
  await client.end();
  return String(rows[0].server_version).split(" ")[0];
})();

let db = { seconds: Infinity };
let file = { seconds: Infinity };
for (let round = 0; round < ROUNDS; round++) {
  const a = fromDb(N);
  const b = fromCsv();
  if (a.report !== b.report) throw new Error("the report from the table is not the report from its CSV");
  if (a.seconds < db.seconds) db = a;
  if (b.seconds < file.seconds) file = b;
}
const driver = await driverAlone(N);
const smallDb = fromDb(N / 10);
const flat = (a, b) => b.liveMB <= a.liveMB * 1.2 + 2;
const rate = (n, seconds) => `${Math.round(n / seconds).toLocaleString("en-GB")} rows/s`;
const share = db.seconds === Infinity ? 0 : file.seconds / db.seconds;

const lines = [];
const say = (s = "") => lines.push(s);
say("### Database input: `council-sla report --db` against the same rows as CSV");
say();
say(
  `${N.toLocaleString("en-GB")} rows of the fixture table \`million\` (telephone, email, letter, voicemail; \`timestamp\` columns) on a local PostgreSQL ${version} over a Unix socket, and the same rows written out by psql's \\copy as CSV (${(statSync(csv).size / 1e6).toFixed(0)} MB); the built command in a fresh process, start-up included, the two taken in turn for ${ROUNDS} rounds, the best run of each kept; the reports are the same, figure for figure. The server shares the machine's two cores with the command.`,
);
say();
say("| what | rows/s | target | met |");
say("|---|---:|---:|:---:|");
say(`| report, CSV (the table's rows, as psql writes them) | ${rate(N, file.seconds)} | | |`);
say(
  `| report, --db (the same query's rows, through pg and pg-query-stream) | ${rate(N, db.seconds)} (${(100 * share).toFixed(0)}% of the CSV speed: ${db.seconds.toFixed(2)} s against ${file.seconds.toFixed(2)} s) | | |`,
);
say(
  `| CPU time of the fastest --db run, all its threads (the server's not included) | ${db.cpuSeconds.toFixed(2)} s in ${db.seconds.toFixed(2)} s (CSV: ${file.cpuSeconds.toFixed(2)} s in ${file.seconds.toFixed(2)} s) | | |`,
);
say(`| pg-query-stream alone on the same query: rows as arrays of text, nothing judged | ${rate(N, driver)} | | |`);
say(
  `| peak live heap (after each full GC), ${(N / 10).toLocaleString("en-GB")} → ${N.toLocaleString("en-GB")} rows from --db | ${smallDb.liveMB.toFixed(1)} MB → ${db.liveMB.toFixed(1)} MB (sampled heap, garbage included, ${smallDb.heapMB.toFixed(1)} → ${db.heapMB.toFixed(1)} MB; RSS ${smallDb.rssMB.toFixed(0)} → ${db.rssMB.toFixed(0)} MB) | flat | ${flat(smallDb, db) ? "yes" : "**no**"} |`,
);
say();
const text = lines.join("\n");
console.log(text);
if (process.argv.includes("--write")) writeSection("### Database input:", text);
