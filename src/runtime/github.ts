import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import * as core from '@actions/core'
import type { Config, RunEnvironment } from '../config.js'
import { PreflightError, messageOf } from '../errors.js'
import type { PingOutcome } from '../engine/early-ping.js'
import { INPUTS } from '../inputs/definitions.js'
import { parseInputsOrThrow, type RawInputs } from '../inputs/parse.js'
import { runPipeline, type RunResult } from '../pipeline.js'
import { buildReport } from '../report/json.js'
import { stepOutputs } from '../report/outputs.js'
import { renderSummary } from '../report/summary.js'
import { readEnvironment } from './environment.js'
import { GitHubLog } from './github-log.js'

// The GitHub Actions edge: the only module (with github-log.ts) that reads inputs, writes outputs, state
// and the job summary through @actions/core. Everything it calls is plain functions over data.

const STATE_PHASE = 'phase'
const STATE_RUN_ID = 'run-id'
const STATE_CONFIG = 'config'

/** main and post share dist/index.js; saved state tells them apart, as actions/cache does. */
export async function runAction(options: { earlyPing?: Promise<PingOutcome> } = {}): Promise<void> {
  if (core.getState(STATE_PHASE) === 'main') await post()
  else await main(options.earlyPing)
}

function readRawInputs(): RawInputs {
  const raw: Record<string, string> = {}
  for (const input of INPUTS) {
    if (input.cliOnly) continue
    // The runner sets INPUT_<NAME> from action.yml defaults; a missing variable means the default.
    const envName = `INPUT_${input.name.replace(/ /g, '_').toUpperCase()}`
    if (process.env[envName] !== undefined) raw[input.name] = core.getInput(input.name)
  }
  return raw
}

async function main(earlyPing?: Promise<PingOutcome>): Promise<void> {
  const env = readEnvironment(process.env)
  core.saveState(STATE_PHASE, 'main')
  core.saveState(STATE_RUN_ID, env.runId)
  const log = new GitHubLog()
  try {
    const config = parseInputsOrThrow(readRawInputs(), env)
    core.saveState(
      STATE_CONFIG,
      JSON.stringify({ cleanupImages: config.cleanupImages, dockerHost: config.engine.dockerHost })
    )
    const run = await runPipeline(config, env, { log, earlyPing })
    await publish(run, config, env)
    if (run.failures.length > 0) {
      core.setFailed(
        run.failures.length === 1
          ? run.failures[0]!
          : `${run.failures.length} problems:\n- ${run.failures.join('\n- ')}`
      )
    }
  } catch (error) {
    fail(error)
  }
}

async function publish(run: RunResult, config: Config, env: RunEnvironment): Promise<void> {
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

async function post(): Promise<void> {
  // Cleanup by the run's label lives in issue 6; the post step already runs after main, even on failure.
  core.debug(`post step for run ${core.getState(STATE_RUN_ID)}`)
}

/** One clear line for a user-facing failure; a stack only for bugs. */
function fail(error: unknown): void {
  if (error instanceof PreflightError) core.setFailed(error.message)
  else
    core.setFailed(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    )
}
