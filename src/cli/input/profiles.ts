/**
 * Profiles: map files shipped in the package (`profiles/NAME.json`) for the exports council
 * systems write, each citing the documentation page its column names come from.
 * `--profile NAME` reads one as the first layer of the mapping; `council-sla profiles`
 * lists them.
 *
 * @module
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cli } from "../words.js";
import { type Layer, readMapFile } from "./mapping.js";
import { Failure } from "./source.js";

/** The package's `profiles/` directory: the nearest one above this module (dist/ when built, src/cli/input/ in tests). */
function profilesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "profiles");
    if (existsSync(join(dir, "package.json")) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Failure(cli.noProfiles());
}

/** The names of the shipped profiles, sorted. */
export function profileNames(): string[] {
  return readdirSync(profilesDir())
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/**
 * A shipped profile, read and checked as a map file.
 *
 * @throws Failure naming the profile and listing the shipped ones when there is no such profile.
 */
export function loadProfile(name: string): Layer {
  const names = profileNames();
  if (!names.includes(name)) throw new Failure(cli.unknownProfile(name, names));
  const layer = readMapFile(join(profilesDir(), `${name}.json`), `--profile ${name}`);
  if (layer.meta === undefined) throw new Failure(cli.profileWithoutSource(name));
  return layer;
}
