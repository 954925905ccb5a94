#!/usr/bin/env node
// Writes src/holidays/tables.generated.ts: static holiday tables for GB-ENG, GB-SCT,
// GB-NIR and CA-ON, years FIRST_YEAR..LAST_YEAR, from date-holidays (a devDependency,
// the one module that imports it at dev time) plus the sourced corrections in
// scripts/holiday-corrections.json and Ontario's weekend rules (src/holidays/README.md).
// GB-UK, the union of the three GB divisions, is derived at run time.
//
// Usage: npm run generate:holidays            (write the file)
//        npm run generate:holidays -- --check (exit 1 if the committed file is stale)
import Holidays from "date-holidays";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
const OUT = fileURLToPath(new URL("../src/holidays/tables.generated.ts", import.meta.url));
const CORRECTIONS = JSON.parse(
  readFileSync(new URL("./holiday-corrections.json", import.meta.url), "utf8"),
).corrections;

const dayOfWeek = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 Sunday .. 6 Saturday
const plusDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// date-holidays' names, spelt as GOV.UK spells them.
const GB_NAMES = new Map([
  ["New Year's Day", "New Year’s Day"],
  ["January 2nd", "2nd January"],
  ["Queen’s Platinum Jubilee", "Platinum Jubilee bank holiday"],
  ["Queen Elizabeth's Funeral Day", "Bank Holiday for the State Funeral of Queen Elizabeth II"],
  ["King Charles III's Coronation", "Bank holiday for the coronation of King Charles III"],
]);

function gbName(name) {
  const sub = / \(substitute day\)$/.exec(name);
  const base = sub ? name.slice(0, sub.index) : name;
  const spelt = GB_NAMES.get(base) ?? base;
  return sub ? `${spelt} (substitute day)` : spelt;
}

/** GB division: date-holidays types every bank holiday "public" and also lists the
 * weekend day behind each substitute day; keep weekdays only. */
function gbDivision(state) {
  const hd = new Holidays("GB", state);
  const days = new Map();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const h of hd.getHolidays(year)) {
      if (h.type !== "public" && h.type !== "bank") continue;
      const date = h.date.slice(0, 10);
      const dow = dayOfWeek(date);
      if (dow === 0 || dow === 6) continue;
      days.set(date, gbName(h.name));
    }
  }
  return days;
}

// Ontario: the nine public holidays of the Employment Standards Act, 2000, s.1(1).
const ESA_NAMES = new Map([
  ["New Year's Day", "New Year’s Day"],
  ["Family Day", "Family Day"],
  ["Good Friday", "Good Friday"],
  ["Victoria Day", "Victoria Day"],
  ["Canada Day", "Canada Day"],
  ["Labour Day", "Labour Day"],
  ["Thanksgiving", "Thanksgiving Day"],
  ["Christmas Day", "Christmas Day"],
  ["Boxing Day", "Boxing Day"],
]);

/** Ontario: ESA public holidays, moved off weekends by the Legislation Act, 2006, s.88. */
function ontario() {
  const hd = new Holidays("CA", "ON");
  const days = new Map();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const found = new Map();
    for (const h of hd.getHolidays(year)) {
      const name = ESA_NAMES.get(h.name);
      if (name !== undefined && h.type === "public") found.set(name, h.date.slice(0, 10));
    }
    for (const name of ESA_NAMES.values()) {
      if (!found.has(name) && !(name === "Family Day" && year < 2008)) {
        throw new Error(`date-holidays has no ${name} for CA-ON in ${year}`);
      }
    }
    // Family Day was first a holiday on 18 February 2008 (Family Day Act, 2007 / ESA
    // amendment, S.O. 2007); date-holidays lists it in every year.
    if (year < 2008) found.delete("Family Day");
    for (const [name, date] of found) {
      const dow = dayOfWeek(date);
      // s.88(4): when July 1 is a Sunday, Canada Day falls on July 2.
      if (name === "Canada Day" && dow === 0) days.set(plusDays(date, 1), name);
      // s.88(3): when New Year's Day falls on a Sunday, the following Monday is also a holiday.
      else if (name === "New Year’s Day" && dow === 0) days.set(plusDays(date, 1), `${name} (observed)`);
      // s.88(5): Christmas Day on a Saturday: the following Monday is also a holiday;
      // on a Sunday: the following Tuesday (Boxing Day being the Monday).
      else if (name === "Christmas Day" && dow === 6) days.set(plusDays(date, 2), `${name} (observed)`);
      else if (name === "Christmas Day" && dow === 0) days.set(plusDays(date, 2), `${name} (observed)`);
      // Kept on weekends too (not working days in any case), so that a charter's
      // substitute-day closures (ESA-style) can find the holidays they replace.
      days.set(date, name);
    }
  }
  return days;
}

function applyCorrections(region, days) {
  for (const c of CORRECTIONS) {
    if (!c.regions.includes(region)) continue;
    if (c.remove !== undefined) {
      if (!days.delete(c.remove))
        throw new Error(`${region}: nothing to remove on ${c.remove}; is the correction still needed?`);
    } else if (c.add !== undefined) {
      if (days.has(c.add)) throw new Error(`${region}: ${c.add} is already there; is the correction still needed?`);
      days.set(c.add, c.name);
    } else if (c.rename !== undefined) {
      if (!days.has(c.rename)) throw new Error(`${region}: nothing to rename on ${c.rename}`);
      days.set(c.rename, c.name);
    }
  }
  return days;
}

function encode(region, title, source, days) {
  const names = [];
  const byYear = new Map();
  for (const date of [...days.keys()].sort()) {
    const name = days.get(date);
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    const year = Number(date.slice(0, 4));
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year).push(`${date.slice(5)} ${index}`);
  }
  const lines = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    lines.push(`    ${year}: ${JSON.stringify((byYear.get(year) ?? []).join(","))},`);
  }
  return [
    `export const ${region.replace("-", "_")}: HolidayTableSource = {`,
    `  region: ${JSON.stringify(region)},`,
    `  title: ${JSON.stringify(title)},`,
    `  firstYear: ${FIRST_YEAR},`,
    `  lastYear: ${LAST_YEAR},`,
    `  source: ${JSON.stringify(source)},`,
    `  names: ${JSON.stringify(names)},`,
    `  years: {`,
    ...lines,
    `  },`,
    `};`,
  ].join("\n");
}

const pkg = "date-holidays 3.37.0";
const gbSource = `${pkg} (bank holidays, weekdays only) with the corrections in scripts/holiday-corrections.json; checked against GOV.UK for 2018-2027`;
const tables = [
  encode("GB-ENG", "England and Wales", gbSource, applyCorrections("GB-ENG", gbDivision("ENG"))),
  encode("GB-SCT", "Scotland", gbSource, applyCorrections("GB-SCT", gbDivision("SCT"))),
  encode("GB-NIR", "Northern Ireland", gbSource, applyCorrections("GB-NIR", gbDivision("NIR"))),
  encode(
    "CA-ON",
    "Ontario",
    `${pkg}: the nine public holidays of Ontario's Employment Standards Act, 2000, moved off weekends by the Legislation Act, 2006, s.88 (src/holidays/README.md)`,
    applyCorrections("CA-ON", ontario()),
  ),
];

const corrections = CORRECTIONS.map(
  (c) =>
    ` *  - ${c.regions.join(", ")}: ${c.remove ? `remove ${c.remove}` : c.add ? `add ${c.add} ${c.name}` : `rename ${c.rename} to ${c.name}`}`,
).join("\n");

const output = `// Generated by scripts/generate-holidays.mjs; do not edit. Run \`npm run generate:holidays\`.
/**
 * Static holiday tables, ${FIRST_YEAR} to ${LAST_YEAR}. Each year is a list of
 * \`MM-DD nameIndex\` entries. Corrections applied on top of ${pkg}
 * (sources in scripts/holiday-corrections.json):
${corrections}
 *
 * @module
 */
import type { HolidayTableSource } from "./table.js";

${tables.join("\n\n")}
`;

if (process.argv.includes("--check")) {
  const current = readFileSync(OUT, "utf8");
  if (current !== output) {
    console.error("src/holidays/tables.generated.ts is out of date: run npm run generate:holidays");
    process.exit(1);
  }
  console.log("src/holidays/tables.generated.ts is up to date");
} else {
  writeFileSync(OUT, output);
  console.log(`wrote ${OUT}`);
}
