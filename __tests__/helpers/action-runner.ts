import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  /** What the step wrote to GITHUB_ENV for the steps after it (the last value of each name). */
  exported: Record<string, string>
  summary: string
  dir: string
}

interface ActionYaml {
  inputs: Record<string, { default?: string }>
}

/**
 * The bundle the tests run: dist/index.js, or PREFLIGHT_ENTRY (a throwaway `node scripts/bundle.mjs
 * /tmp/x`, then /tmp/x/index.js, while src/ is ahead of the committed dist/).
 */
export const ACTION_ENTRY = process.env.PREFLIGHT_ENTRY || 'dist/index.js'

/**
 * Runs the bundled dist/index.js as the runner does: INPUT_* for every action.yml input (its default
 * unless overridden), GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV / GITHUB_STEP_SUMMARY as files. With `phase: 'post'`,
 * the state of an earlier run is passed back as STATE_* variables.
 */
export async function runAction(
  inputs: Record<string, string> = {},
  options: {
    env?: NodeJS.ProcessEnv
    state?: Record<string, string>
    dir?: string
    timeoutMs?: number
    entry?: string
    /** Called with the child as soon as it runs (to send it signals). */
    onSpawn?: (child: ChildProcess) => void
  } = {}
): Promise<ActionRun> {
  const action = YAML.parse(readFileSync('action.yml', 'utf8')) as ActionYaml
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'preflight-action-'))
  const files = {
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    env: join(dir, 'env'),
    summary: join(dir, 'summary.md')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCKER_HOST: process.env.DOCKER_HOST,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_REPOSITORY: 'octo/preflight-test',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_STEP_SUMMARY: files.summary,
    ...options.env
  }
  for (const [name, spec] of Object.entries(action.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? ''
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value

  const child = spawn(process.execPath, [options.entry ?? ACTION_ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  options.onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 110_000)
  const exitCode = await new Promise<number>(resolve => child.on('close', code => resolve(code ?? -1)))
  clearTimeout(timer)

  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    state: parseFileCommands(readFileSync(files.state, 'utf8')),
    exported: parseFileCommands(readFileSync(files.env, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    dir
  }
}

/** Parses GITHUB_OUTPUT / GITHUB_STATE files: `name<<DELIM\nvalue\nDELIM` blocks (and `name=value`). */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
      result[name] = value.join('\n')
    } else if (line.includes('=')) {
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return result
}
