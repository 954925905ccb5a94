/**
 * Dates read with a date-fns format (`--date-format`) are wall times, whatever the
 * host's zone: date-fns parses into a date of the reference's kind, so the reference
 * is a UTCDate (@date-fns/utc) and the fields it sets are the wall clock's. (A UTC
 * TZDate does the same through Intl, measured 8 times slower: 140 µs a value, against
 * 18.) date-fns is loaded only when a format is given: importing its parser costs
 * about 50 ms of a start.
 *
 * @module
 */

/** A wall time `YYYY-MM-DDTHH:MM:SS.sss` of a value in a date-fns format, or undefined when it does not match. */
export type WallTimeReader = (value: string, format: string) => string | undefined;

/** Loads date-fns and gives a reader of values in a date-fns format. */
export async function wallTimeReader(): Promise<WallTimeReader> {
  const [{ parse }, { isValid }, { UTCDate }] = await Promise.all([
    import("date-fns/parse"),
    import("date-fns/isValid"),
    import("@date-fns/utc"),
  ]);
  const reference = new UTCDate(2000, 0, 1);
  return (value, format) => {
    const date = parse(value, format, reference);
    return isValid(date) ? date.toISOString().slice(0, 23) : undefined;
  };
}
