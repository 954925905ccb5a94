/**
 * The options that say how to read an export, shared by `report` and `reconcile`:
 * `--profile`, `--map-file`, `--map`, `--set`, `--map-value`, `--ignore`, `--date-format`
 * and `--input` (a file format, or `intervals` for interval counts).
 *
 * @module
 */
import type { Charter } from "../../charter/schema.js";
import { judgedByIntervals, limitSeconds } from "../../rules/intervals.js";
import { standardById } from "../../rules/standard.js";
import { INPUT_FORMATS, INPUT_OPTIONS, type InputFormat, isMember, type MappingKind } from "../concepts.js";
import { cli } from "../words.js";
import { DELIMITERS } from "./csv.js";
import { type Layer, type Mapping, mappingOf, readMapFile } from "./mapping.js";
import { loadProfile } from "./profiles.js";
import { Failure } from "./source.js";

/** The parseArgs options of the mapping. */
export interface MappingValues {
  readonly profile?: string | undefined;
  readonly map?: string[] | undefined;
  readonly "map-file"?: string | undefined;
  readonly "map-value"?: string[] | undefined;
  readonly set?: string[] | undefined;
  readonly ignore?: string[] | undefined;
  readonly "date-format"?: string[] | undefined;
}

/** `--input`: a file format (csv, json, ndjson, xlsx), or `intervals` (rows are interval counts, format from the file). */
export function inputOption(value: string | undefined): {
  format: InputFormat | undefined;
  kind: MappingKind | undefined;
} {
  if (value === undefined) return { format: undefined, kind: undefined };
  if (!isMember(INPUT_OPTIONS, value)) throw new Failure(cli.oneOf("--input", INPUT_OPTIONS, value));
  return isMember(INPUT_FORMATS, value) ? { format: value, kind: undefined } : { format: undefined, kind: value };
}

/** The mapping the options give for a charter, the profile read (if any), and the delimiter a layer names. */
export function mappingFromOptions(
  values: MappingValues,
  charter: Charter,
  kind: MappingKind | undefined,
  allowThreshold = false,
): { mapping: Mapping; layers: readonly Layer[]; delimiter: string | undefined } {
  const profile = values.profile === undefined ? undefined : loadProfile(values.profile);
  const file = values["map-file"] === undefined ? undefined : readMapFile(values["map-file"]);
  const mapping = mappingOf({
    profile,
    map: values.map,
    mapFile: file,
    mapValue: values["map-value"],
    set: values.set,
    ignore: values.ignore,
    dateFormat: values["date-format"],
    kind,
    timeZone: charter.calendar.timeZone,
  });
  // A threshold set for every interval that is not a standard's limit is refused before any row is read.
  const threshold = mapping.sources.get("thresholdSeconds");
  if (mapping.kind === "intervals" && threshold?.kind === "constant" && !allowThreshold) {
    for (const s of charter.standards) {
      const rule = standardById(charter, s.id);
      if (judgedByIntervals(rule) && Number(threshold.value) !== limitSeconds(rule))
        throw new Failure(cli.thresholdSet(threshold.value, rule.id, limitSeconds(rule)));
    }
  }
  const layers = [profile, file].filter((l): l is Layer => l !== undefined);
  let delimiter: string | undefined;
  for (const layer of layers) {
    if (layer.delimiter === undefined) continue;
    delimiter = layer.delimiter === "tab" ? "\t" : layer.delimiter;
    if (!DELIMITERS.includes(delimiter))
      throw new Failure(cli.oneOf(`${layer.name}: delimiter`, [",", ";", "tab", "|"], layer.delimiter));
  }
  return { mapping, layers, delimiter };
}
