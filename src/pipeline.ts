import type Docker from 'dockerode'
import { compareWithBaseline, type DriftResult } from './audit/drift.js'
import { buildImage, type BuildResult } from './build/build.js'
import type { Config, RunEnvironment } from './config.js'
import { api } from './engine/api.js'
import { checkEngine, type EngineCheckResult } from './engine/check.js'
import { connect, resolveEndpoint, type Endpoint } from './engine/connect.js'
import type { PingOutcome } from './engine/early-ping.js'
import { takeInventory, type Inventory } from './inventory/inventory.js'
import { runLabels } from './labels.js'
import type { Log } from './log/log.js'
import { runSmoke, type SmokeResult } from './smoke/run.js'

/** How long each part of the run took, for the summary's time chart. */
export interface Timing {
  label: string
  ms: number
}

/** Everything one run learned. The report (JSON, summary, text, outputs) is rendered from this alone. */
export interface RunResult {
  startedAt: string
  finishedAt: string
  durationMs: number
  endpoint: string
  engine?: EngineCheckResult
  diskUsage?: Record<string, unknown>
  build?: BuildResult
  smoke?: SmokeResult
  inventory?: Inventory
  drift?: DriftResult
  /** Why the step fails, one sentence each; empty when it passes. */
  failures: string[]
  timings: Timing[]
}

export interface PipelineDeps {
  log: Log
  signal?: AbortSignal
  /** Process environment for DOCKER_HOST and friends; tests pass their own. */
  processEnv?: NodeJS.ProcessEnv
  /** The entry's early /_ping (see src/engine/early-ping.ts), when it sent one. */
  earlyPing?: Promise<PingOutcome>
}

/**
 * Runs the stages in order: engine check, build, smoke, inventory, drift. Each stage is a plain function
 * over typed inputs; this function only wires them and collects failures. An engine that cannot be
 * reached throws (nothing else can run); every other failure is recorded and the run goes on, so the
 * report shows as much as can be known.
 */
export async function runPipeline(
  config: Config,
  env: RunEnvironment,
  deps: PipelineDeps
): Promise<RunResult> {
  const { log, signal } = deps
  const started = Date.now()
  const endpoint: Endpoint = resolveEndpoint(config.engine.dockerHost, deps.processEnv ?? process.env)
  const docker: Docker = connect(endpoint)
  const failures: string[] = []
  const timings: Timing[] = []

  const engine = await log.group('Engine', async () => {
    const result = await checkEngine({
      docker,
      endpoint,
      options: config.engine,
      log,
      signal,
      earlyPing: deps.earlyPing
    })
    logEngine(result, log)
    return result
  })
  timings.push({ label: 'engine check', ms: engine.durationMs })
  failures.push(...engine.failures)

  const diskUsagePromise = config.audit.diskUsage ? api.df(docker, signal) : undefined

  const build = await buildImage({
    docker,
    options: config.build,
    env,
    log,
    signal,
    labels: runLabels(env.runId, 'build')
  })
  if (build.status !== 'skipped') timings.push({ label: 'build', ms: build.durationMs })
  if (build.status === 'failed') {
    const failure = build.failure
    failures.push(`Build failed: ${failure?.message ?? 'unknown error'}`)
    // The red X on the PR points at the Dockerfile line that failed.
    if (failure) {
      log.error(failure.message, {
        title: failure.instruction ? `Build failed at ${failure.instruction}` : 'Build failed',
        file: failure.file,
        startLine: failure.line
      })
    }
  }

  const builtImage =
    build.status === 'built' && build.imageId
      ? { id: build.imageId, reference: build.tags[0] ?? build.imageId }
      : undefined
  const smoke =
    build.status === 'failed'
      ? undefined
      : await runSmoke({
          docker,
          options: config.smoke,
          builtImage,
          env,
          log,
          signal,
          labels: runLabels(env.runId, 'smoke')
        })
  for (const result of smoke?.results ?? []) {
    timings.push({ label: `smoke: ${result.name}`, ms: result.durationMs })
    if (!result.passed) failures.push(`Smoke container "${result.name}" failed: ${result.reason}`)
  }

  const inventory = await takeInventory({
    docker,
    scope: config.report.scope,
    runId: env.runId,
    build,
    smoke,
    usedImages: [...new Set(smoke?.results.map(r => r.image) ?? [])],
    signal
  })

  const diskUsage = await diskUsagePromise
  const drift = await compareWithBaseline({ facts: engine.facts, diskUsage, options: config.audit })
  if (drift && drift.failing.length > 0) {
    failures.push(`Engine drifted from the baseline: ${drift.failing.map(d => d.field).join(', ')}`)
  }

  return {
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    endpoint: endpoint.display,
    engine,
    diskUsage,
    build,
    smoke,
    inventory,
    drift,
    failures,
    timings
  }
}

function logEngine(result: EngineCheckResult, log: Log): void {
  const { facts } = result
  const info = facts.info
  log.info(`Endpoint:        ${facts.endpoint}`)
  log.info(`Server version:  ${facts.serverVersion} (API ${facts.apiVersion})`)
  log.info(`Client version:  ${facts.clientVersion ?? 'no docker CLI found'}`)
  log.info(`OS/arch:         ${facts.os}/${facts.arch}, kernel ${facts.kernelVersion}`)
  log.info(`Storage driver:  ${String(info.Driver ?? '')}`)
  log.info(`Cgroup:          ${String(info.CgroupDriver ?? '')} v${String(info.CgroupVersion ?? '?')}`)
  log.info(`Default runtime: ${String(info.DefaultRuntime ?? '')}`)
  log.info(`Security:        ${(info.SecurityOptions as string[] | undefined)?.join(', ') ?? ''}`)
  for (const outcome of result.conditions) {
    log.info(
      `require-info ${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.condition.source} (${outcome.actual})`
    )
  }
  for (const failure of result.failures) log.error(failure)
}
