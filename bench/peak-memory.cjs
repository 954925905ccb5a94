// Preloaded into a measured process (node --require bench/peak-memory.cjs ...): prints to
// stderr, as JSON when it exits, the peak live heap (the heap measured right after each
// full garbage collection: what the process holds, not what it has yet to collect), the
// peak sampled heap (garbage included), the peak RSS, and the CPU time of all its threads.
const { PerformanceObserver, constants } = require("node:perf_hooks");
let peakLive = 0;
let peakHeap = 0;
const timer = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 20);
timer.unref();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  }
}).observe({ entryTypes: ["gc"] });
process.on("exit", () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const mb = (bytes) => bytes / 2 ** 20;
  process.stderr.write(
    `\nPEAK ${JSON.stringify({ liveMB: mb(peakLive || process.memoryUsage().heapUsed), heapMB: mb(peakHeap), rssMB: process.resourceUsage().maxRSS / 1024, cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6 })}\n`,
  );
});
