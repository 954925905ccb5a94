/**
 * Dates read with a date-fns format are wall times, whatever the host's zone:
 * date-fns parses into a date of the reference's kind, so the reference is a
 * UTC TZDate and the fields it sets are the wall clock's.
 *
 * @module
 */
import { TZDate } from "@date-fns/tz";

export function utcReference(): TZDate {
  return new TZDate(2000, 0, 1, "UTC");
}
