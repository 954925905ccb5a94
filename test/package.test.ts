// The package as its users get it. The build: what each entry imports. The tarball: packed (npm pack, whose prepack
// builds), installed into a new project outside the repository with production dependencies only, and used there as
// users would: import, require, type-check under three module resolutions, the command, a browser bundle, and the
// size budget. `npm test` packs once and passes the tarball in COUNCIL_SLA_TARBALL; alone, this file packs it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { beforeAll, describe, expect, test } from "vitest";
import * as bundled from "../src/charters/index.js";
import * as api from "../src/index.js";
import { scratchDir } from "./support.js";

const ROOT = new URL("..", import.meta.url).pathname;
const dist = new URL("../dist/", import.meta.url);
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** The size budget (issue 24), in bytes as npm counts them (1 kB = 1,000 bytes). */
const BUDGET = { packed: 500_000, unpacked: 2_500_000, installed: 8_000_000 };

/** Every module specifier reachable from an ESM entry of the build. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const external = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(new URL(file, dist), "utf8");
    for (const m of code.matchAll(
      /(?:^|\n|;)\s*(?:import|export)\s?[^;]*?from\s*["']([^"']+)["']|import\s?\(["']([^"']+)["']\)|import\s?["']([^"']+)["']/g,
    )) {
      const spec = (m[1] ?? m[2] ?? m[3]) as string;
      if (spec.startsWith("./")) queue.push(spec.slice(2));
      else external.add(spec);
    }
  }
  return external;
}

describe("the build", () => {
  beforeAll(() => {
    // npm test builds first; a bare `vitest run` builds here when dist is missing.
    if (!existsSync(new URL("index.js", dist))) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
  }, 120_000);

  test("council-sla and council-sla/charters import no Node built-ins and no packages (they bundle for browsers)", () => {
    expect([...reachable("index.js")]).toEqual([]);
    expect([...reachable("charters.js")]).toEqual([]);
  });

  test("only the command and the date-holidays adapter reach outside", () => {
    expect([...reachable("date-holidays.js")]).toEqual(["date-holidays"]);
    // The command's own: CSV (papaparse), near-miss column names, and the input's hash (crypto); date-fns, and yauzl
    // and saxes with Node's zip and stream modules, are bundled into chunks that only --date-format and .xlsx load.
    // The core stays free of them. pg and pg-query-stream, optional peers, are imported only when --db is given.
    expect([...reachable("cli.js")].sort()).toEqual([
      "crypto",
      "fastest-levenshtein",
      "fs",
      // createRequire, for pg's own reader of .pgpass (--db).
      "module",
      // require() for the bundled CommonJS packages (yauzl, saxes).
      "node:module",
      "papaparse",
      "path",
      "pg",
      "pg-query-stream",
      "string_decoder",
      // fileURLToPath: the profiles/ directory beside the build, whatever characters its path holds.
      "url",
      "util",
      "worker_threads",
    ]);
  });
});

/** Runs a command in a folder; its status, output and errors. */
function run(cwd: string, command: string, args: string[], input?: string) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The sizes of the files under a folder, by path relative to it. */
function filesUnder(dir: string, base = dir, into = new Map<string, number>()): Map<string, number> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) filesUnder(path, base, into);
    else into.set(relative(base, path), stat.size);
  }
  return into;
}

const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0);

/**
 * What the probes compute, with `deadline`, `evaluate`, `explain`, `calendarFor` and the charters in scope: the same
 * text runs against the source (the expected answers), the installed package as ESM and as CommonJS, and the browser
 * bundle.
 */
const PROBE = `({
  due: deadline(copeland, "email.respond", "2025-12-19T17:42"),
  explained: explain(deadline(copeland, "email.respond", "2025-12-19T17:42")),
  statuses: evaluate(copeland, { channel: "email", receivedAt: "2025-12-19T17:42", respondedAt: "2025-12-29T10:00" },
    { now: "2026-01-31T00:00" }).map((e) => [e.standardId, e.status]),
  canadaDay: calendarFor(kawarthaLakes).addWorkingDays("2029-06-29", 1),
  bundled: Object.keys(charters),
  frozen: Object.isFrozen(copeland.standards[0]),
})`;
const NAMES = "deadline, evaluate, explain, calendarFor";
const CHARTER_NAMES = "copeland, kawarthaLakes, charters";

const expected = JSON.parse(
  JSON.stringify(
    new Function("api", "bundled", `const { ${NAMES} } = api; const { ${CHARTER_NAMES} } = bundled; return ${PROBE};`)(
      api,
      bundled,
    ),
  ),
) as unknown;

/** A TypeScript user's file: wrong uses must be errors, so types that had fallen to `any` would fail the check. */
const USER_TS = `import { deadline, evaluate, type Charter, type Contact, type Evaluation } from "council-sla";
import { charters, copeland } from "council-sla/charters";

const charter: Charter = copeland;
const contact: Contact = { channel: "email", receivedAt: "2025-12-19T17:42" };
export const results: Evaluation[] = evaluate(charter, contact, { now: "2026-01-05T12:00" });
export const due: string = deadline(charters["norwich"] ?? charter, "email.respond", contact.receivedAt).due;
// @ts-expect-error a charter is read-only
charter.standards[0].id = "x";
// @ts-expect-error an unknown channel
export const pigeon: Contact = { channel: "pigeon", receivedAt: 0 };
// @ts-expect-error deadline needs a received instant
deadline(charter, "email.respond");
`;

const RESOLUTIONS = {
  node10: { module: "commonjs", files: ["user.ts"] },
  node16: { module: "node16", files: ["user.ts", "user.mts"] },
  bundler: { module: "esnext", files: ["user.ts"] },
} as const;

describe("the tarball, installed in a new project with production dependencies only", () => {
  let tarball = process.env.COUNCIL_SLA_TARBALL ?? "";
  let project = "";
  const dir = scratchDir("council-sla-package-");

  beforeAll(() => {
    if (tarball === "") {
      const packed = run(ROOT, "npm", ["pack", "--pack-destination", dir]);
      expect(packed.status, packed.stderr).toBe(0);
      tarball = join(dir, packed.stdout.trim().split("\n").at(-1) as string);
    }
    project = join(dir, "app");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
    const installed = run(project, "npm", ["install", "--omit=dev", "--no-audit", "--no-fund", tarball]);
    expect(installed.status, installed.stderr).toBe(0);
  }, 180_000);

  const installedPackage = () => join(project, "node_modules", "council-sla");

  test("is within the size budget: packed, unpacked, and the whole node_modules of the install", () => {
    const sizes = {
      packed: statSync(tarball).size,
      unpacked: sum(filesUnder(installedPackage())),
      installed: sum(filesUnder(join(project, "node_modules"))),
    };
    expect(sizes.packed, `packed ${sizes.packed} bytes`).toBeLessThanOrEqual(BUDGET.packed);
    expect(sizes.unpacked, `unpacked ${sizes.unpacked} bytes`).toBeLessThanOrEqual(BUDGET.unpacked);
    expect(sizes.installed, `node_modules ${sizes.installed} bytes`).toBeLessThanOrEqual(BUDGET.installed);
  });

  test("brings its runtime dependencies and no optional peer", () => {
    const modules = readdirSync(join(project, "node_modules")).filter((name) => !name.startsWith("."));
    expect(modules.sort()).toEqual(["council-sla", ...Object.keys(pkg.dependencies)].sort());
    for (const peer of Object.keys(pkg.peerDependencies)) expect(modules).not.toContain(peer);
  });

  test("ships the build, the charters, the guides and the licence, and nothing else", () => {
    const files = [...filesUnder(installedPackage()).keys()];
    const top = new Set(files.map((f) => f.split("/")[0]));
    expect([...top].sort()).toEqual([
      "CHANGELOG.md",
      "LICENSE",
      "README.md",
      "charters",
      "dist",
      "package.json",
      "profiles",
    ]);
    // Every profile the command lists is shipped.
    expect(files.filter((f) => f.startsWith("profiles/")).sort()).toEqual(
      readdirSync(new URL("../profiles/", import.meta.url))
        .map((f) => `profiles/${f}`)
        .sort(),
    );
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    // The command once: ESM only, no CommonJS copy of it or of its worker.
    expect(files.filter((f) => /^dist\/cli.*\.cjs$/.test(f))).toEqual([]);
    // Every file of the build is an entry or is imported by one: nothing stale, nothing unused.
    const entries = [
      ...Object.values(pkg.bin),
      ...[...JSON.stringify(pkg.exports).matchAll(/"\.\/(dist\/[^"]+)"/g)].map((m) => m[1] as string),
    ].map((p) => p.replace(/^\.\//, ""));
    const used = new Set(entries);
    for (let grew = true; grew; ) {
      grew = false;
      for (const file of [...used].filter((f) => /\.c?js$/.test(f))) {
        const code = readFileSync(join(installedPackage(), file), "utf8");
        for (const m of code.matchAll(/["']\.\/([^"']+\.c?js)["']/g)) {
          const next = `dist/${m[1]}`;
          if (!used.has(next)) {
            used.add(next);
            grew = true;
          }
        }
      }
    }
    const declarations = files.filter((f) => /^dist\/.*\.d\.c?ts$/.test(f));
    expect(files.filter((f) => f.startsWith("dist/") && !used.has(f) && !declarations.includes(f))).toEqual([]);
  });

  test("imports as ESM, every entry, with the answers of the source", () => {
    const program = `import { ${NAMES} } from "council-sla";
import { ${CHARTER_NAMES} } from "council-sla/charters";
import schema from "council-sla/charter.schema.json" with { type: "json" };
import pkg from "council-sla/package.json" with { type: "json" };
console.log(JSON.stringify({ probe: ${PROBE}, schema: typeof schema.$schema, version: pkg.version }));`;
    writeFileSync(join(project, "probe.mjs"), program);
    const r = run(project, process.execPath, ["probe.mjs"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ probe: expected, schema: "string", version: pkg.version });
  });

  test("requires as CommonJS, every entry, with the answers of the source", () => {
    const program = `const { ${NAMES} } = require("council-sla");
const { ${CHARTER_NAMES} } = require("council-sla/charters");
const schema = require("council-sla/charter.schema.json");
console.log(JSON.stringify({ probe: ${PROBE}, schema: typeof schema.$schema }));`;
    writeFileSync(join(project, "probe.cjs"), program);
    const r = run(project, process.execPath, ["probe.cjs"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ probe: expected, schema: "string" });
  });

  test("council-sla/date-holidays, without its optional peer installed, fails naming date-holidays", () => {
    for (const [file, program] of [
      ["peer.mjs", `import("council-sla/date-holidays").catch((e) => { console.error(e.message); process.exit(3); });`],
      [
        "peer.cjs",
        `try { require("council-sla/date-holidays"); } catch (e) { console.error(e.message); process.exit(3); }`,
      ],
    ] as const) {
      writeFileSync(join(project, file), program);
      const r = run(project, process.execPath, [file]);
      expect([r.status, r.stderr]).toEqual([3, expect.stringContaining("date-holidays")]);
    }
  });

  test.each(Object.entries(RESOLUTIONS))(
    "type-checks a TypeScript user's file under moduleResolution %s, zod not installed",
    (resolution, { module, files }) => {
      for (const file of files) writeFileSync(join(project, file), USER_TS);
      const config = {
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: false,
          module,
          moduleResolution: resolution,
          target: "es2022",
          lib: ["es2022"],
          types: [],
          noEmit: true,
          // The package's own declarations are checked too.
          skipLibCheck: false,
        },
        files,
      };
      writeFileSync(join(project, `tsconfig.${resolution}.json`), JSON.stringify(config));
      const r = run(project, process.execPath, [
        join(ROOT, "node_modules/typescript/bin/tsc"),
        "-p",
        `tsconfig.${resolution}.json`,
      ]);
      expect(r.stdout + r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(existsSync(join(project, "node_modules", "zod"))).toBe(false);
    },
  );

  test("npx council-sla --help and --version", () => {
    const help = run(project, "npx", ["council-sla", "--help"]);
    expect([help.status, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toMatch(/^council-sla: .*\n\nUsage: council-sla <command>/);
    const version = run(project, "npx", ["council-sla", "--version"]);
    expect([version.status, version.stdout, version.stderr]).toEqual([0, `${pkg.version}\n`, ""]);
  });

  test("npx council-sla report on a sample file accounts for every row", () => {
    const sample = readFileSync(join(ROOT, "examples", "dartford.csv"), "utf8");
    writeFileSync(join(project, "contacts.csv"), sample);
    const rows = sample.trimEnd().split("\n").length - 1;
    const r = run(project, "npx", [
      "council-sla",
      "report",
      "--charter",
      "dartford",
      "--now",
      "2027-01-31T23:59",
      "contacts.csv",
    ]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(/^Dartford Borough Council \(dartford\): judged at 2027-01-31T23:59:00\.000\+00:00\n/);
    expect(r.stdout).toContain(`${rows} rows read, ${rows} judged, 0 skipped`);
  });

  test("npx council-sla report --db, without the optional drivers installed, names the command that installs them", () => {
    const r = run(project, "npx", [
      "council-sla",
      "report",
      "--charter",
      "copeland",
      "--now",
      "2027-01-31T23:59",
      "--db",
      "postgresql://reader:Hunter2Secret@/council?host=/nonexistent-council-sla",
      "--query",
      "SELECT * FROM contacts",
    ]);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      "",
      "council-sla: reading from PostgreSQL needs the optional packages pg and pg-query-stream: npm install pg pg-query-stream\n",
    ]);
  });

  test("npx council-sla report --date-format reads UK dates (date-fns, bundled) as the source judges their ISO form", () => {
    writeFileSync(
      join(project, "uk.csv"),
      "id,channel,receivedAt,respondedAt\nA1,email,19/12/2025 17:42,24/12/2025 10:00\nA2,email,19/12/2025 17:42,29/12/2025 10:00\n",
    );
    const args = ["--charter", "copeland", "--now", "2026-01-31T17:00", "--format", "json"];
    const r = run(project, "npx", ["council-sla", "report", ...args, "--date-format", "dd/MM/yyyy HH:mm", "uk.csv"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const iso = [
      { id: "A1", channel: "email", receivedAt: "2025-12-19T17:42", respondedAt: "2025-12-24T10:00" },
      { id: "A2", channel: "email", receivedAt: "2025-12-19T17:42", respondedAt: "2025-12-29T10:00" },
    ] as const;
    const counts = (rows: readonly { standardId: string; met: number; breached: number; pending: number }[]) =>
      rows.map(({ standardId, met, breached, pending }) => ({ standardId, met, breached, pending }));
    const want = api.complianceReport(bundled.copeland, iso, { now: "2026-01-31T17:00" });
    expect(counts(JSON.parse(r.stdout).rows)).toEqual(counts(want.rows));
    expect(want.rows.find((row) => row.standardId === "email.respond")).toMatchObject({ met: 1, breached: 1 });
  });

  test("npx council-sla finds the profiles shipped in the package: profiles lists them, report --profile reads one", () => {
    const listed = run(project, "npx", ["council-sla", "profiles", "--json"]);
    expect([listed.status, listed.stderr]).toEqual([0, ""]);
    expect((JSON.parse(listed.stdout) as { name: string }[]).map((p) => p.name)).toContain("teams-call-queue");
    writeFileSync(
      join(project, "teams.csv"),
      readFileSync(join(ROOT, "test", "fixtures", "profiles", "teams-call-queue.csv"), "utf8"),
    );
    const args = ["council-sla", "report", "--charter", "dartford", "--profile", "teams-call-queue"];
    const r = run(project, "npx", [...args, "--now", "2026-11-30T23:59", "--format", "json", "teams.csv"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout).rows[0]).toMatchObject({ standardId: "telephone.answer", met: 4, breached: 4 });
  });

  test("npx council-sla report --jobs 2 finds its worker and gives the report of --jobs 1, byte for byte", () => {
    const [header, ...lines] = readFileSync(join(ROOT, "examples", "copeland.csv"), "utf8")
      .trimEnd()
      .split("\n");
    // 45,000 rows: more than two of the items (about 20,000 rows each) that the command hands to a worker.
    const copies = Array.from({ length: 15 }, (_, k) => lines.map((line) => line.replace(/^([^,]*)/, `$1-${k}`)));
    writeFileSync(join(project, "many.csv"), [header, ...copies.flat(), ""].join("\n"));
    const args = ["council-sla", "report", "--charter", "copeland", "--now", "2027-01-31T23:59", "--format", "json"];
    const one = run(project, "npx", [...args, "--jobs", "1", "many.csv"]);
    const two = run(project, "npx", [...args, "--jobs", "2", "many.csv"]);
    expect([one.status, one.stderr, two.status, two.stderr]).toEqual([0, "", 0, ""]);
    expect(JSON.parse(one.stdout).input.judged).toBe(45_000);
    expect(two.stdout).toBe(one.stdout);
  });

  test("bundles for the browser with esbuild, and the bundle runs with no Node API, giving the source's answers", async () => {
    writeFileSync(
      join(project, "browser.mjs"),
      `import { ${NAMES} } from "council-sla";\nimport { ${CHARTER_NAMES} } from "council-sla/charters";\nglobalThis.result = ${PROBE};\n`,
    );
    const out = await build({
      absWorkingDir: project,
      entryPoints: ["browser.mjs"],
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect([out.errors, out.warnings]).toEqual([[], []]);
    const inputs = Object.keys(out.metafile.inputs).filter((f) => f !== "browser.mjs");
    expect(inputs.filter((f) => !f.startsWith("node_modules/council-sla/dist/"))).toEqual([]);
    // A context of its own: the language's globals (Intl, Date) and nothing of Node's.
    const context: { result?: unknown } = {};
    runInNewContext(out.outputFiles[0]?.text ?? "", context);
    expect(JSON.parse(JSON.stringify(context.result))).toEqual(expected);
  });
});
