// Cold start: import council-sla and its charters, and compute the first deadline, in a
// fresh process. Prints the time that took, and the time since the process started.
const t0 = performance.now();
const { deadline } = await import("../dist/index.js");
const { copeland } = await import("../dist/charters.js");
deadline(copeland, "email.respond", "2026-12-24T10:00");
const t1 = performance.now();
console.log(JSON.stringify({ importAndFirstMs: t1 - t0, sinceProcessStartMs: t1 }));
