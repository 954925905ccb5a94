// The PostgreSQL server of the database tests: the one .ci/run started (scripts/pg-cluster.sh, whose variables it
// exports), or else a throwaway cluster started here for this test file and stopped after it. Where no server can be
// started (no PostgreSQL binaries), the tests skip, saying why; under CI they fail instead, since CI must run them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

export interface Server {
  /** The socket's directory. */
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** The role that reads (SELECT on the fixture tables), and its password. */
  readonly user: string;
  readonly password: string;
  /** The tables' owner, a superuser, and its password. */
  readonly admin: string;
  readonly adminPassword: string;
}

const CLUSTER = new URL("../scripts/pg-cluster.sh", import.meta.url).pathname;

function fromEnvironment(env: NodeJS.ProcessEnv): Server | undefined {
  const host = env.COUNCIL_SLA_PG_HOST;
  if (host === undefined || host === "") return undefined;
  return {
    host,
    port: Number(env.COUNCIL_SLA_PG_PORT ?? 5432),
    database: env.COUNCIL_SLA_PG_DATABASE ?? "council",
    user: env.COUNCIL_SLA_PG_USER ?? "council_reader",
    password: env.COUNCIL_SLA_PG_PASSWORD ?? "",
    admin: env.COUNCIL_SLA_PG_ADMIN ?? "council_admin",
    adminPassword: env.COUNCIL_SLA_PG_ADMIN_PASSWORD ?? "",
  };
}

/** The server, or why there is none. */
function find(): { server: Server; why?: undefined } | { server?: undefined; why: string } {
  const given = fromEnvironment(process.env);
  if (given !== undefined) return { server: given };
  const dir = mkdtempSync(join(tmpdir(), "council-sla-pg-"));
  const started = spawnSync("bash", [CLUSTER, "start", dir], { encoding: "utf8" });
  if (started.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    const why = started.stderr.trim().split("\n").pop() ?? `exit ${started.status}`;
    return { why: `no PostgreSQL server could be started here (scripts/pg-cluster.sh: ${why})` };
  }
  afterAll(() => {
    spawnSync("bash", [CLUSTER, "stop", dir]);
  });
  const env: NodeJS.ProcessEnv = {};
  for (const [, name, value] of started.stdout.matchAll(/^export (\w+)='?([^'\n]*)'?$/gm))
    env[name as string] = value as string;
  return { server: fromEnvironment(env) as Server };
}

const found = find();
if (found.server === undefined && process.env.CI !== undefined && process.env.CI !== "false")
  throw new Error(`CI must run the database tests, but ${found.why}`);

/** The test server, or undefined with the reason in {@link noServer}. */
export const server: Server | undefined = found.server;
/** Why there is no server ("" when there is one). */
export const noServer: string = found.why ?? "";

/** The reader's URL (no password: it goes in PGPASSWORD), with a query string of extra parameters if given. */
export function urlOf(s: Server, options: { user?: string; password?: string; database?: string } = {}): string {
  const user = options.user ?? s.user;
  const password = options.password === undefined ? "" : `:${encodeURIComponent(options.password)}`;
  return `postgresql://${user}${password}@/${options.database ?? s.database}?host=${encodeURIComponent(s.host)}&port=${s.port}`;
}
