import net from 'node:net'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'
import { alternate, fmt, median, timed, type Figure } from './util.js'

const DIST = join(process.cwd(), 'dist/index.js')
const BENCH = process.argv[1]!

/** The environment the runner gives an action step: every input at its action.yml default. */
export function actionEnv(inputs: Record<string, string>, dir: string): NodeJS.ProcessEnv {
  const action = YAML.parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_REPOSITORY: 'bench/app',
    GITHUB_SHA: 'abcdef0123456789',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md')
  }
  for (const [name, spec] of Object.entries(action.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? ''
  }
  return env
}

export function freshFiles(dir: string): void {
  for (const f of ['output', 'state', 'summary.md']) writeFileSync(join(dir, f), '')
}

/** 1. The default pipeline against the same work by hand with the docker CLI. */
export async function pipelineVsScript(work: string): Promise<Figure> {
  const app = join(work, 'app')
  mkdirSync(app, { recursive: true })
  writeFileSync(
    join(app, 'Dockerfile'),
    'FROM busybox:latest\nCOPY greeting.txt /greeting.txt\nCMD ["cat", "/greeting.txt"]\n'
  )
  writeFileSync(join(app, 'greeting.txt'), 'hello from the benchmark\n')
  const tag = 'docker-preflight-bench/app:latest'
  const script = join(work, 'by-hand.sh')
  writeFileSync(
    script,
    [
      'set -e',
      'docker --version',
      'docker version',
      'docker info',
      `DOCKER_BUILDKIT=0 docker build -t ${tag} ${app}`,
      'docker run --rm hello-world',
      `docker run --rm ${tag}`,
      'docker image ls',
      'docker container ls -a',
      ''
    ].join('\n')
  )
  // Both sides with their defaults: the action's builder is auto (BuildKit on this engine); the docker
  // CLI here has no buildx plugin, so its `docker build` is the classic builder (DOCKER_BUILDKIT=0 only
  // silences its warning).
  const env = actionEnv({ context: app, tags: tag }, work)
  const action = async (): Promise<number> => {
    freshFiles(work)
    const run = await timed(process.execPath, [DIST], { env })
    if (run.exitCode !== 0) throw new Error(`the action failed in the benchmark:\n${run.stdout.slice(-3000)}`)
    return run.ms
  }
  const byHand = async (): Promise<number> => {
    const run = await timed('bash', [script])
    if (run.exitCode !== 0) throw new Error(`the by-hand script failed:\n${run.stderr}`)
    return run.ms
  }
  const { a, b, as, bs } = await alternate(5, action, byHand)
  const ratio = a / b
  return {
    name: 'default pipeline vs docker CLI script',
    value: ratio,
    unit: '×',
    target: '≤ 0.8×',
    met: ratio <= 0.8,
    detail: `action ${fmt(a)} (runs ${as.map(fmt).join(', ')}), script ${fmt(b)} (runs ${bs.map(fmt).join(', ')})`
  }
}

/** 2. `node dist/index.js` to its first request to the engine (a listening socket that records it). */
export async function startUp(work: string): Promise<Figure> {
  const socket = join(work, 'first-request.sock')
  const samples: number[] = []
  for (let i = 0; i < 15; i++) {
    rmSync(socket, { force: true })
    let first: number | undefined
    const server = net.createServer(connection => {
      first ??= performance.now()
      connection.destroy()
    })
    await new Promise<void>(resolve => server.listen(socket, resolve))
    const started = performance.now()
    freshFiles(work)
    await timed(process.execPath, [DIST], {
      env: { ...actionEnv({ build: 'false' }, work), DOCKER_HOST: `unix://${socket}` }
    })
    await new Promise<void>(resolve => server.close(() => resolve()))
    if (first === undefined) throw new Error('the action never connected to the engine')
    samples.push(first - started)
  }
  const ms = median(samples)
  return {
    name: 'start-up to first engine request',
    value: ms,
    unit: 'ms',
    target: '≤ 150 ms',
    met: ms <= 150,
    detail: `median of ${samples.length}: ${samples.map(s => s.toFixed(0)).join(', ')} ms`
  }
}

/** Runs a child mode of this benchmark and reads its JSON line. */
export async function child<T>(mode: string, args: string[]): Promise<T> {
  const run = await timed(process.execPath, [BENCH, '--child', mode, ...args])
  if (run.exitCode !== 0) throw new Error(`bench child ${mode} failed: ${run.stderr.slice(-2000)}`)
  const line = run.stdout.trim().split('\n').pop()!
  return JSON.parse(line) as T
}

export function makeWork(): string {
  return mkdtempSync(join(tmpdir(), 'preflight-bench-'))
}
