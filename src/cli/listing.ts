/**
 * `council-sla standards --charter NAME`: each standard with the words an export must use
 * to reach it (its channels, category and stage), its limit, target and firmness, and the
 * events it reads; and `council-sla profiles`: the shipped profiles, each with its system
 * and the documentation page its column names come from.
 *
 * @module
 */
import { COMMAND_OPTIONS } from "./concepts.js";
import { parseArgs } from "node:util";
import type { Charter } from "../charter/schema.js";
import { amountText } from "../charter/units.js";
import { judgedByIntervals } from "../rules/intervals.js";
import { standardById } from "../rules/standard.js";
import { table } from "./format.js";
import { columnsOf } from "./input/sources.js";
import { loadProfile, profileNames } from "./input/profiles.js";
import { mappingOf } from "./input/mapping.js";
import { print } from "./words.js";
import type { Io } from "./partial.js";
import { FIRMNESS_SAYS } from "./words.js";

/** The contact fields a standard's judgement reads, besides receivedAt. */
function eventsRead(charter: Charter, id: string): string[] {
  const rule = standardById(charter, id);
  const s = rule.standard;
  return [
    ...rule.stops,
    ...(rule.fromAcknowledgement && !rule.stops.includes("acknowledgedAt")
      ? ["acknowledgedAt (the clock starts)"]
      : []),
    ...(s.stage === "answer" || s.stage === "attend" ? ["abandonedAt"] : []),
    ...(s.allowPromise
      ? ["promisedBy", ...(rule.stops.includes("acknowledgedAt") || rule.fromAcknowledgement ? [] : ["acknowledgedAt"])]
      : []),
    ...(rule.withoutAppointments || rule.exemptions.some((e) => e.when === "late-for-appointment")
      ? ["appointmentAt"]
      : []),
    "pauses",
  ];
}

/** One standard as the listing shows it (and as --json gives it). */
function standardEntry(charter: Charter, id: string) {
  const rule = standardById(charter, id);
  const s = rule.standard;
  return {
    id,
    channels: [...s.channels],
    category: rule.category ?? null,
    stage: s.stage,
    limit: amountText(rule.amount, rule.unit),
    target: s.target.percent,
    firmness: rule.firmness ?? null,
    scope: rule.officeHoursOnly ? "office hours" : null,
    reads: eventsRead(charter, id),
    intervals: judgedByIntervals(rule),
  };
}

export function cmdStandards(
  args: string[],
  io: Io,
  resolveCharter: (value: string | undefined) => Charter,
  help: () => number,
): number {
  const { values } = parseArgs({
    args,
    options: COMMAND_OPTIONS.standards,
  });
  if (values.help) return help();
  const charter = resolveCharter(values.charter);
  const entries = charter.standards.map((s) => standardEntry(charter, s.id));
  if (values.json) {
    print(io.stdout, JSON.stringify(entries, null, 2));
    return 0;
  }
  const head = `${charter.name} (${charter.id}): the words an export must use to reach each standard`;
  if (entries.length === 0) {
    print(io.stdout, `${head}\n\nThis charter has no measurable standards.`);
    return 0;
  }
  const rows = entries.map((e) => [
    e.id,
    e.channels.join(", "),
    e.category ?? "(any)",
    e.stage,
    e.limit,
    e.target === 100 ? "" : `${e.target}%`,
    e.firmness === null ? "" : FIRMNESS_SAYS[e.firmness],
    [...e.reads, ...(e.scope === null ? [] : ["(office hours only)"])].join(", "),
  ]);
  print(
    io.stdout,
    `${head}\n\n${table(["standard", "channels", "category", "stage", "limit", "target", "promise", "reads"], rows, 8)}\n\n` +
      "channel and category are the values a contact's channel and category columns must hold (map an export's own words with --map-value). " +
      "A standard with a category covers only contacts of it; one without covers its channels' contacts of any category. " +
      `Judged from interval counts (--input intervals): ${
        entries
          .filter((e) => e.intervals)
          .map((e) => e.id)
          .join(", ") || "none"
      }.`,
  );
  return 0;
}

export function cmdProfiles(args: string[], io: Io, help: () => number): number {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.profiles });
  if (values.help) return help();
  const profiles = profileNames().map((name) => {
    const layer = loadProfile(name);
    const mapping = mappingOf({ profile: layer });
    const meta = layer.meta as NonNullable<typeof layer.meta>;
    return {
      name,
      system: meta.system,
      input: mapping.kind,
      source: meta.source,
      fields: Object.fromEntries(
        [...mapping.sources].map(([field, s]) => [
          field,
          s.kind === "constant"
            ? `= ${s.value}`
            : columnsOf(s)
                .map((c) => (c.role === "" ? c.column : `${c.column} (${c.role})`))
                .join(" + "),
        ]),
      ),
      compares: layer.compare !== undefined,
      notes: meta.notes,
    };
  });
  if (values.json) {
    print(io.stdout, JSON.stringify(profiles, null, 2));
    return 0;
  }
  const rows = profiles.map((p) => [p.name, p.system, p.input, p.compares ? "yes" : "", p.source.url]);
  print(
    io.stdout,
    `${table(["profile", "system", "rows", "verdicts", "documentation"], rows, 5)}\n\n` +
      "Use one with report --profile NAME (and reconcile --profile NAME); --map, --set and --map-value override its entries. " +
      "profiles --json shows each field's columns and notes.",
  );
  return 0;
}
