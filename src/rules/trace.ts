/**
 * The reasoning behind a due instant, as plain data: the steps explain() turns
 * into English.
 *
 * @module
 */
import { formatDate } from "../calendar/civil.js";
import type { DueRule, NonWorkingReason } from "../concepts.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import type { LimitUnit } from "../charter/units.js";

/** One step of the reasoning behind a due instant. */
export type TraceStep =
  | { readonly step: "received"; readonly at: string; readonly date: string }
  | { readonly step: "starts-from-acknowledgement"; readonly at: string; readonly date: string }
  | { readonly step: "cutoff"; readonly cutoff: string; readonly date: string }
  | { readonly step: "day-zero"; readonly date: string; readonly countsAsDayOne: boolean }
  | { readonly step: "day-one"; readonly date: string }
  | { readonly step: "skipped"; readonly date: string; readonly reason: NonWorkingReason; readonly name?: string }
  | {
      readonly step: "paused";
      readonly from: string;
      readonly to: string;
      readonly disregarded: number;
      readonly unit: "working days" | "days" | "ms";
    }
  | { readonly step: "out-of-scope"; readonly at: string }
  | { readonly step: "next-opening"; readonly at: string }
  | { readonly step: "no-office-hours"; readonly date: string }
  | {
      readonly step: "due";
      readonly at: string;
      readonly date: string;
      readonly rule: DueRule;
      readonly amount: number;
      readonly unit: LimitUnit;
    };

/** The steps being written, or undefined when nobody will read them (reports). */
export type Trace = TraceStep[] | undefined;

/** Writes the first steps of every trace: the receipt, and the start of a clock that counts from the acknowledgement. */
export function startTrace(
  trace: TraceStep[],
  engine: CalendarEngine,
  fromAcknowledgement: boolean,
  receivedMs: number,
  startMs: number,
): void {
  const zone = engine.zone;
  trace.push({ step: "received", at: zone.format(receivedMs), date: formatDate(zone.localDay(receivedMs)) });
  if (fromAcknowledgement)
    trace.push({
      step: "starts-from-acknowledgement",
      at: zone.format(startMs),
      date: formatDate(zone.localDay(startMs)),
    });
}
