import type { RunEnvironment } from '../config.js'
import type { RunResult } from '../pipeline.js'

/** Bumped when a field changes meaning or disappears; adding fields does not bump it. */
export const REPORT_SCHEMA_VERSION = 1

/** The JSON report: everything the run learned. Its shape is documented in docs/report-schema.md. */
export interface Report {
  schemaVersion: number
  tool: { name: 'docker-preflight'; version: string }
  runId: string
  repository?: string
  sha?: string
  verdict: 'passed' | 'failed'
  failures: string[]
  startedAt: string
  finishedAt: string
  durationMs: number
  endpoint: string
  endpointSource?: RunResult['endpointSource']
  /** `failures`: schema 1's name for the engine check's `problems` (the same sentences). */
  engine?: NonNullable<RunResult['engine']> & { failures: string[] }
  diskUsage?: RunResult['diskUsage']
  build?: RunResult['build']
  smoke?: RunResult['smoke']
  compose?: RunResult['compose']
  inventory?: RunResult['inventory']
  drift?: RunResult['drift']
  leftovers?: RunResult['leftovers']
  push?: RunResult['push']
  structure?: RunResult['structure']
  efficiency?: RunResult['efficiency']
  timings: RunResult['timings']
}

export const TOOL_VERSION = '0.1.0'

export function buildReport(run: RunResult, env: RunEnvironment): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'docker-preflight', version: TOOL_VERSION },
    runId: env.runId,
    repository: env.repository,
    sha: env.sha,
    verdict: run.failures.length === 0 ? 'passed' : 'failed',
    failures: run.failures,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    endpoint: run.endpoint,
    endpointSource: run.endpointSource,
    engine: run.engine && { ...run.engine, failures: run.engine.problems },
    diskUsage: run.diskUsage,
    build: run.build,
    smoke: run.smoke,
    compose: run.compose,
    inventory: run.inventory,
    drift: run.drift,
    leftovers: run.leftovers,
    push: run.push,
    structure: run.structure,
    efficiency: run.efficiency,
    timings: run.timings
  }
}
