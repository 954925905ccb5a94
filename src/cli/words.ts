/**
 * The command's words for the library's concepts (concepts.ts): how the
 * tables, the Markdown and the page name a channel, a stage, a report period,
 * an abandoned-call policy or a holiday region. Each table is a Record over
 * its concept's union, so a new member does not compile until it has its
 * words here. The words the library shares with the command (a firmness, a
 * status) are in words.ts; the command's messages are in cli/messages.ts.
 *
 * @module
 */
import {
  FIRMNESSES,
  type AbandonedPolicy,
  type Channel,
  type Firmness,
  type ReportBy,
  type Stage,
} from "../concepts.js";
import type { HolidayRegion } from "../holidays/index.js";
import { FIRMNESS_WORDS } from "../words.js";

/** A table's words for a value read from a file, which may be one the table does not have: then the value itself. */
export function wordsFor<K extends string>(table: Readonly<Record<K, string>>, value: unknown): string {
  const key = String(value);
  return Object.hasOwn(table, key) ? table[key as K] : key;
}

/** What a standard's contacts are called, in a title: "65% of calls answered within 20 seconds". */
export const CHANNEL_PLURAL: Readonly<Record<Channel, string>> = {
  telephone: "calls",
  voicemail: "voice messages",
  email: "emails",
  letter: "letters",
  fax: "faxes",
  visit: "visitors",
  "web-form": "web forms",
  "social-media": "social media messages",
};

/** A channel before a category's contacts: "complaints by email or letter". */
export const CHANNEL_SINGULAR: Readonly<Record<Channel, string>> = {
  telephone: "telephone",
  voicemail: "voicemail",
  email: "email",
  letter: "letter",
  fax: "fax",
  visit: "visit",
  "web-form": "web form",
  "social-media": "social media",
};

/** What was done to a contact at each stage, in a title: "calls answered within 20 seconds". */
export const STAGE_DONE: Readonly<Record<Stage, string>> = {
  answer: "answered",
  attend: "seen",
  acknowledge: "acknowledged",
  respond: "answered in full",
};

/** A report period in a sentence: "by financial year". */
export const PERIOD_WORDS: Readonly<Record<ReportBy, string>> = {
  month: "month",
  week: "week",
  quarter: "quarter",
  "financial-year": "financial year",
};

/** What the page says of abandoned calls under each policy, when the charter has standards that answer or attend. */
export const ABANDONED_WORDS: Readonly<Record<AbandonedPolicy, string>> = {
  "by-limit": "A call ended by the caller before the time limit is not counted; one ended after it counts as not met.",
  missed: "A call ended by the caller before it was answered counts as not met.",
  excluded: "A call ended by the caller before it was answered is not counted.",
};

/** The holidays a working day excludes, by the bundled region. */
export const REGION_WORDS: Readonly<Record<HolidayRegion, string>> = {
  "GB-ENG": "bank holidays in England and Wales",
  "GB-SCT": "bank holidays in Scotland",
  "GB-NIR": "bank holidays in Northern Ireland",
  "GB-UK": "bank holidays in any part of the UK",
  "CA-ON": "Ontario's public holidays",
};

/** "we will": each firmness as the charter's own words, for a table cell. */
export const FIRMNESS_SAYS: Readonly<Record<Firmness, string>> = Object.fromEntries(
  FIRMNESSES.map((f) => [f, FIRMNESS_WORDS[f].says]),
) as Record<Firmness, string>;

/** "We will": a firmness opening the page's sentence. */
export const firmnessOpening = (firmness: Firmness): string => {
  const says = FIRMNESS_WORDS[firmness].says;
  return says.charAt(0).toUpperCase() + says.slice(1);
};
