import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { cleanupAt, describeCleanup } from '../cleanup/cleanup.js'
import type { Config } from '../config.js'
import { PreflightError, errorCode, messageOf } from '../errors.js'
import { INPUTS, type InputDefinition } from '../inputs/definitions.js'
import { parseInputsOrThrow, type RawInputs } from '../inputs/parse.js'
import { LABEL_RUN } from '../labels.js'
import { runPipeline, type RunResult } from '../pipeline.js'
import { TOOL_VERSION, buildReport } from '../report/json.js'
import { renderText } from '../report/text.js'
import { didYouMean } from '../did-you-mean.js'
import { onTermination } from './cancel.js'
import { readEnvironment } from './environment.js'
import { TerminalLog } from './terminal-log.js'

// The terminal edge: the same pipeline as the action, with flags named like the inputs (one definition,
// src/inputs/definitions.ts). stdout carries the report (text tables, or JSON with --json); stderr carries
// the log and the progress line, so `docker-preflight --json > report.json` works.

export interface CliStreams {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
}

/** Where the CLI writes the JSON report without --report-path: next to the person or CI job running it. */
export const CLI_REPORT_FILE = 'docker-preflight-report.json'

export const EXIT_PASSED = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

/** Boolean inputs whose default is true get a `--no-<name>` flag (Node 20's parseArgs has no allowNegative). */
function negatable(input: InputDefinition): boolean {
  return input.kind === 'boolean' && input.default === 'true'
}

/** What differs on the CLI, shown in --help. */
const CLI_NOTES: Record<string, string> = {
  'report-path': `On the CLI the default is ./${CLI_REPORT_FILE} (the current directory).`,
  summary: 'The job summary is GitHub-only: the CLI accepts the flag and ignores it.',
  'cleanup-images': 'On the CLI, the images are removed when the run ends (there is no post step).'
}

type FlagSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string }

function flagSpecs(): Record<string, FlagSpec> {
  const specs: Record<string, FlagSpec> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' }
  }
  for (const input of INPUTS) {
    if (input.kind === 'boolean') {
      specs[input.name] = { type: 'boolean' }
      if (negatable(input)) specs[`no-${input.name}`] = { type: 'boolean' }
    } else {
      // Multiline inputs may be given several times: --require-info NCPU>=2 --require-info Driver=overlay2
      specs[input.name] = { type: 'string', multiple: input.kind === 'multiline' }
    }
  }
  return specs
}

/** The usage problem in one line: thrown by parseFlags, turned into exit status 2. */
class UsageError extends Error {}

interface ParsedFlags {
  help: boolean
  version: boolean
  /** Raw input values by input name, as action inputs would give them. */
  raw: Record<string, string>
}

/** Flags → raw input strings. Throws UsageError with one clear line. */
export function parseFlags(argv: readonly string[]): ParsedFlags {
  const specs = flagSpecs()
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>
  try {
    values = parseArgs({
      args: normalizeBooleanValues(argv),
      options: specs,
      allowPositionals: false,
      strict: true
    }).values
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(describeParseError(error, Object.keys(specs)))
  }

  const raw: Record<string, string> = {}
  for (const input of INPUTS) {
    const value = values[input.name]
    if (input.kind === 'boolean') {
      const negative = negatable(input) ? values[`no-${input.name}`] : undefined
      if (value && negative)
        throw new UsageError(`--${input.name} and --no-${input.name} contradict each other`)
      if (value) raw[input.name] = 'true'
      if (negative) raw[input.name] = 'false'
    } else if (Array.isArray(value)) {
      raw[input.name] = value.map(String).join('\n')
    } else if (value !== undefined) {
      raw[input.name] = String(value)
    }
  }
  return { help: values.help === true, version: values.version === true, raw }
}

/**
 * `--disk-usage=true` and `--cleanup=false`, as people copy them from a workflow's `with:`, become
 * `--disk-usage` and `--no-cleanup`. parseArgs alone rejects a value on a boolean flag. A flag that takes
 * a value is joined with the next argument (`--smoke=...`), so a value may start with `-`.
 */
function normalizeBooleanValues(argv: readonly string[]): string[] {
  const result: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      result.push(...argv.slice(i))
      break
    }
    // A flag that takes a value takes the next argument whatever it starts with: `--smoke '- image: x'`
    // is a YAML list. parseArgs refuses a value starting with `-` unless it is joined with `=`.
    const bare = /^--([a-z][a-z0-9-]*)$/i.exec(arg)
    const valued = bare ? INPUTS.find(i => i.name === bare[1] && i.kind !== 'boolean') : undefined
    if (valued && i + 1 < argv.length) {
      result.push(`--${valued.name}=${argv[++i]!}`)
      continue
    }
    const match = /^--([a-z][a-z0-9-]*)=(.*)$/is.exec(arg)
    const input = match ? INPUTS.find(i => i.name === match[1] && i.kind === 'boolean') : undefined
    if (!match || !input) {
      result.push(arg)
      continue
    }
    const value = match[2]!.toLowerCase()
    const on = ['true', 'yes', '1', 'on'].includes(value)
    const off = ['false', 'no', '0', 'off'].includes(value)
    if (!on && !off) throw new UsageError(`--${input.name} takes true or false, not "${match[2]}"`)
    if (on) result.push(`--${input.name}`)
    else if (negatable(input)) result.push(`--no-${input.name}`)
    // false on a flag that is off by default: nothing to pass.
  }
  return result
}

function describeParseError(error: unknown, known: string[]): string {
  const message = messageOf(error)
  const code = errorCode(error)
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = flag?.replace(/^-+/, '').replace(/=.*$/, '') ?? ''
      const near = didYouMean(name, known)
      return `unknown flag ${flag ?? ''}${near ? ` (did you mean --${near}?)` : ''}`
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(message)) return `${flag ?? 'a flag'} needs a value`
      return `${flag ?? 'a flag'} takes no value (it is a switch; --${flag?.replace(/^-+/, '')}=false turns it off)`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: every setting is a --flag`
    default:
      return message.split('\n')[0] ?? message
  }
}

/**
 * Runs the CLI; resolves to the exit code: 0 every check passed, 1 a check failed (or the engine could
 * not be used), 2 bad usage (an unknown flag, an invalid value), 130/143 cancelled by SIGINT/SIGTERM.
 */
export async function runCli(
  argv: string[],
  streams: CliStreams = { stdout: process.stdout, stderr: process.stderr },
  processEnv: NodeJS.ProcessEnv = process.env
): Promise<number> {
  const usage = (message: string): number => {
    streams.stderr.write(`docker-preflight: ${message}. Run docker-preflight --help for the flags.\n`)
    return EXIT_USAGE
  }

  let flags: ParsedFlags
  try {
    flags = parseFlags(argv)
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message)
    throw error
  }
  if (flags.help) {
    streams.stdout.write(helpText())
    return EXIT_PASSED
  }
  if (flags.version) {
    streams.stdout.write(`docker-preflight ${TOOL_VERSION}\n`)
    return EXIT_PASSED
  }

  const raw = flags.raw
  if (raw['smoke-file'] !== undefined) {
    if (raw.smoke !== undefined) return usage('give --smoke or --smoke-file, not both')
    try {
      raw.smoke = readFileSync(resolve(raw['smoke-file']), 'utf8')
    } catch (error) {
      const why = errorCode(error) === 'ENOENT' ? 'no such file' : messageOf(error)
      return usage(`--smoke-file ${raw['smoke-file']}: ${why}`)
    }
  }
  raw['report-path'] ??= resolve(CLI_REPORT_FILE)

  // Not the action, even when run inside a GitHub job: no workflow commands, no job summary.
  const env = readEnvironment({ ...processEnv, GITHUB_ACTIONS: undefined })
  let config: Config
  try {
    config = await parseInputsOrThrow(raw as RawInputs, env, { processEnv })
  } catch (error) {
    if (error instanceof PreflightError) {
      streams.stderr.write(`docker-preflight: ${error.message}\n`)
      return EXIT_USAGE
    }
    throw error
  }

  const log = new TerminalLog(streams.stderr)
  let signalName: string | undefined
  const cancellation = onTermination(name => {
    signalName = name
    log.warning(`Received ${name}: stopping, then removing what this run created.`)
  })
  const { signal } = cancellation
  let run: RunResult | undefined
  try {
    run = await runPipeline(config, env, { log, processEnv, signal })
    if (signal.aborted) throw new PreflightError('cancelled')
  } catch (error) {
    log.dispose()
    if (signal.aborted) {
      await removeRun(config, env.runId, log, processEnv, false)
      streams.stderr.write(`docker-preflight: cancelled (${signalName ?? 'signal'})\n`)
      cancellation.dispose()
      return signalName === 'SIGTERM' ? 143 : 130
    }
    cancellation.dispose()
    const message = error instanceof PreflightError ? error.message : `unexpected error: ${stackOf(error)}`
    streams.stderr.write(`docker-preflight: ${message}\n`)
    return EXIT_FAILED
  }

  // What the post step does in the action: containers the run left (a safety net; the smoke stage removes
  // its own), and with --cleanup-images the images it built. --no-cleanup keeps them for a look.
  if (config.smoke.cleanup) await removeRun(config, env.runId, log, processEnv, config.cleanupImages)
  else {
    log.info(
      `Containers of this run were kept (--no-cleanup); find them with label ${LABEL_RUN}=${env.runId}`
    )
  }
  log.dispose()
  cancellation.dispose()

  const report = buildReport(run, env)
  const json = `${JSON.stringify(report, null, 2)}\n`
  let written = true
  try {
    mkdirSync(dirname(config.report.path), { recursive: true })
    writeFileSync(config.report.path, json)
  } catch (error) {
    written = false
    streams.stderr.write(
      `docker-preflight: could not write the report to ${config.report.path}: ${messageOf(error)}\n`
    )
  }
  if (flags.raw.json === 'true') streams.stdout.write(json)
  else streams.stdout.write(`${renderText(run)}${written ? `\nReport: ${config.report.path}\n` : ''}`)
  return run.failures.length === 0 && written ? EXIT_PASSED : EXIT_FAILED
}

/** Removes what the run labelled; a warning, never a failure, when it cannot. */
async function removeRun(
  config: Config,
  runId: string,
  log: TerminalLog,
  processEnv: NodeJS.ProcessEnv,
  removeImages: boolean
): Promise<void> {
  const result = await cleanupAt({
    dockerHost: config.engine.dockerHost,
    processEnv,
    runId,
    removeImages,
    log,
    timeoutMs: 20_000
  })
  for (const line of describeCleanup(result)) if (!line.startsWith('Nothing')) log.info(line)
  for (const problem of result.problems) log.warning(problem)
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

/** --help: every flag, from the one definition of the inputs. */
export function helpText(): string {
  const lines = [
    'Usage: docker-preflight [flags]',
    '',
    'Checks the Docker engine, builds the Dockerfile, runs smoke containers and reports: the same pipeline',
    'as the GitHub Action, with flags named like its inputs. The report goes to stdout (text tables, or',
    'JSON with --json) and to a JSON file; the log and a progress line go to stderr.',
    '',
    'Exit status: 0 every check passed, 1 a check failed or the engine could not be used, 2 bad usage,',
    '130/143 cancelled (SIGINT/SIGTERM).',
    '',
    'Switches take no value (--pull), or =true/=false (--pull=true); multi-line inputs may be repeated',
    '(--require-info NCPU>=2 --require-info Driver=overlay2) or given once with newlines or commas.',
    '',
    'Flags:'
  ]
  for (const input of INPUTS) {
    let flag: string
    if (input.kind === 'boolean')
      flag = negatable(input) ? `--${input.name}, --no-${input.name}` : `--${input.name}`
    else flag = `--${input.name} <${input.kind === 'multiline' ? 'lines' : 'value'}>`
    const notes: string[] = []
    if (input.kind === 'boolean') notes.push(`default: ${input.default === 'true' ? 'on' : 'off'}`)
    else if (input.default) notes.push(`default: ${input.default}`)
    if (input.cliOnly) notes.push('CLI only')
    lines.push(
      `  ${flag}`,
      `      ${plain(input.description)}${notes.length ? ` (${notes.join('; ')})` : ''}`
    )
    if (CLI_NOTES[input.name]) lines.push(`      ${CLI_NOTES[input.name]}`)
  }
  lines.push('  --version', '      Print the version.', '  -h, --help', '      Show this help.', '')
  return lines.join('\n')
}

/** Markdown code spans read as noise in a terminal. */
function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1')
}
