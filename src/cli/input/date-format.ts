/**
 * `--date-format`: the export's dates read with date-fns format tokens. One rule for every
 * value: a format with an offset token (`X`, `x`, `O`) or an epoch token (`T`, `t`) gives
 * the instant its value names; any other value is a wall time in the charter's zone,
 * whatever the host's zone (date-fns parses against a UTCDate, so the fields it sets are
 * the wall clock's). A format checked once, before any row is read: it must name a year,
 * a month and a day (or a day of the year, or an epoch), and it may not use the tokens
 * that are almost always a mistake for another (`YYYY`, the week-numbering year, for
 * `yyyy`; `DD`, the day of the year, beside a month, for `dd`). So date-fns never warns,
 * and never prints a cell's text.
 *
 * date-fns is loaded only when a format is given, since importing its parser is a large
 * part of a start; the wall time it reads is converted by the charter's zone, not through a
 * UTC TZDate, which goes through Intl (both measured: bench/RESULTS.md).
 *
 * @module
 */
import { cli } from "../words.js";
import { Failure } from "./source.js";

/** One token of a date-fns format: a run of one pattern letter, or literal text. */
interface Token {
  readonly letter: string | undefined;
  readonly text: string;
}

/** The tokens of a date-fns format string: letters in runs, text in single quotes literal (`''` is a quote). */
export function formatTokens(format: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < format.length; ) {
    const c = format[i] as string;
    if (c === "'") {
      if (format[i + 1] === "'") {
        out.push({ letter: undefined, text: "'" });
        i += 2;
        continue;
      }
      let j = i + 1;
      let literal = "";
      while (j < format.length) {
        if (format[j] === "'" && format[j + 1] === "'") {
          literal += "'";
          j += 2;
        } else if (format[j] === "'") break;
        else literal += format[j++];
      }
      out.push({ letter: undefined, text: literal });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i + 1;
      while (format[j] === c) j++;
      if (format[j] === "o") j++;
      out.push({ letter: c, text: format.slice(i, j) });
      i = j;
      continue;
    }
    out.push({ letter: undefined, text: c });
    i++;
  }
  return out;
}

/** A checked format: whether its values name instants (an offset or an epoch) or wall times. */
export interface DateFormat {
  readonly format: string;
  /** True when the format carries an offset or an epoch: its values are instants, not wall times. */
  readonly instant: boolean;
  /** True when the format has no hour: its values are dates (`YYYY-MM-DD`), for events judged by working days only. */
  readonly dateOnly: boolean;
}

/**
 * Checks a format before any row is read.
 *
 * @throws Failure naming the format and what it lacks or misuses (a usage error).
 */
export function checkDateFormat(format: string, option = "--date-format"): DateFormat {
  const letters = new Set(formatTokens(format).flatMap((t) => (t.letter === undefined ? [] : [t.letter])));
  const has = (...ls: string[]) => ls.some((l) => letters.has(l));
  if (has("Y")) throw new Failure(cli.weekYearToken(option, format));
  if (has("D") && has("M", "L")) throw new Failure(cli.dayOfYearToken(option, format));
  const epoch = has("T", "t");
  const localized = has("P");
  const dated = epoch || localized || (has("y", "u", "R") && ((has("M", "L") && has("d")) || has("D")));
  if (!dated) {
    const missing = [
      !has("y", "u") && "a year (yyyy)",
      !has("M", "L") && "a month (MM)",
      !has("d", "D") && "a day (dd)",
    ].filter((m): m is string => m !== false);
    throw new Failure(cli.incompleteDateFormat(option, format, missing));
  }
  return { format, instant: epoch || has("X", "x", "O"), dateOnly: !epoch && !has("H", "h", "k", "K") };
}

/** Reads one value in a format: an instant (`...Z`), a wall time or a date, or undefined when it does not match. */
export type DateReader = (value: string, format: DateFormat) => string | undefined;

/** Loads date-fns and gives a reader of values in checked formats. */
export async function dateReader(): Promise<DateReader> {
  const [{ parse }, { isValid }, { UTCDate }] = await Promise.all([
    import("date-fns/parse"),
    import("date-fns/isValid"),
    import("@date-fns/utc"),
  ]);
  const reference = new UTCDate(2000, 0, 1);
  const options = { useAdditionalDayOfYearTokens: true, useAdditionalWeekYearTokens: true } as const;
  return (value, format) => {
    const date = parse(value, format.format, reference, options);
    if (!isValid(date)) return undefined;
    const iso = date.toISOString();
    return format.instant ? iso : iso.slice(0, format.dateOnly ? 10 : 23);
  };
}
