// The libraries users would otherwise pick, each configured with the same England and
// Wales bank holidays, plus a bare hand-written table lookup as the practical limit.
// Each adapter takes and returns what its library naturally uses (Date objects, or
// the library's own date type built from the same input).
import { addBusinessDays, addDays, differenceInBusinessDays, format, isWeekend } from "date-fns";
import dayjs from "dayjs";
import dayjsBusinessDays from "dayjs-business-days2";
import luxonBusinessDays from "luxon-business-days";
import moment from "moment";
import "moment-business-days";

const { DateTime } = luxonBusinessDays;
const DAY = 86_400_000;

/** @param {string[]} holidays ISO dates (weekday bank holidays) */
export function makePeers(holidays) {
  const set = new Set(holidays);
  const key = (d) => format(d, "yyyy-MM-dd");

  // date-fns: addBusinessDays skips weekends only; holidays need a loop.
  const dateFnsLoop = (date, n) => {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (!isWeekend(d) && !set.has(key(d))) left--;
    }
    return d;
  };
  // The clever use: one addBusinessDays jump, then extend by the holidays crossed.
  const dateFnsJump = (date, n) => {
    let from = date;
    let d = addBusinessDays(date, n);
    for (;;) {
      let crossed = 0;
      for (let x = addDays(from, 1); x <= d; x = addDays(x, 1)) if (!isWeekend(x) && set.has(key(x))) crossed++;
      if (crossed === 0) return d;
      from = d;
      d = addBusinessDays(d, crossed);
    }
  };
  // differenceInBusinessDays counts weekdays in [a, b); take out the holidays in the same range.
  const dateFnsBetween = (a, b) => {
    let n = differenceInBusinessDays(b, a);
    for (let x = a; x < b; x = addDays(x, 1)) if (!isWeekend(x) && set.has(key(x))) n--;
    return n;
  };

  moment.updateLocale("en", { holidays, holidayFormat: "YYYY-MM-DD" });
  dayjs.extend(dayjsBusinessDays, { holidays, holidayFormat: "YYYY-MM-DD" });
  // setupBusiness configures luxon-business-days for every DateTime (it returns nothing).
  DateTime.now().setupBusiness({ holidayMatchers: [(dt) => set.has(dt.toISODate())] });

  return {
    "date-fns (loop)": {
      add: dateFnsLoop,
      between: dateFnsBetween,
      convention:
        "add: the nth weekday after the date that is not a holiday (day by day); between: differenceInBusinessDays minus holidays, counting [a, b)",
    },
    "date-fns (jump)": { add: dateFnsJump, convention: "addBusinessDays, then extended by the holidays crossed" },
    "moment-business-days": {
      add: (date, n) => moment(date).businessAdd(n).toDate(),
      between: (a, b) => moment(b).businessDiff(moment(a), true),
      convention:
        "businessAdd(n): the nth business day after the date; businessDiff(.., true): signed, counts [a, b) where council-sla counts (a, b]",
    },
    "luxon-business-days": {
      add: (date, n) => DateTime.fromJSDate(date, { zone: "utc" }).plusBusiness({ days: n }).toJSDate(),
      convention: "plusBusiness({ days: n }): the nth business day after the date",
    },
    "dayjs-business-days2": {
      add: (date, n) => dayjs(date).businessDaysAdd(n).toDate(),
      between: (a, b) => dayjs(b).businessDiff(dayjs(a)),
      convention:
        "businessDaysAdd(n): the nth business day after the date; businessDiff counts [a, b) where council-sla counts (a, b]",
    },
  };
}

/**
 * A bare table lookup taking and returning Date objects: the practical limit for a
 * JavaScript implementation (no validation, no time zone, no strings).
 */
export function makeBareTable(holidays, firstYear, lastYear) {
  const origin = Math.floor(Date.UTC(firstYear, 0, 1) / DAY);
  const size = Math.floor(Date.UTC(lastYear + 1, 0, 1) / DAY) - origin;
  const set = new Set(holidays.map((h) => Math.floor(Date.parse(`${h}T00:00:00Z`) / DAY)));
  const before = new Int32Array(size + 1);
  const working = [];
  for (let i = 0; i < size; i++) {
    before[i] = working.length;
    const day = origin + i;
    const dow = (((day + 4) % 7) + 7) % 7; // 0 Sunday
    if (dow !== 0 && dow !== 6 && !set.has(day)) working.push(day);
  }
  before[size] = working.length;
  return (date, n) => {
    const day = Math.floor(date.getTime() / DAY);
    return new Date(working[before[day - origin + 1] + n - 1] * DAY);
  };
}
