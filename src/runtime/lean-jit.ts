// Imported by the entry (src/index.ts) right after the shim, for its effect: the action and the CLI are
// processes of about a second. V8's optimizing compilers (Maglev and Turbofan) compile hot functions on
// background threads, each job with megabytes of working memory: in a run this short they cost ~3 MB of
// peak memory on Node 20 and 1–8 MB on Node 24 (the most when a Turbofan job lands at the peak) and
// save no measurable CPU, not even syncing a 5,000-file context; the efficiency analysis of a 1 GB image
// took 1.26× `docker save` without them, 1.22× with (BENCHMARKS.md, issue 14). V8's interpreter and its
// non-optimizing compiler (Sparkplug) stay on: without Sparkplug that sync took 2.5× the CPU. Set before
// the rest of the bundle loads, so none of it is queued for optimizing: the entry imports this module
// before the shim. Node 24 marks its own path code (isPosixPathSeparator, a call per character of every
// path it resolves) for Maglev once the calls pass a budget; the compile maps about 2 MB more of the node
// binary into the peak. Loading an entry at /work/main/dist/index.js stays under that budget only when the
// shim's fileURLToPath/dirname run after this; with the ~60-character path of an action on a GitHub
// runner, node's own loading of the entry passes it before any of our code runs (BENCHMARKS.md).
import v8 from 'node:v8'

try {
  v8.setFlagsFromString('--no-opt')
  v8.setFlagsFromString('--no-maglev')
} catch {
  // a runtime without these flags runs as it would
}
