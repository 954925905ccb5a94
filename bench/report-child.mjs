// complianceReport over N generated contacts, streamed from a generator: contacts per
// second and peak memory, printed as JSON. Usage: node bench/report-child.mjs N
import { complianceReport } from "../dist/index.js";
import { copeland } from "../dist/charters.js";

const n = Number(process.argv[2] ?? 1_000_000);
const DAY = 86_400_000;
function* contacts() {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const start = Date.UTC(2026, 0, 5, 9);
  for (let i = 0; i < n; i++) {
    const received = start + Math.floor(rand() * 360) * DAY + Math.floor(rand() * 8 * 3_600_000);
    const kind = i % 4;
    if (kind === 0)
      yield { id: i, channel: "telephone", receivedAt: received, answeredAt: received + Math.floor(rand() * 30_000) };
    else if (kind === 1)
      yield {
        id: i,
        channel: "email",
        receivedAt: received,
        acknowledgedAt: received + Math.floor(rand() * 2 * DAY),
        respondedAt: received + Math.floor(rand() * 6 * DAY),
      };
    else if (kind === 2)
      yield { id: i, channel: "letter", receivedAt: received, respondedAt: received + Math.floor(rand() * 20 * DAY) };
    else
      yield { id: i, channel: "voicemail", receivedAt: received, respondedAt: received + Math.floor(rand() * 3 * DAY) };
  }
}
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
const t0 = performance.now();
const report = complianceReport(copeland, contacts(), {
  now: Date.UTC(2027, 1, 1),
  onProgress: sample,
  progressEvery: 20_000,
});
const ms = performance.now() - t0;
sample();
if (report.contacts !== n || report.skipped !== 0)
  throw new Error(`read ${report.contacts}, skipped ${report.skipped}`);
console.log(
  JSON.stringify({ n, ms, rate: (n / ms) * 1000, peakHeapMB: peakHeap / 2 ** 20, peakRssMB: peakRss / 2 ** 20 }),
);
