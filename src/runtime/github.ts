import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import * as slimCore from './actions-core.js'
import type { ActionsCore } from './actions-core.js'
import { cleanupAt, describeCleanup, nothingLeftAt, type CleanupResult } from '../cleanup/cleanup.js'
import type { Config, RunEnvironment } from '../config.js'
import type { PingOutcome } from '../engine/early-ping.js'
import { contextInUse } from '../engine/endpoint.js'
import { CancelledError, PreflightError, messageOf } from '../errors.js'
import { plural } from '../format.js'
import { INPUTS } from '../inputs/definitions.js'
import { parseInputsOrThrow, type RawInputs } from '../inputs/parse.js'
import type { Log } from '../log/log.js'
import { runPipeline, type RunResult } from '../pipeline.js'
import { escapeHtml } from '../report/escape.js'
import { buildReport } from '../report/json.js'
import { stepOutputs } from '../report/outputs.js'
import { renderSummary } from '../report/summary.js'
import { onTermination } from './cancel.js'
import { readEnvironment } from './environment.js'
import { GitHubLog } from './github-log.js'
import {
  LEFT_NOTHING,
  NOTHING_LEFT_ENV,
  NOTHING_LEFT_LINE,
  STATE_CONFIG,
  STATE_LEFT,
  STATE_PHASE,
  STATE_RUN_ID
} from './state.js'

// The GitHub Actions edge: the only module (with github-log.ts) that reads inputs, writes outputs, state
// and the job summary through @actions/core. Everything it calls is plain functions over data.

/** After SIGINT, how long the stages get to wind down before main stops waiting for them. */
const CANCEL_GRACE_MS = 2_000
/** After SIGINT, how long the engine has to show it is there before cleanup is attempted. */
const CANCEL_PING_MS = 1_000
/** After SIGINT, how long removing what the run created may take (the runner sends SIGTERM at 7.5 s). */
const CANCEL_CLEANUP_MS = 4_000
/** The post step's whole budget: an engine that stopped answering must not hold the job for hours. */
const POST_CLEANUP_MS = 20_000
/** How long main's last look for what the run left (3 listings) may take before post is left to do it. */
const LEFT_CHECK_MS = 2_000
/** Once main or post is done, whatever still holds the event loop (a stuck socket) gets this long. */
const EXIT_GRACE_MS = 1_000

/** What main saves for the post step. */
interface SavedConfig {
  cleanupImages: boolean
  dockerHost?: string
  /** The docker context main used, so a `docker context use` in a later step cannot move the cleanup. */
  context?: string
  summary: boolean
}

/**
 * main and post share dist/index.js; saved state tells them apart, as actions/cache does.
 *
 * Exit status is guarded three ways, because a step that goes green without having run is worse than a
 * red one: the exit code is 1 until main completes; if the event loop drains while main still awaits
 * (a request whose daemon died without a word could leave a promise that never settles, and node would otherwise
 * just exit), the step fails with a message saying so; and once main is done, an unref'd timer ends the
 * process even if a stuck socket would keep it alive.
 */
export async function runAction(
  options: {
    earlyPing?: Promise<PingOutcome>
    /** @actions/core, or the slim copy of the part this action uses (the default: src/runtime/actions-core.ts). */
    core?: ActionsCore
  } = {}
): Promise<void> {
  const core = options.core ?? slimCore
  let done = false
  const onDrain = (): void => {
    if (done) return
    // Any open connection keeps node's event loop alive, so a loop that drains while main still awaits
    // means a reply was cut off and the request lost its socket without settling (docker-modem, still
    // used for ssh://, does not report a response that ends early; transport.ts does).
    core.setFailed(
      'docker-preflight stopped before the run completed: a reply from the Docker engine was cut off ' +
        'and never finished (did the engine stop or restart?)'
    )
    process.exit(1)
  }
  const onCrash = (error: unknown): void => {
    fail(core, error)
    process.exit(1)
  }
  process.on('beforeExit', onDrain)
  process.on('uncaughtException', onCrash)
  process.on('unhandledRejection', onCrash)
  process.exitCode = 1
  try {
    if (core.getState(STATE_PHASE) === 'main') await post(core)
    else await main(core, options.earlyPing)
  } finally {
    done = true
    process.off('beforeExit', onDrain)
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref()
  }
}

function readRawInputs(core: ActionsCore): RawInputs {
  const raw: Record<string, string> = {}
  for (const input of INPUTS) {
    if (input.cliOnly) continue
    // The runner sets INPUT_<NAME> from action.yml defaults; a missing variable means the default.
    const envName = `INPUT_${input.name.replace(/ /g, '_').toUpperCase()}`
    if (process.env[envName] !== undefined) raw[input.name] = core.getInput(input.name)
  }
  return raw
}

async function main(core: ActionsCore, earlyPing?: Promise<PingOutcome>): Promise<void> {
  const env = readEnvironment(process.env)
  // Read before this step writes its own 'false' (state.ts NOTHING_LEFT_ENV): only if every earlier
  // docker-preflight step of the job left nothing may this one let the runner skip the post steps.
  // A step that could not write its 'false' never writes 'true' either.
  const earlierLeftNothing = [undefined, 'true'].includes(process.env[NOTHING_LEFT_ENV])
  const mayTellNothingLeft = tellRunnerNothingLeft(core, false) && earlierLeftNothing
  core.saveState(STATE_PHASE, 'main')
  core.saveState(STATE_RUN_ID, env.runId)
  const log = new GitHubLog(undefined, core)
  let signalName: string | undefined
  const cancellation = onTermination(name => {
    signalName = name
    log.warning(`Received ${name}: cancelling the run and removing what it created.`)
  })
  const { signal } = cancellation
  let config: Config | undefined
  try {
    config = await parseInputsOrThrow(readRawInputs(core), env, {
      mask: value => core.setSecret(value),
      processEnv: process.env
    })
    const saved: SavedConfig = {
      cleanupImages: config.cleanupImages,
      dockerHost: config.engine.dockerHost,
      context: contextInUse(config.engine.dockerHost, process.env),
      summary: config.report.summary
    }
    core.saveState(STATE_CONFIG, JSON.stringify(saved))
    // The post step loads the whole bundle only when there is something to remove (it runs in every job,
    // after every run): main looks once, as soon as the stages are done with containers, networks and
    // volumes (beside the inventory and the report), and says so in the state. With `cleanup-images`
    // there always is something.
    const { dockerHost } = config.engine
    let checkingLeft: Promise<boolean> | undefined
    const lookForLeft = (): void => {
      checkingLeft ??= nothingLeftAt({
        dockerHost,
        processEnv: process.env,
        runId: env.runId,
        timeoutMs: LEFT_CHECK_MS
      })
    }
    const run = await settledOrCancelled(
      runPipeline(config, env, {
        log,
        earlyPing,
        signal,
        processEnv: process.env,
        ...(config.cleanupImages ? {} : { onStagesDone: lookForLeft })
      }),
      signal,
      CANCEL_GRACE_MS
    )
    // A run cut short is never reported as passed, whatever the stages made of the abort.
    if (signal.aborted) throw new CancelledError()
    await publish(core, run, config, env)
    if (checkingLeft && (await checkingLeft) && !signal.aborted) {
      core.saveState(STATE_LEFT, LEFT_NOTHING)
      if (mayTellNothingLeft && tellRunnerNothingLeft(core, true))
        log.info(`${NOTHING_LEFT_LINE} The post step has nothing to do: the runner skips it.`)
    }
    if (run.failures.length > 0) {
      core.setFailed(
        run.failures.length === 1
          ? run.failures[0]!
          : `${run.failures.length} problems:\n- ${run.failures.join('\n- ')}`
      )
    } else {
      process.exitCode = 0
    }
  } catch (error) {
    if (signal.aborted) core.setFailed(`The run was cancelled (${signalName ?? 'signal'}).`)
    else fail(core, error)
  } finally {
    if (signal.aborted && config) {
      await removeAfterCancel(config.engine.dockerHost, env.runId, config.cleanupImages, log)
    }
    cancellation.dispose()
  }
}

/**
 * The pipeline's result; once the signal fires, the stages get `graceMs` to wind down and then main
 * stops waiting (a stage stuck on an unresponsive engine must not eat the seconds cleanup needs).
 */
export function settledOrCancelled<T>(work: Promise<T>, signal: AbortSignal, graceMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined
    const onAbort = (): void => {
      timer = setTimeout(() => reject(new CancelledError()), graceMs)
    }
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    })
  })
}

/**
 * Sets NOTHING_LEFT_ENV for action.yml's post-if (state.ts says how it is kept right across several
 * steps). Only under a runner that reads GITHUB_ENV: elsewhere the post step is not skipped. True if written.
 */
function tellRunnerNothingLeft(core: ActionsCore, nothingLeft: boolean): boolean {
  if (!process.env.GITHUB_ENV) return false
  try {
    core.exportVariable(NOTHING_LEFT_ENV, String(nothingLeft))
    return true
  } catch {
    // A GITHUB_ENV that cannot be written only costs the skip: the runner then starts the post step.
    return false
  }
}

async function removeAfterCancel(
  dockerHost: string | undefined,
  runId: string,
  removeImages: boolean,
  log: Log
): Promise<void> {
  const result = await cleanupAt({
    dockerHost,
    processEnv: process.env,
    runId,
    removeImages,
    log,
    timeoutMs: CANCEL_CLEANUP_MS,
    pingTimeoutMs: CANCEL_PING_MS
  })
  reportCleanup(result, log)
}

async function publish(
  core: ActionsCore,
  run: RunResult,
  config: Config,
  env: RunEnvironment
): Promise<void> {
  const report = buildReport(run, env)
  mkdirSync(dirname(config.report.path), { recursive: true })
  writeFileSync(config.report.path, `${JSON.stringify(report, null, 2)}\n`)
  for (const [name, value] of Object.entries(stepOutputs(run, config.report.path)))
    core.setOutput(name, value)
  if (config.report.summary && process.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(renderSummary(run))
      .write()
      .catch(error => core.warning(`Could not write the job summary: ${messageOf(error)}`))
  }
}

function readSavedConfig(core: ActionsCore): SavedConfig {
  try {
    const saved = JSON.parse(core.getState(STATE_CONFIG) || '{}') as Partial<SavedConfig>
    return {
      cleanupImages: saved.cleanupImages === true,
      // Main saves nothing when its inputs were invalid; the post step gets the same inputs.
      dockerHost:
        typeof saved.dockerHost === 'string' ? saved.dockerHost : core.getInput('docker-host') || undefined,
      context: typeof saved.context === 'string' && saved.context ? saved.context : undefined,
      summary: saved.summary !== false
    }
  } catch {
    return { cleanupImages: false, dockerHost: core.getInput('docker-host') || undefined, summary: true }
  }
}

/**
 * The post step runs after main, even when main failed or was cancelled. It removes every container
 * labelled with the run (with anonymous volumes; `cleanup: false` only keeps them for the job's later
 * steps) and, with `cleanup-images`, the images the run built. A failure here is a warning: main has
 * already judged the run, and a warning says what may be left behind.
 */
async function post(core: ActionsCore): Promise<void> {
  process.exitCode = 0
  const runId = core.getState(STATE_RUN_ID)
  if (!runId) {
    core.info('No run of docker-preflight to clean up.')
    return
  }
  const saved = readSavedConfig(core)
  const log = new GitHubLog(undefined, core)
  const result = await cleanupAt({
    dockerHost: saved.dockerHost,
    processEnv: saved.context ? { ...process.env, DOCKER_CONTEXT: saved.context } : process.env,
    runId,
    removeImages: saved.cleanupImages,
    log,
    timeoutMs: POST_CLEANUP_MS
  })
  reportCleanup(result, log)
  const removed =
    result.containers.length + result.images.length + result.networks.length + result.volumes.length
  if (removed > 0 && saved.summary && process.env.GITHUB_STEP_SUMMARY) {
    const parts = [
      result.containers.length > 0 ? plural(result.containers.length, 'container') : '',
      result.networks.length > 0 ? plural(result.networks.length, 'network') : '',
      result.volumes.length > 0 ? plural(result.volumes.length, 'volume') : '',
      result.images.length > 0 ? plural(result.images.length, 'image') : ''
    ].filter(Boolean)
    await core.summary
      .addRaw(
        `<p>🧹 docker-preflight cleanup removed ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts[0]!} of run <code>${escapeHtml(runId)}</code>.</p>\n`
      )
      .write()
      .catch(error => core.warning(`Could not write the job summary: ${messageOf(error)}`))
  }
}

function reportCleanup(result: CleanupResult, log: Log): void {
  for (const line of describeCleanup(result)) log.info(line)
  for (const problem of result.problems) log.warning(`Cleanup: ${problem}`)
}

/** One clear line for a user-facing failure; a stack only for bugs. */
function fail(core: ActionsCore, error: unknown): void {
  if (error instanceof PreflightError) core.setFailed(error.message)
  else
    core.setFailed(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    )
}
