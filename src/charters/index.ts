/**
 * `council-sla/charters`: the five bundled charters, validated once on import,
 * typed and deeply frozen.
 *
 * @example
 * import { calendarFor } from "council-sla";
 * import { copeland } from "council-sla/charters";
 * calendarFor(copeland).addWorkingDays("2026-12-24", 3); //=> "2026-12-31"
 *
 * @module
 */
import { parseCharter } from "../charter/parse.js";
import type { Charter } from "../charter/schema.js";
import colchesterJson from "../../charters/colchester.json" with { type: "json" };
import copelandJson from "../../charters/copeland.json" with { type: "json" };
import dartfordJson from "../../charters/dartford.json" with { type: "json" };
import kawarthaLakesJson from "../../charters/kawartha-lakes.json" with { type: "json" };
import norwichJson from "../../charters/norwich.json" with { type: "json" };

/** Copeland Borough Council (England): customer service commitments. */
export const copeland: Charter = parseCharter(copelandJson);
/** Colchester Borough Council (England): customer service standard. */
export const colchester: Charter = parseCharter(colchesterJson);
/** Norwich City Council (England): customer service standards (no timescales). */
export const norwich: Charter = parseCharter(norwichJson);
/** Dartford Borough Council (England): customer services charter. */
export const dartford: Charter = parseCharter(dartfordJson);
/** City of Kawartha Lakes (Ontario): customer service standards. */
export const kawarthaLakes: Charter = parseCharter(kawarthaLakesJson);

/** All bundled charters by id. */
export const charters: Readonly<Record<string, Charter>> = Object.freeze({
  copeland,
  colchester,
  norwich,
  dartford,
  "kawartha-lakes": kawarthaLakes,
});
