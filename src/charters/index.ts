/**
 * `council-sla/charters`: the five bundled charters and a department's layer, typed and
 * deeply frozen. They are validated when the package is built
 * (src/charters/bundled.generated.ts is what parseCharter, or extendCharter for a layer,
 * returns for each file in charters/, and a test checks it still is), so importing them
 * runs no schema.
 *
 * @example
 * import { calendarFor } from "council-sla";
 * import { copeland } from "council-sla/charters";
 * calendarFor(copeland).addWorkingDays("2026-12-24", 3); //=> "2026-12-31"
 *
 * @module
 */
import { trustBuiltCharter } from "../charter/parse.js";
import type { Charter } from "../charter/schema.js";
import * as built from "./bundled.generated.js";

/** Copeland Borough Council (England): customer service commitments. */
export const copeland: Charter = trustBuiltCharter(built.copeland);
/** Colchester Borough Council (England): customer service standard. */
export const colchester: Charter = trustBuiltCharter(built.colchester);
/** Norwich City Council (England): customer service standards, with its corporate complaints policy's timescales. */
export const norwich: Charter = trustBuiltCharter(built.norwich);
/** Dartford Borough Council (England): customer services charter. */
export const dartford: Charter = trustBuiltCharter(built.dartford);
/** City of Kawartha Lakes (Ontario): customer service standards. */
export const kawarthaLakes: Charter = trustBuiltCharter(built.kawarthaLakes);

/**
 * Dartford's housing service: a department's layer (charters/dartford-housing.json) on
 * Dartford's charter, as extendCharter applies it. Housing complaints at two stages, each
 * answered within a limit counted from the acknowledgement, with a cap on extensions.
 */
export const dartfordHousing: Charter = trustBuiltCharter(built.dartfordHousing);

/** All bundled charters by id, the councils' and the departments' layers on them. */
export const charters: Readonly<Record<string, Charter>> = Object.freeze({
  copeland,
  colchester,
  norwich,
  dartford,
  "kawartha-lakes": kawarthaLakes,
  "dartford-housing": dartfordHousing,
});
