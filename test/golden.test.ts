// Known answers, worked by hand from the counting rules (README, "How deadlines are
// counted"). Each name carries the reasoning: day 1 and every day skipped.
import { describe, expect, test } from "vitest";
import { charters } from "../src/charters/index.js";
import { riversideChange } from "./support.js";
import { complianceReport, deadline, evaluate, explain, type Contact } from "../src/index.js";

/** A standard that counts from the acknowledgement gives its instant fifth. */
type Case = [reasoning: string, standardId: string, receivedAt: string, due: string, acknowledgedAt?: string];

const golden: Record<string, Case[]> = {
  copeland: [
    [
      "reception: arrival 09:00 on Monday 30 March 2026, the first day of summer time, seen by 09:05+01:00",
      "visit.attend",
      "2026-03-30T09:00",
      "2026-03-30T09:05:00.000+01:00",
    ],
    [
      "reception: arrival 16:58 on Christmas Eve 2027 (a Friday), 5 minutes run past closing to 17:03",
      "visit.attend",
      "2027-12-24T16:58",
      "2027-12-24T17:03:00.000+00:00",
    ],
    [
      "telephone: a call at 09:00 on Monday 26 October 2026, the day after the clocks go back, due 15 s later in GMT",
      "telephone.answer",
      "2026-10-26T09:00:00",
      "2026-10-26T09:00:15.000+00:00",
    ],
    [
      "telephone: a call at 16:59:59.999 is in office hours, due at 17:00:14.999",
      "telephone.answer",
      "2026-11-23T16:59:59.999",
      "2026-11-23T17:00:14.999+00:00",
    ],
    [
      "email acknowledgement: Friday 19 December 2025 17:42 -> day 1 Monday 22nd (weekend skipped)",
      "email.acknowledge",
      "2025-12-19T17:42",
      "2025-12-22T23:59:59.999+00:00",
    ],
    [
      "email acknowledgement: Wednesday 24 December 2025 -> Christmas Thu 25, Boxing Day Fri 26, weekend -> Monday 29th",
      "email.acknowledge",
      "2025-12-24T10:00",
      "2025-12-29T23:59:59.999+00:00",
    ],
    [
      "email acknowledgement: 00:00:00.000 on Thursday 24 December 2026 -> Christmas Fri 25, weekend, substitute Boxing Day Mon 28 -> Tuesday 29th",
      "email.acknowledge",
      "2026-12-24T00:00:00.000",
      "2026-12-29T23:59:59.999+00:00",
    ],
    [
      "email acknowledgement: 23:59:59.999 on Friday 24 December 2027 -> weekend, substitutes Mon 27 and Tue 28 -> Wednesday 29th",
      "email.acknowledge",
      "2027-12-24T23:59:59.999",
      "2027-12-29T23:59:59.999+00:00",
    ],
    [
      "email acknowledgement: Thursday 31 December 2026 -> New Year's Day Fri 1, weekend -> Monday 4 January 2027",
      "email.acknowledge",
      "2026-12-31T15:00",
      "2027-01-04T23:59:59.999+00:00",
    ],
    [
      "email acknowledgement: Saturday 28 March 2026, the night before the clocks go forward -> Monday 30th, ends at 23:59:59.999 BST",
      "email.acknowledge",
      "2026-03-28T22:30",
      "2026-03-30T23:59:59.999+01:00",
    ],
    [
      "email acknowledgement: Thursday 25 March 2027 -> Good Friday 26, weekend, Easter Monday 29 -> Tuesday 30th",
      "email.acknowledge",
      "2027-03-25T11:00",
      "2027-03-30T23:59:59.999+01:00",
    ],
    [
      "email acknowledgement: Friday 16 September 2022 -> the State Funeral, Monday 19th -> Tuesday 20th",
      "email.acknowledge",
      "2022-09-16T12:00",
      "2022-09-20T23:59:59.999+01:00",
    ],
    [
      "email acknowledgement: Friday 5 May 2023 -> the coronation bank holiday, Monday 8th -> Tuesday 9th",
      "email.acknowledge",
      "2023-05-05T12:00",
      "2023-05-09T23:59:59.999+01:00",
    ],
    [
      "email response: Friday 19 December 2025 17:42 -> 22, 23, 24 -> Wednesday 24th",
      "email.respond",
      "2025-12-19T17:42",
      "2025-12-24T23:59:59.999+00:00",
    ],
    [
      "email response: Monday 22 December 2025 -> 23, 24, (25-28 skipped), 29 -> Monday 29th",
      "email.respond",
      "2025-12-22T09:00",
      "2025-12-29T23:59:59.999+00:00",
    ],
    [
      "email response: Wednesday 23 December 2026 -> 24, (25-28 skipped), 29, 30 -> Wednesday 30th",
      "email.respond",
      "2026-12-23T09:00",
      "2026-12-30T23:59:59.999+00:00",
    ],
    [
      "email response: Thursday 23 December 2027 -> 24, (25-28 skipped), 29, 30 -> Thursday 30th",
      "email.respond",
      "2027-12-23T09:00",
      "2027-12-30T23:59:59.999+00:00",
    ],
    [
      "email response: Wednesday 1 April 2026 -> 2, (Good Friday 3, weekend, Easter Monday 6), 7, 8 -> Wednesday 8th",
      "email.respond",
      "2026-04-01T09:00",
      "2026-04-08T23:59:59.999+01:00",
    ],
    [
      "email response: Friday 23 October 2026 -> 26, 27, 28 (clocks went back on Sunday 25th) -> Wednesday 28th in GMT",
      "email.respond",
      "2026-10-23T16:00",
      "2026-10-28T23:59:59.999+00:00",
    ],
    [
      "complaint letter acknowledgement: Wednesday 24 December 2025 -> 29, 30, 31 -> Wednesday 31st",
      "letter.complaint.acknowledge",
      "2025-12-24T09:00",
      "2025-12-31T23:59:59.999+00:00",
    ],
    [
      "complaint letter acknowledgement: Tuesday 29 December 2026 -> 30, 31, (New Year's Day, weekend), 4 -> Monday 4 January 2027",
      "letter.complaint.acknowledge",
      "2026-12-29T09:00",
      "2027-01-04T23:59:59.999+00:00",
    ],
    [
      "complaint letter response: Friday 18 December 2026 -> 21, 22, 23, 24, (25-28), 29, 30, 31, (1-3 Jan), 4, 5, 6 -> Wednesday 6 January 2027",
      "letter.complaint.respond",
      "2026-12-18T09:00",
      "2027-01-06T23:59:59.999+00:00",
    ],
    [
      "complaint letter response: Friday 17 December 2027 -> 20-24, (25-28), 29, 30, 31, (Sat 1 Jan 2028, Sun 2, substitute Mon 3), 4, 5 -> Wednesday 5 January 2028",
      "letter.complaint.respond",
      "2027-12-17T09:00",
      "2028-01-05T23:59:59.999+00:00",
    ],
    [
      "any letter: Thursday 15 September 2022 -> 16, (funeral Mon 19), 20-23, 26-30 -> Friday 30th",
      "letter.respond",
      "2022-09-15T09:00",
      "2022-09-30T23:59:59.999+01:00",
    ],
    [
      "any letter: Tuesday 2 May 2023 -> 3, 4, 5, (coronation Mon 8), 9-12, 15, 16, 17 -> Wednesday 17th",
      "letter.respond",
      "2023-05-02T09:00",
      "2023-05-17T23:59:59.999+01:00",
    ],
    [
      "voice message: Saturday 26 December 2026 -> Sunday, substitute Boxing Day Mon 28 -> Tuesday 29th",
      "voicemail.respond",
      "2026-12-26T11:00",
      "2026-12-29T23:59:59.999+00:00",
    ],
    [
      "voice message: 01:30 on Sunday 29 March 2026 does not exist (it reads as 02:30 BST) -> Monday 30th",
      "voicemail.respond",
      "2026-03-29T01:30",
      "2026-03-30T23:59:59.999+01:00",
    ],
  ],
  colchester: [
    [
      "email: Friday 19 December 2025 17:42 -> 22, 23 -> Tuesday 23rd",
      "email.respond",
      "2025-12-19T17:42",
      "2025-12-23T23:59:59.999+00:00",
    ],
    [
      "email: Wednesday 24 December 2025 -> (Christmas, Boxing Day, weekend) 29, 30 -> Tuesday 30th",
      "email.respond",
      "2025-12-24T12:00",
      "2025-12-30T23:59:59.999+00:00",
    ],
    [
      "email: Thursday 24 December 2026 -> (25-28) 29, 30 -> Wednesday 30th",
      "email.respond",
      "2026-12-24T12:00",
      "2026-12-30T23:59:59.999+00:00",
    ],
    [
      "email: Friday 24 December 2027 -> (25-28) 29, 30 -> Thursday 30th",
      "email.respond",
      "2027-12-24T12:00",
      "2027-12-30T23:59:59.999+00:00",
    ],
    [
      "email: Thursday 2 April 2026 -> (Good Friday, weekend, Easter Monday) 7, 8 -> Wednesday 8th",
      "email.respond",
      "2026-04-02T12:00",
      "2026-04-08T23:59:59.999+01:00",
    ],
    [
      "telephone: a call at 09:00 on Monday 30 March 2026 (first BST day), answered or to voicemail by 09:02+01:00",
      "telephone.answer",
      "2026-03-30T09:00",
      "2026-03-30T09:02:00.000+01:00",
    ],
    [
      "voicemail: Thursday 24 December 2026 at 17:00 -> (25-28) -> Tuesday 29th",
      "voicemail.respond",
      "2026-12-24T17:00",
      "2026-12-29T23:59:59.999+00:00",
    ],
    [
      "voicemail: Friday 16 September 2022 -> (funeral Monday 19th) -> Tuesday 20th",
      "voicemail.respond",
      "2022-09-16T16:00",
      "2022-09-20T23:59:59.999+01:00",
    ],
  ],
  dartford: [
    [
      "telephone: a call at 16:59:50 on Friday 24 December 2027 is in office hours; due at 17:00:10",
      "telephone.answer",
      "2027-12-24T16:59:50",
      "2027-12-24T17:00:10.000+00:00",
    ],
    [
      "reception: arrival at 09:00 on Monday 30 March 2026, seen by 09:15 BST",
      "visit.attend",
      "2026-03-30T09:00",
      "2026-03-30T09:15:00.000+01:00",
    ],
    [
      "web form: Wednesday 24 December 2025 -> (25-28) 29, 30 -> Tuesday 30th",
      "web-form.respond",
      "2025-12-24T12:00",
      "2025-12-30T23:59:59.999+00:00",
    ],
    [
      "web form: Friday 5 May 2023 -> (coronation Monday 8th) 9, 10 -> Wednesday 10th",
      "web-form.respond",
      "2023-05-05T12:00",
      "2023-05-10T23:59:59.999+01:00",
    ],
    [
      "letter, fax or e-mail: Friday 18 December 2026 -> 21-24, (25-28), 29-31, (1-3 Jan), 4, 5, 6 -> Wednesday 6 January 2027",
      "letter.respond",
      "2026-12-18T09:00",
      "2027-01-06T23:59:59.999+00:00",
    ],
    [
      "letter, fax or e-mail: Wednesday 24 March 2027 -> 25, (Good Friday, weekend, Easter Monday), 30, 31, 1, 2, 5-9 -> Friday 9 April",
      "letter.respond",
      "2027-03-24T09:00",
      "2027-04-09T23:59:59.999+01:00",
    ],
    [
      "complaint acknowledgement (5, stage one): Friday 18 December 2026 -> 21-24, (Christmas Fri, weekend, substitute Boxing Day Mon 28) 29 -> Tuesday 29th",
      "letter.complaint.acknowledge",
      "2026-12-18T09:00",
      "2026-12-29T23:59:59.999+00:00",
    ],
    [
      "complaint reply (10 from the acknowledgement): received Wednesday 1 April 2026, acknowledged Thursday 2nd -> (Good Friday, weekend, Easter Monday) 7-10, 13-17, 20 -> Monday 20 April",
      "letter.complaint.respond",
      "2026-04-01T09:00",
      "2026-04-20T23:59:59.999+01:00",
      "2026-04-02T11:00",
    ],
  ],
  "dartford-housing": [
    [
      "telephone, as the council's: a call at 16:59:50 on Friday 24 December 2027 is due at 17:00:10",
      "telephone.answer",
      "2027-12-24T16:59:50",
      "2027-12-24T17:00:10.000+00:00",
    ],
    [
      "reception, as the council's: arrival at 09:00 on Monday 30 March 2026, seen by 09:15 BST",
      "visit.attend",
      "2026-03-30T09:00",
      "2026-03-30T09:15:00.000+01:00",
    ],
    [
      "web form, as the council's: Friday 5 May 2023 -> (coronation Monday 8th) 9, 10 -> Wednesday 10th",
      "web-form.respond",
      "2023-05-05T12:00",
      "2023-05-10T23:59:59.999+01:00",
    ],
    [
      "letter, as the council's: Friday 18 December 2026 -> 21-24, (25-28), 29-31, (1-3 Jan), 4, 5, 6 -> Wednesday 6 January 2027",
      "letter.respond",
      "2026-12-18T09:00",
      "2027-01-06T23:59:59.999+00:00",
    ],
    [
      "housing complaint acknowledgement (5): Friday 18 December 2026 -> 21-24, (25-28) 29 -> Tuesday 29th",
      "letter.complaint.acknowledge",
      "2026-12-18T09:00",
      "2026-12-29T23:59:59.999+00:00",
    ],
    [
      "housing stage one (10 from the acknowledgement): acknowledged Tuesday 29 December 2026 -> 30, 31, (New Year's Day, weekend) 4-8, 11, 12, 13 -> Wednesday 13 January 2027",
      "letter.complaint.respond",
      "2026-12-18T09:00",
      "2027-01-13T23:59:59.999+00:00",
      "2026-12-29T10:00",
    ],
    [
      "housing stage two acknowledgement (5): escalated Monday 30 November 2026 -> 1-4, 7 -> Monday 7 December",
      "letter.complaint-stage-two.acknowledge",
      "2026-11-30T10:00",
      "2026-12-07T23:59:59.999+00:00",
    ],
    [
      "housing stage two (20 from the acknowledgement): acknowledged Thursday 3 December 2026 -> 4, 7-11, 14-18, 21-24, (25-28) 29-31, (1-3 Jan) 4, 5 -> Tuesday 5 January 2027",
      "letter.complaint-stage-two.respond",
      "2026-11-30T10:00",
      "2027-01-05T23:59:59.999+00:00",
      "2026-12-03T10:00",
    ],
  ],
  norwich: [
    [
      "complaint acknowledgement: Monday 22 December 2025 -> 23, 24 (open until 16:00), (Christmas, Boxing Day, weekend, closed 29-31, New Year's Day, closed 2, weekend) 5, 6, 7 -> Wednesday 7 January 2026",
      "letter.complaint.acknowledge",
      "2025-12-22T10:00",
      "2026-01-07T23:59:59.999+00:00",
    ],
    [
      "complaint response: Monday 22 December 2025 -> 23, 24, (closed to 4 January) 5-9, 12-16, 19, 20, 21 -> Wednesday 21 January 2026",
      "letter.complaint.respond",
      "2025-12-22T10:00",
      "2026-01-21T23:59:59.999+00:00",
    ],
    [
      "stage two acknowledgement: Wednesday 24 December 2025 at 16:30, after the early close (days still count from the 24th) -> 5, 6, 7, 8, 9 -> Friday 9 January 2026",
      "letter.complaint-stage-two.acknowledge",
      "2025-12-24T16:30",
      "2026-01-09T23:59:59.999+00:00",
    ],
    [
      "stage two response: Friday 2 January 2026, a closure day -> 5-9, 12-16, 19-23 -> Friday 23 January",
      "letter.complaint-stage-two.respond",
      "2026-01-02T10:00",
      "2026-01-23T23:59:59.999+00:00",
    ],
    [
      "complaint acknowledgement across Christmas 2024: Monday 23 December -> 24 (open until 16:00), (Christmas, Boxing Day, closed Fri 27, weekend, closed 30 and 31, New Year's Day) 2, 3, 6, 7 -> Tuesday 7 January 2025, not Thursday 2nd",
      "letter.complaint.acknowledge",
      "2024-12-23T10:00",
      "2025-01-07T23:59:59.999+00:00",
    ],
    [
      "complaint response across Christmas 2024: Monday 23 December -> 24, (closed to 1 January) 2, 3, 6-10, 13-17, 20, 21 -> Tuesday 21 January 2025",
      "letter.complaint.respond",
      "2024-12-23T10:00",
      "2025-01-21T23:59:59.999+00:00",
    ],
    [
      "stage two acknowledgement: Tuesday 24 December 2024 at 16:30, after the 4pm close (days still count from the 24th) -> 2, 3, 6, 7, 8 -> Wednesday 8 January 2025",
      "letter.complaint-stage-two.acknowledge",
      "2024-12-24T16:30",
      "2025-01-08T23:59:59.999+00:00",
    ],
  ],
  "kawartha-lakes": [
    [
      "returned call: Thursday 28 June 2029 -> 29, (weekend; Canada Day on Sunday 1 July moves to Monday 2nd), 3 -> Tuesday 3 July",
      "voicemail.acknowledge",
      "2029-06-28T10:00",
      "2029-07-03T23:59:59.999-04:00",
    ],
    [
      "returned call: Friday 24 December 2021 -> (Christmas Sat, Boxing Day Sun; Mon 27 Christmas observed; Tue 28 the offices' substitute day for Boxing Day) 29, 30 -> Thursday 30th",
      "voicemail.acknowledge",
      "2021-12-24T10:00",
      "2021-12-30T23:59:59.999-05:00",
    ],
    [
      "letter: Thursday 29 June 2023 -> 30, (Canada Day Sat 1 July, weekend; the offices closed Monday 3 July in its place) 4, 5, 6, 7 -> Friday 7 July",
      "letter.respond",
      "2023-06-29T10:00",
      "2023-07-07T23:59:59.999-04:00",
    ],
    [
      "letter: Thursday 30 July 2026 -> 31, (weekend, Civic Holiday Monday 3 August, assumed) 4, 5, 6, 7 -> Friday 7 August",
      "letter.respond",
      "2026-07-30T10:00",
      "2026-08-07T23:59:59.999-04:00",
    ],
    [
      "letter: Friday 23 December 2022 -> (weekend, Boxing Day Mon 26, Christmas observed Tue 27) 28, 29, 30, (weekend, New Year observed Mon 2 Jan) 3, 4 -> Wednesday 4 January 2023",
      "letter.respond",
      "2022-12-23T10:00",
      "2023-01-04T23:59:59.999-05:00",
    ],
    [
      "letter: Thursday 2 April 2026 -> (Good Friday, weekend) Easter Monday 6 is a working day in Ontario: 6, 7, 8, 9, 10 -> Friday 10 April",
      "letter.respond",
      "2026-04-02T10:00",
      "2026-04-10T23:59:59.999-04:00",
    ],
    [
      "email: Friday 6 March 2026 at 17:00, the clocks go forward on Sunday 8th -> 9, 10 -> Tuesday 10 March in EDT",
      "email.acknowledge",
      "2026-03-06T17:00",
      "2026-03-10T23:59:59.999-04:00",
    ],
    [
      "email: Friday 30 October 2026, the clocks go back on Sunday 1 November -> 2, 3 -> Tuesday 3 November in EST",
      "email.acknowledge",
      "2026-10-30T16:00",
      "2026-11-03T23:59:59.999-05:00",
    ],
    [
      "email: Wednesday 30 December 2026 at 23:59:59.999 -> 31, (New Year's Day Friday, weekend) 4 -> Monday 4 January 2027",
      "email.acknowledge",
      "2026-12-30T23:59:59.999",
      "2027-01-04T23:59:59.999-05:00",
    ],
  ],
};

describe("golden deadlines for every measurable standard of every bundled charter", () => {
  for (const [id, cases] of Object.entries(golden)) {
    describe(id, () => {
      test("every measurable standard has golden cases", () => {
        const covered = new Set(cases.map((c) => c[1]));
        expect([...covered].sort()).toEqual(charters[id]?.standards.map((s) => s.id).sort());
      });
      test.each(cases)("%s", (_reasoning, standardId, receivedAt, due, acknowledgedAt) => {
        const charter = charters[id];
        if (charter === undefined) throw new Error(id);
        const d = deadline(charter, standardId, receivedAt, acknowledgedAt === undefined ? {} : { acknowledgedAt });
        expect(d.due).toBe(due);
        if (d.rule === "end-of-day") expect(d.dueDate).toBe(due.slice(0, 10));
      });
    });
  }

  test("an unknown standard names the charter's standards", () => {
    expect(() => deadline(charters.norwich as never, "email.respond", "2026-12-01T10:00")).toThrow(
      /a standard of "norwich" \(letter.complaint.acknowledge, /,
    );
  });
});

const c = (contact: Partial<Contact>): Contact =>
  ({ channel: "email", receivedAt: "2026-11-23T10:00", ...contact }) as Contact;
const status = (id: string, contact: Contact, now: string) =>
  Object.fromEntries(evaluate(charters[id] as never, contact, { now }).map((e) => [e.standardId, e.status]));

describe("golden evaluations", () => {
  test("Copeland telephone: answered at exactly 15 s is met; 1 ms later is breached by 1 ms", () => {
    const onTime = evaluate(
      charters.copeland as never,
      c({ channel: "telephone", receivedAt: "2026-11-23T10:00:00", answeredAt: "2026-11-23T10:00:15.000" }),
      { now: "2026-11-24" },
    );
    expect(onTime[0]).toMatchObject({ status: "met", by: "answer" });
    const late = evaluate(
      charters.copeland as never,
      c({ channel: "telephone", receivedAt: "2026-11-23T10:00:00", answeredAt: "2026-11-23T10:00:15.001" }),
      { now: "2026-11-24" },
    );
    expect(late[0]).toMatchObject({ status: "breached", lateMs: 1 });
  });

  test("Copeland telephone: a call at 07:30 on Monday is outside office hours, so not applicable", () => {
    expect(status("copeland", c({ channel: "telephone", receivedAt: "2026-11-23T07:30" }), "2026-11-24")).toEqual({
      "telephone.answer": "not-applicable",
    });
  });

  test("Copeland: a complaint letter is judged against the complaint standards and the all-letters standard; an email against neither", () => {
    expect(
      status(
        "copeland",
        c({
          channel: "letter",
          category: "complaint",
          receivedAt: "2026-12-18T09:00",
          acknowledgedAt: "2026-12-21T09:00",
        }),
        "2026-12-22T12:00",
      ),
    ).toEqual({
      "letter.complaint.acknowledge": "met",
      "letter.complaint.respond": "pending",
      "letter.respond": "pending",
    });
    expect(Object.keys(status("copeland", c({}), "2026-11-24"))).toEqual(["email.acknowledge", "email.respond"]);
  });

  test("Copeland email: a full response also acknowledges; a response on the 4th working day breaches by 1 working day", () => {
    const [ack, respond] = evaluate(
      charters.copeland as never,
      c({ receivedAt: "2026-11-23T10:00", respondedAt: "2026-11-27T10:00" }),
      { now: "2026-12-01" },
    );
    expect(ack).toMatchObject({ status: "breached", by: "response", lateWorkingDays: 3 });
    expect(respond).toMatchObject({ status: "breached", lateWorkingDays: 1, lateMs: 10 * 3_600_000 + 1 });
  });

  test("Colchester telephone: passed to voicemail at 1 min 59 s is met by voicemail", () => {
    const [r] = evaluate(
      charters.colchester as never,
      c({ channel: "telephone", receivedAt: "2026-11-23T10:00:00", voicemailAt: "2026-11-23T10:01:59" }),
      { now: "2026-11-24" },
    );
    expect(r).toMatchObject({ status: "met", by: "voicemail" });
  });

  test("Colchester email: acknowledged in time with a promised date, answered by it -> met by promise", () => {
    const [r] = evaluate(
      charters.colchester as never,
      c({
        receivedAt: "2025-12-19T17:42",
        acknowledgedAt: "2025-12-23T16:00",
        promisedBy: "2026-01-09",
        respondedAt: "2026-01-09T16:59",
      }),
      { now: "2026-02-01" },
    );
    expect(r).toMatchObject({ status: "met", by: "promise", due: "2026-01-09T23:59:59.999+00:00" });
  });

  test("Colchester email: promise made, then broken -> breached against the promised date", () => {
    const [r] = evaluate(
      charters.colchester as never,
      c({
        receivedAt: "2025-12-19T17:42",
        acknowledgedAt: "2025-12-23T16:00",
        promisedBy: "2026-01-09",
        respondedAt: "2026-01-12T09:00",
      }),
      { now: "2026-02-01" },
    );
    expect(r).toMatchObject({ status: "breached", by: "promise", lateWorkingDays: 1 });
  });

  test("Colchester email: an acknowledgement after the due date cannot make a promise", () => {
    const [r] = evaluate(
      charters.colchester as never,
      c({
        receivedAt: "2025-12-19T17:42",
        acknowledgedAt: "2025-12-24T09:00",
        promisedBy: "2026-01-09",
        respondedAt: "2026-01-08T09:00",
      }),
      { now: "2026-02-01" },
    );
    expect(r).toMatchObject({ status: "breached", due: "2025-12-23T23:59:59.999+00:00" });
  });

  test("Dartford telephone: abandoned at 8 s, before the 20 s limit -> not applicable; abandoned at 25 s -> breached", () => {
    expect(
      status(
        "dartford",
        c({ channel: "telephone", receivedAt: "2026-11-23T10:00:00", abandonedAt: "2026-11-23T10:00:08" }),
        "2026-11-24",
      ),
    ).toEqual({ "telephone.answer": "not-applicable" });
    expect(
      status(
        "dartford",
        c({ channel: "telephone", receivedAt: "2026-11-23T10:00:00", abandonedAt: "2026-11-23T10:00:25" }),
        "2026-11-24",
      ),
    ).toEqual({ "telephone.answer": "breached" });
  });

  test("Dartford: an e-mail is written correspondence (letter.respond), pending until its due date, at risk near the end", () => {
    const [r] = evaluate(charters.dartford as never, c({ receivedAt: "2026-12-18T09:00" }), {
      now: "2027-01-06T12:00",
    });
    expect(r).toMatchObject({
      standardId: "letter.respond",
      status: "pending",
      atRisk: true,
      remainingMs: 12 * 3_600_000 - 1,
    });
  });

  test("Kawartha Lakes letter: not answered by the end of Friday 10 April 2026 -> breached at 00:00 Saturday by 1 ms", () => {
    const [r] = evaluate(
      charters["kawartha-lakes"] as never,
      c({ channel: "letter", receivedAt: "2026-04-02T10:00" }),
      { now: "2026-04-11T00:00:00.000" },
    );
    expect(r).toMatchObject({ status: "breached", lateMs: 1, lateWorkingDays: 0 });
  });

  test("Copeland telephone, on its published hours: Wednesday 25 November 2026 at 09:15 (opens 10:00) and Friday 27th at 16:45 (closed 16:30) are not applicable; Wednesday at 10:15 is in scope", () => {
    const call = (at: string) =>
      status("copeland", c({ channel: "telephone", receivedAt: at, answeredAt: `${at}:10` }), "2026-12-01");
    expect(call("2026-11-25T09:15")).toEqual({ "telephone.answer": "not-applicable" });
    expect(call("2026-11-27T16:45")).toEqual({ "telephone.answer": "not-applicable" });
    expect(call("2026-11-25T10:15")).toEqual({ "telephone.answer": "met" });
  });

  test("Dartford reception: arriving at 16:50, 10 minutes before the 17:00 close, is not applicable (the customer is asked to come 15 minutes before); at 16:44 it counts", () => {
    const [late] = evaluate(
      charters.dartford as never,
      c({ channel: "visit", receivedAt: "2026-11-23T16:50", attendedAt: "2026-11-23T16:58" }),
      { now: "2026-12-01" },
    );
    expect(late).toMatchObject({
      standardId: "visit.attend",
      status: "not-applicable",
      reason: "customer-obligation",
      obligation: "arrive-before-closing",
    });
    expect(
      status(
        "dartford",
        c({ channel: "visit", receivedAt: "2026-11-23T16:44", attendedAt: "2026-11-23T16:58" }),
        "2026-12-01",
      ),
    ).toEqual({ "visit.attend": "met" });
  });

  test("Dartford reception: 12 minutes late for a 10:00 appointment is not applicable (late arrivals may not be seen); early for a 10:30 appointment and seen at 10:30 is not a breach of the walk-in standard", () => {
    const [late] = evaluate(
      charters.dartford as never,
      c({ channel: "visit", receivedAt: "2026-11-23T10:12", appointmentAt: "2026-11-23T10:00" }),
      { now: "2026-12-01" },
    );
    expect(late).toMatchObject({
      status: "not-applicable",
      reason: "customer-obligation",
      obligation: "appointment-punctuality",
    });
    const [early] = evaluate(
      charters.dartford as never,
      c({
        channel: "visit",
        receivedAt: "2026-11-23T10:00",
        appointmentAt: "2026-11-23T10:30",
        attendedAt: "2026-11-23T10:30",
      }),
      { now: "2026-12-01" },
    );
    expect(early).toMatchObject({ status: "not-applicable", reason: "appointment" });
    expect(explain(early as never)).toMatch(/covers visits without an appointment/);
  });

  test("Kawartha Lakes letter across Monday 3 July 2023 (closed in place of Canada Day, a Saturday): due Friday 7 July, so a reply on Thursday 6th is met", () => {
    expect(
      status(
        "kawartha-lakes",
        c({ channel: "letter", receivedAt: "2023-06-29T10:00", respondedAt: "2023-07-06T15:00" }),
        "2023-08-01",
      ),
    ).toEqual({ "letter.respond": "met" });
  });

  test("how firmly each standard is promised is on every result: Colchester aims, with its caveat; Kawartha Lakes' returned calls are a general rule", () => {
    const [e] = evaluate(charters.colchester as never, c({}), { now: "2026-12-01" });
    expect([e?.firmness, e?.caveat]).toEqual(["aim", "in times of high demand you may need to be patient with us"]);
    expect(explain(e as never)).toMatch(
      /aims to meet this standard.*It adds: “in times of high demand you may need to be patient with us”/,
    );
    expect(deadline(charters["kawartha-lakes"] as never, "voicemail.acknowledge", "2026-11-23T10:00").firmness).toBe(
      "general-rule",
    );
  });

  test("Norwich across Christmas 2024: a telephone complaint on Monday 9 December is due for its response on Tuesday 7 January 2025 (10-13, 16-20, 23, 24, then closed to 1 January, 2, 3, 6, 7), so a response that day is met; without the closure it would have been due on 2 January", () => {
    const phoned = c({
      channel: "telephone",
      category: "complaint",
      receivedAt: "2024-12-09T11:00",
      acknowledgedAt: "2024-12-13T10:00",
      respondedAt: "2025-01-07T15:00",
    });
    expect(status("norwich", phoned, "2025-02-01")).toEqual({
      "letter.complaint.acknowledge": "met",
      "letter.complaint.respond": "met",
    });
    const [, respond] = evaluate(charters.norwich as never, phoned, { now: "2025-02-01" });
    expect(respond?.due).toBe("2025-01-07T23:59:59.999+00:00");
    expect(explain(respond as never)).toMatch(
      /Friday 27 December \(Christmas and New Year closure\), .*Monday 30 December \(Christmas and New Year closure\), Tuesday 31 December \(Christmas and New Year closure\)/,
    );
  });

  test("Norwich: a complaint made in person (by appointment) or left as a voice message is judged too; a phone call that is not a complaint has no Norwich standard", () => {
    const complaint = (channel: Contact["channel"]) =>
      Object.keys(
        status("norwich", c({ channel, category: "complaint", receivedAt: "2026-11-23T10:00" }), "2026-11-24"),
      );
    expect([complaint("visit"), complaint("voicemail")]).toEqual([
      ["letter.complaint.acknowledge", "letter.complaint.respond"],
      ["letter.complaint.acknowledge", "letter.complaint.respond"],
    ]);
    expect(status("norwich", c({ channel: "telephone" }), "2026-11-24")).toEqual({});
  });

  test("Dartford: a complaint letter answered on working day 12 (acknowledged on day 2, Wednesday 4 November 2026; answered Wednesday 18th, the 10th working day after) is met under the complaints procedure, and not judged as late correspondence (10 working days: due Monday 16th)", () => {
    const complaint = c({
      channel: "letter",
      category: "complaint",
      receivedAt: "2026-11-02T10:00",
      acknowledgedAt: "2026-11-04T10:00",
      respondedAt: "2026-11-18T15:00",
    });
    expect(status("dartford", complaint, "2026-12-31")).toEqual({
      "letter.complaint.acknowledge": "met",
      "letter.complaint.respond": "met",
    });
    const { category: _, ...letter } = complaint;
    expect(status("dartford", letter as Contact, "2026-12-31")).toEqual({ "letter.respond": "breached" });
  });

  test("Dartford: a revised timescale within 10 further working days (due Wednesday 18 November 2026; revised to Wednesday 2 December, the 10th working day after) is met by it; one to Thursday 3 December is beyond it, ignored, and the reply that day breached", () => {
    const revised = (promisedBy: string, respondedAt: string) =>
      evaluate(
        charters.dartford as never,
        c({
          channel: "email",
          category: "complaint",
          receivedAt: "2026-11-02T10:00",
          acknowledgedAt: "2026-11-04T10:00",
          promisedBy,
          respondedAt,
        }),
        { now: "2026-12-31" },
      ).find((e) => e.standardId === "letter.complaint.respond");
    expect(revised("2026-12-02", "2026-12-02T16:00")).toMatchObject({
      status: "met",
      by: "promise",
      due: "2026-12-02T23:59:59.999+00:00",
    });
    const beyond = revised("2026-12-03", "2026-12-03T10:00");
    expect(beyond).toMatchObject({
      status: "breached",
      due: "2026-11-18T23:59:59.999+00:00",
      promiseIgnored: "beyond-limit",
      promiseLimit: { amount: 10, unit: "workingDays", latest: "2026-12-02T23:59:59.999+00:00" },
      lateWorkingDays: 11,
    });
    expect(explain(beyond as never)).toMatch(
      /at most 10 working days further: by the end of Wednesday 2 December 2026/,
    );
  });

  test("Dartford's housing layer at both stages: stage one acknowledged Friday 6 November 2026 (day 4 of 5) and answered Friday 20th (10 working days after) is met; stage two acknowledged Thursday 3 December and answered Tuesday 5 January 2027 (20 working days after, across Christmas) is met, where the council's own charter has no stage two standard at all", () => {
    const stageOne = c({
      channel: "letter",
      category: "complaint",
      receivedAt: "2026-11-02T10:00",
      acknowledgedAt: "2026-11-06T10:00",
      respondedAt: "2026-11-20T16:00",
    });
    expect(status("dartford-housing", stageOne, "2027-02-01")).toEqual({
      "letter.complaint.acknowledge": "met",
      "letter.complaint.respond": "met",
    });
    const stageTwo = c({
      channel: "letter",
      category: "complaint-stage-two",
      receivedAt: "2026-11-30T10:00",
      acknowledgedAt: "2026-12-03T10:00",
      respondedAt: "2027-01-05T16:00",
    });
    expect(status("dartford-housing", stageTwo, "2027-02-01")).toEqual({
      "letter.complaint-stage-two.acknowledge": "met",
      "letter.complaint-stage-two.respond": "met",
    });
    expect(status("dartford", stageTwo, "2027-02-01")).toEqual({});
    // An extension of 20 further working days at stage two: from Tuesday 5 January to Tuesday 2 February 2027.
    const extended = evaluate(
      charters["dartford-housing"] as never,
      { ...stageTwo, promisedBy: "2027-02-02", respondedAt: "2027-02-02T12:00" },
      { now: "2027-03-01" },
    ).find((e) => e.standardId === "letter.complaint-stage-two.respond");
    expect([extended?.status, extended?.by]).toEqual(["met", "promise"]);
  });

  test("Copeland: a walk-in on Wednesday 1 April 2020, after the offices closed to the public on Monday 23 March, is not applicable (reception closed), while calls are still judged; on Wednesday 18 March 2020 and from Monday 19 July 2021 (assumed reopening) reception counts", () => {
    const walkIn = (at: string) =>
      evaluate(charters.copeland as never, c({ channel: "visit", receivedAt: at, attendedAt: `${at}:03` }), {
        now: "2022-01-01",
      })[0];
    const closed = walkIn("2020-04-01T10:30");
    expect([closed?.status, closed?.reason]).toEqual(["not-applicable", "outside-office-hours"]);
    expect(explain(closed as never)).toMatch(/received while the office was closed/);
    expect(walkIn("2020-03-18T10:30")?.status).toBe("met");
    expect(walkIn("2021-07-16T10:30")?.status).toBe("not-applicable");
    expect(walkIn("2021-07-19T10:30")?.status).toBe("met");
    expect(
      status(
        "copeland",
        c({ channel: "telephone", receivedAt: "2020-04-01T10:30", answeredAt: "2020-04-01T10:30:10" }),
        "2022-01-01",
      ),
    ).toEqual({ "telephone.answer": "met" });
  });

  test("events after now have not happened yet", () => {
    expect(status("copeland", c({ respondedAt: "2026-11-24T10:00" }), "2026-11-23T12:00")).toEqual({
      "email.acknowledge": "pending",
      "email.respond": "pending",
    });
  });
});

describe("golden reports", () => {
  // The guide's example (charters/README.md): 5 working days until 31 March 2025, 3 from 1 April.
  const riverside = riversideChange();
  const reply = (id: number, receivedAt: string, respondedAt: string): Contact => ({
    id,
    channel: "email",
    receivedAt,
    respondedAt,
  });

  test("a report over 2024 to 2026 that spans the change: each email judged by the version in force when it came, and the row says which versions judged how many", () => {
    const report = complianceReport(
      riverside,
      [
        // Old version, Monday 3 June 2024: 4-7, 10 -> due Monday 10 June; answered then: met.
        reply(1, "2024-06-03T10:00", "2024-06-10T12:00"),
        // Old version, Monday 31 March 2025: 1-4, 7 April -> due Monday 7 April: met (3 days would have been Thursday 3rd).
        reply(2, "2025-03-31T10:00", "2025-04-07T12:00"),
        // New version, Tuesday 1 April 2025: 2-4 -> due Friday 4 April; answered Monday 7th: breached by 1 working day.
        reply(3, "2025-04-01T10:00", "2025-04-07T12:00"),
        // New version, Monday 5 January 2026: 6-8 -> due Thursday 8 January: met.
        reply(4, "2026-01-05T10:00", "2026-01-08T12:00"),
      ],
      { now: "2026-12-31T17:00" },
    );
    const [row] = report.rows;
    expect([row?.met, row?.breached, row?.metShare, row?.achieved]).toEqual([3, 1, 0.75, false]);
    expect(row?.versions).toEqual([
      {
        from: null,
        to: "2025-03-31",
        target: { percent: 100 },
        firmness: null,
        met: 2,
        breached: 0,
        pending: 0,
        notApplicable: 0,
      },
      {
        from: "2025-04-01",
        to: null,
        target: { percent: 100 },
        firmness: null,
        met: 1,
        breached: 1,
        pending: 0,
        notApplicable: 0,
      },
    ]);
    expect(row?.worst.map((w) => [w.contactId, w.due])).toEqual([[3, "2025-04-04T23:59:59.999+01:00"]]);
    expect(row?.worst[0]?.explanation).toContain(
      "The version of this standard in force from Tuesday 1 April 2025 applied.",
    );
  });

  test("a report within one version lists that version only", () => {
    const report = complianceReport(riverside, [reply(1, "2026-01-05T10:00", "2026-01-08T12:00")], {
      now: "2026-12-31T17:00",
    });
    expect(report.rows[0]?.versions?.map((v) => [v.from, v.to, v.met])).toEqual([["2025-04-01", null, 1]]);
  });
});
