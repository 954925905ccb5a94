// Preloaded into a measured process (node --require bench/peak-memory.cjs ...): samples the
// heap while it runs and prints the peak heap and RSS to stderr as JSON when it exits.
let peakHeap = 0;
const timer = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 20);
timer.unref();
process.on("exit", () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  process.stderr.write(`\nPEAK ${JSON.stringify({ heapMB: peakHeap / 2 ** 20, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
});
