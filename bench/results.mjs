// Writing one section of bench/RESULTS.md: the section that begins with `marker` is replaced (up to the next heading
// of its level or above), or added before the hand-written notes at the end; every other section is kept.
import { readFileSync, writeFileSync } from "node:fs";

const PATH = new URL("./RESULTS.md", import.meta.url);

/** Replaces (or adds) the section whose heading line starts with `marker` (e.g. "### Contact files:") by `text`. */
export function writeSection(marker, text) {
  const results = readFileSync(PATH, "utf8");
  const level = /^#+/.exec(marker)?.[0] ?? "###";
  const at = results.indexOf(`\n${marker}`);
  let before;
  let after;
  if (at === -1) {
    const notes = results.indexOf("\n## Notes");
    before = notes === -1 ? results : results.slice(0, notes);
    after = notes === -1 ? "" : results.slice(notes);
  } else {
    before = results.slice(0, at);
    const rest = results.slice(at + 1);
    const next = rest.slice(marker.length).search(new RegExp(`\\n#{1,${level.length}} `));
    after = next === -1 ? "" : rest.slice(marker.length + next);
  }
  writeFileSync(PATH, `${before.trimEnd()}\n\n${text.trim()}\n${after === "" ? "" : `\n${after.trim()}\n`}`);
}
