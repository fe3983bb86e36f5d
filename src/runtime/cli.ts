import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { PreflightError, messageOf } from '../errors.js'
import { INPUTS } from '../inputs/definitions.js'
import { parseInputsOrThrow, type RawInputs } from '../inputs/parse.js'
import { runPipeline } from '../pipeline.js'
import { buildReport } from '../report/json.js'
import { renderText } from '../report/text.js'
import { readEnvironment } from './environment.js'
import { TerminalLog } from './terminal-log.js'

// The terminal edge: the same pipeline as the action, with flags named like the inputs.

export interface CliStreams {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
}

/** Runs the CLI; resolves to the exit code (0 passed, 1 failed, 2 bad usage). */
export async function runCli(
  argv: string[],
  streams: CliStreams = { stdout: process.stdout, stderr: process.stderr },
  processEnv: NodeJS.ProcessEnv = process.env
): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } }
  for (const input of INPUTS) options[input.name] = { type: input.kind === 'boolean' ? 'boolean' : 'string' }

  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values
  } catch (error) {
    streams.stderr.write(`docker-preflight: ${messageOf(error)}\nRun with --help for the flags.\n`)
    return 2
  }
  if (values.help) {
    streams.stdout.write(helpText())
    return 0
  }

  const raw: Record<string, string> = {}
  for (const input of INPUTS) {
    const value = values[input.name]
    if (value !== undefined) raw[input.name] = String(value)
  }
  if (raw['smoke-file']) {
    try {
      raw.smoke = readFileSync(raw['smoke-file'], 'utf8')
    } catch (error) {
      streams.stderr.write(`docker-preflight: --smoke-file ${raw['smoke-file']}: ${messageOf(error)}\n`)
      return 2
    }
  }

  const env = readEnvironment({ ...processEnv, GITHUB_ACTIONS: undefined })
  const log = new TerminalLog(streams.stderr)
  try {
    const config = parseInputsOrThrow(raw as RawInputs, env)
    const run = await runPipeline(config, env, { log, processEnv })
    const report = buildReport(run, env)
    mkdirSync(dirname(config.report.path), { recursive: true })
    writeFileSync(config.report.path, `${JSON.stringify(report, null, 2)}\n`)
    if (values.json) streams.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else streams.stdout.write(`${renderText(run)}\nReport: ${config.report.path}\n`)
    return run.failures.length === 0 ? 0 : 1
  } catch (error) {
    streams.stderr.write(
      `docker-preflight: ${error instanceof PreflightError ? error.message : String(error)}\n`
    )
    return 1
  }
}

export function helpText(): string {
  const lines = [
    'Usage: docker-preflight [flags]',
    '',
    'Checks the Docker engine, builds the Dockerfile, runs smoke containers and reports.',
    'Exits 0 when every check passes, 1 when one fails, 2 on bad usage.',
    '',
    'Flags (each is also an input of the GitHub Action, except where marked):'
  ]
  for (const input of INPUTS) {
    const flag = input.kind === 'boolean' ? `--${input.name}` : `--${input.name} <value>`
    const def = input.default && input.kind !== 'boolean' ? ` (default: ${input.default})` : ''
    lines.push(`  ${flag}`, `      ${input.description}${def}${input.cliOnly ? ' [CLI only]' : ''}`)
  }
  lines.push('  --help', '      Show this help.', '')
  return lines.join('\n')
}
