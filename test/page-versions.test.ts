// The compliance page says so when a standard changed during the period of a report
// (src/cli/html.ts, versionChangeNote), and gives a standard in versions one section.
import { describe, expect, test } from "vitest";
import { reportHtml, versionChangeNote } from "../src/cli/html.js";
import { latestVersions } from "../src/cli/publication.js";
import type { PartialReport } from "../src/cli/report.js";
import { complianceReport, type Contact } from "../src/index.js";
import { riversideChange } from "./support.js";

const riverside = riversideChange(80);
const email = (receivedAt: string, respondedAt: string): Contact => ({ channel: "email", receivedAt, respondedAt });
const page = (contacts: Contact[]) => {
  const report = complianceReport(riverside, contacts, { now: "2026-01-31" });
  const { contacts: _c, skipped: _s, future: _f, errors: _e, ...figures } = report;
  const partial: PartialReport = {
    ...figures,
    input: {
      read: contacts.length,
      judged: contacts.length,
      skipped: { total: 0, reasons: [] },
      future: 0,
      duplicates: { count: 0, first: [] },
      unmatched: [],
      now: "option",
      sources: [{ name: "contacts.csv", sha256: "0".repeat(64) }],
    },
  };
  return { row: report.rows[0], html: reportHtml(partial, riverside) };
};

describe("a report that spans a change of standard, on the page", () => {
  test("one sentence names the versions and how many contacts each judged", () => {
    const { row, html } = page([
      email("2025-03-03T10:00", "2025-03-04T10:00"),
      email("2025-03-31T10:00", "2025-04-01T10:00"),
      email("2025-04-01T10:00", "2025-04-02T10:00"),
    ]);
    const note =
      "This standard changed during the period: 2 contacts were judged by the version in force until Monday 31 March 2025 (target 80%) and 1 by the version in force from Tuesday 1 April 2025 (target 100%). Each contact was judged by the version in force when it was received.";
    expect(versionChangeNote(row as never)).toBe(`<p class="meta versions">${note}</p>`);
    expect(html).toContain(note);
  });

  test("within one version, nothing is said", () => {
    const { row, html } = page([email("2025-04-01T10:00", "2025-04-02T10:00")]);
    expect(versionChangeNote(row as never)).toBe("");
    expect(html).not.toContain("changed during the period");
  });

  test("a standard given in versions has one section on the page, headed by its latest version", () => {
    const { html } = page([email("2025-04-01T10:00", "2025-04-02T10:00")]);
    expect(html.match(/<section class="standard" aria-labelledby="s\d+"/g)).toHaveLength(1);
    expect(html).toContain("From 1 April 2025 we will reply to emails within 3 working days.");
    expect(latestVersions(riverside.standards).map((s) => s.inForce?.from)).toEqual(["2025-04-01"]);
  });
});
