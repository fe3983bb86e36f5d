// The part of @actions/core this action uses, without the OIDC client: @actions/core's entry imports
// oidc-utils, and with it @actions/http-client and undici (1 MB of bundle, ~90 ms of CPU on every run,
// main and post) for getIDToken, which docker-preflight never calls. The commands are @actions/core's own
// modules, imported past its entry; the functions below are copied from its lib/core.js,
// lib/file-command.js and lib/summary.js (v3) and must stay in step with them. The file commands are
// copied rather than imported because theirs load node:crypto for one random delimiter (src/ids.ts), and
// the summary because @actions/core's lib/summary.js takes fs.promises as it loads (src/fs-async.ts).
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs'
import { EOL } from 'node:os'
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js'
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js'
import { randomUuid } from '../ids.js'
import type { AnnotationProperties, InputOptions } from '../../node_modules/@actions/core/lib/core.js'

/**
 * The part of @actions/core the runtime calls. dist/index.js passes this module (the slim copy); src/main.ts,
 * the entry @github/local-action runs, passes the real `@actions/core`, which local-action replaces with
 * its stub to show the outputs (a type-only import: nothing of the real package is bundled).
 */
export type ActionsCore = Pick<
  typeof import('@actions/core'),
  | 'getInput'
  | 'exportVariable'
  | 'setOutput'
  | 'saveState'
  | 'getState'
  | 'setSecret'
  | 'setFailed'
  | 'isDebug'
  | 'debug'
  | 'error'
  | 'warning'
  | 'info'
  | 'startGroup'
  | 'endGroup'
  | 'group'
> & { summary: SummaryWriter }

/** The part of @actions/core's `summary` the runtime calls; the real one (local-action's path) has it too. */
export interface SummaryWriter {
  addRaw(text: string): { write(): Promise<unknown> }
}

/**
 * @actions/core's lib/summary.js addRaw and write (append, not overwrite), with its checks and messages,
 * over node:fs's synchronous calls, as the file commands below append.
 */
class JobSummary implements SummaryWriter {
  private buffer = ''

  addRaw(text: string): this {
    this.buffer += text
    return this
  }

  async write(): Promise<this> {
    const filePath = process.env.GITHUB_STEP_SUMMARY
    if (!filePath)
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
      )
    try {
      accessSync(filePath, constants.R_OK | constants.W_OK)
    } catch {
      throw new Error(
        `Unable to access summary file: '${filePath}'. Check if the file has correct read/write permissions.`
      )
    }
    appendFileSync(filePath, this.buffer, { encoding: 'utf8' })
    this.buffer = ''
    return this
  }
}

export const summary = new JobSummary()

/** @actions/core's lib/file-command.js issueFileCommand. */
function issueFileCommand(command: string, message: string): void {
  const filePath = process.env[`GITHUB_${command}`]
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`)
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`)
  appendFileSync(filePath, `${toCommandValue(message)}${EOL}`, { encoding: 'utf8' })
}

/** @actions/core's lib/file-command.js prepareKeyValueMessage: a heredoc with a random delimiter. */
function prepareKeyValueMessage(key: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUuid()}`
  const convertedValue = toCommandValue(value)
  if (key.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (convertedValue.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  return `${key}<<${delimiter}${EOL}${convertedValue}${EOL}${delimiter}`
}

export function getInput(name: string, options?: InputOptions): string {
  const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
  if (options?.required && !val) throw new Error(`Input required and not supplied: ${name}`)
  if (options?.trimWhitespace === false) return val
  return val.trim()
}

export function exportVariable(name: string, value: unknown): void {
  const convertedVal = toCommandValue(value)
  process.env[name] = convertedVal
  if (process.env.GITHUB_ENV) return issueFileCommand('ENV', prepareKeyValueMessage(name, value))
  issueCommand('set-env', { name }, convertedVal)
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) return issueFileCommand('STATE', prepareKeyValueMessage(name, value))
  issueCommand('save-state', { name }, toCommandValue(value))
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || ''
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1
  error(message)
}

export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1'
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    'error',
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message
  )
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    'warning',
    toCommandProperties(properties),
    message instanceof Error ? message.toString() : message
  )
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function startGroup(name: string): void {
  issue('group', name)
}

export function endGroup(): void {
  issue('endgroup')
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name)
  try {
    return await fn()
  } finally {
    endGroup()
  }
}
