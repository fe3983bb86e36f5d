// Imported by the entry (src/index.ts) right after the shim, for its effect: the action and the CLI are
// processes of about a second. V8's optimizing compilers (Maglev and Turbofan) compile hot functions on
// background threads, each job with megabytes of working memory: in a run this short they cost ~3 MB of
// peak memory on Node 20 and 1–8 MB on Node 24 (the most when a Turbofan job lands at the peak) and
// save no measurable CPU, not even syncing a 5,000-file context; the efficiency analysis of a 1 GB image
// took 1.26× `docker save` without them, 1.22× with (BENCHMARKS.md, issue 14). V8's interpreter and its
// non-optimizing compiler (Sparkplug) stay on: without Sparkplug that sync took 2.5× the CPU. Set before
// the rest of the bundle loads, so none of it is queued for optimizing: the entry imports this module
// even before the shim. What it cannot reach: Node 24 marks its own path code (isPosixPathSeparator, one
// call per character of every path it resolves) for Maglev once those calls pass a budget, and loading an
// entry whose path is longer than about 21 characters (every action on a runner) passes it before any
// code of ours runs. That compile maps about 2 MB more of the node binary into the peak (BENCHMARKS.md).
//
// The young generation is also kept at its starting size (semi-space growth factor 1): V8 doubles it when
// much survives a scavenge, as module loading makes happen at once, and the pages it then touches stay in
// the peak. Alternating in one harness, the default run's peak went 59.8 -> 58.8 MB on Node 24 and
// 50.5 -> 50.0 MB on Node 20, with less CPU, not more (149 -> 141 ms and 171 -> 164 ms; ~350 fewer page
// faults of ~8,100); a 1 GB image's efficiency analysis and a 20,000-file context sync kept their figures.
import v8 from 'node:v8'

try {
  v8.setFlagsFromString('--no-opt')
  v8.setFlagsFromString('--no-maglev')
  v8.setFlagsFromString('--semi-space-growth-factor=1')
} catch {
  // a runtime without these flags runs as it would
}
