import v8 from 'node:v8'

/**
 * The action's process lives about a second. V8's optimizing compilers (Maglev and Turbofan) compile hot
 * functions on background threads, each job with megabytes of working memory: in a run this short they
 * cost ~3 MB of peak memory on Node 20 and 24 (up to 8 MB when a Turbofan job lands at the peak) and save
 * no measurable CPU, not even syncing a 5,000-file context (BENCHMARKS.md, issue 14). V8's interpreter and
 * its non-optimizing compiler (Sparkplug) stay on: without Sparkplug that sync took 2.5× the CPU.
 * Only the action's entry calls this; the CLI and the tests run with node's defaults.
 */
export function leanJit(): void {
  try {
    v8.setFlagsFromString('--no-opt')
    v8.setFlagsFromString('--no-maglev')
  } catch {
    // a runtime without these flags just runs as it would
  }
}
