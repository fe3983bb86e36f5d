import { execFileSync } from 'node:child_process'
import net from 'node:net'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'
import { parseFileCommands } from '../__tests__/helpers/action-runner.js'
import { actionPostIf, runnerStartsPost } from '../__tests__/helpers/post-if.js'
import { alternate, fmt, median, timed, timedUsage, type Figure } from './util.js'

// PREFLIGHT_ENTRY: a throwaway bundle of src/ (as in the tests) while dist/ is behind.
const DIST = process.env.PREFLIGHT_ENTRY || join(process.cwd(), 'dist/index.js')
const BENCH = process.argv[1]!

// The action's runs are labelled `<run id>-<attempt>-<random>`; this id finds them again afterwards.
const BENCH_RUN_ID = `bench${process.pid}`

/**
 * The action keeps the image it built (`cleanup-images: false`), so each round leaves the one before it
 * untagged on the engine: removed once the case is measured, by this bench's own run label.
 */
function removeBenchImages(): void {
  const docker = (...args: string[]): string => execFileSync('docker', args, { encoding: 'utf8' })
  const ids = docker('images', '-q', '--no-trunc', '--filter', 'label=io.docker-preflight.run')
    .split('\n')
    .filter(Boolean)
  if (ids.length === 0) return
  const ours = docker(
    'image',
    'inspect',
    '--format',
    '{{.Id}} {{index .Config.Labels "io.docker-preflight.run"}}',
    ...new Set(ids)
  )
    .split('\n')
    .filter(line => line.split(' ')[1]?.startsWith(`${BENCH_RUN_ID}-`))
    .map(line => line.split(' ')[0]!)
  if (ours.length > 0) docker('rmi', '--force', ...ours)
}

/**
 * The environment the runner gives an action step: every input at its action.yml default, and the job's
 * DOCKER_HOST when it has one (the engine scripts/engine.sh picked: without it the action would talk to
 * the default socket while the CLI script, which inherits this process's environment, talks to this one).
 */
export function actionEnv(inputs: Record<string, string>, dir: string): NodeJS.ProcessEnv {
  const action = YAML.parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_REPOSITORY: 'bench/app',
    GITHUB_SHA: 'abcdef0123456789',
    GITHUB_RUN_ID: BENCH_RUN_ID,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md')
  }
  for (const [name, spec] of Object.entries(action.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? ''
  }
  return env
}

export function freshFiles(dir: string): void {
  for (const f of ['output', 'state', 'env', 'summary.md']) writeFileSync(join(dir, f), '')
}

/** Which node runs the action in case 1: Node 20 (this process's) or Node 24 (scripts/node24.sh). */
export interface NodeUnderTest {
  label: string
  execPath: string
  /** Empty the compile cache (RUNNER_TEMP) before each main step, as on a fresh hosted runner. */
  coldCache?: boolean
}

/**
 * 1. The default pipeline, main step then post step as the runner runs them (the post step gets the
 * state main saved, and starts only when action.yml's post-if, evaluated with what main wrote to
 * GITHUB_ENV, says so), against the same work by hand with the docker CLI. Wall time, CPU (user + sys of
 * every process each side started) and peak RSS of both sides. The post step is also timed on its own
 * every round, as it runs when the runner starts it anyway (an earlier step of the job left something).
 */
export async function pipelineVsScript(
  work: string,
  node: NodeUnderTest,
  /** A DOCKER_CONFIG whose CLI has the buildx plugin: the script then builds with BuildKit, as the action does. */
  buildxConfig?: string
): Promise<Figure[]> {
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
      buildxConfig ? `docker build -q -t ${tag} ${app}` : `DOCKER_BUILDKIT=0 docker build -t ${tag} ${app}`,
      'docker run --rm hello-world',
      `docker run --rm ${tag}`,
      'docker image ls',
      'docker container ls -a',
      ''
    ].join('\n')
  )
  // Both sides with their defaults: the action's builder is auto (BuildKit on this engine); the docker
  // CLI here has no buildx plugin, so its `docker build` is the classic builder (DOCKER_BUILDKIT=0 only
  // silences its warning). With buildxConfig the CLI has the plugin, and its `docker build` is BuildKit,
  // as on a runner with buildx (GitHub's have it); `-q` keeps buildx's progress off the terminal.
  const env = actionEnv({ context: app, tags: tag }, work)
  const posts: number[] = []
  const postIf = actionPostIf()
  let postsStarted = 0
  const cpu = { action: [] as number[], script: [] as number[] }
  const rss = { action: [] as number[], script: [] as number[] }
  const action = async (): Promise<number> => {
    freshFiles(work)
    if (node.coldCache) rmSync(join(work, 'docker-preflight-compile-cache'), { recursive: true, force: true })
    const main = await timedUsage(node.execPath, [DIST], { env })
    if (main.exitCode !== 0)
      throw new Error(`the action failed in the benchmark:\n${main.stdout.slice(-3000)}`)
    const state = parseFileCommands(readFileSync(join(work, 'state'), 'utf8'))
    const exported = parseFileCommands(readFileSync(join(work, 'env'), 'utf8'))
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
    const post = await timedUsage(node.execPath, [DIST], { env: { ...env, ...exported, ...stateEnv } })
    if (post.exitCode !== 0) throw new Error(`the post step failed in the benchmark:\n${post.stdout}`)
    posts.push(post.ms)
    if (!runnerStartsPost(postIf, { ...env, ...exported })) {
      cpu.action.push(main.cpuMs)
      rss.action.push(main.maxRssMB)
      return main.ms
    }
    postsStarted++
    cpu.action.push(main.cpuMs + post.cpuMs)
    rss.action.push(Math.max(main.maxRssMB, post.maxRssMB))
    return main.ms + post.ms
  }
  const byHand = async (): Promise<number> => {
    const run = await timedUsage('bash', [script], {
      env: buildxConfig ? { ...process.env, DOCKER_CONFIG: buildxConfig } : process.env
    })
    if (run.exitCode !== 0) throw new Error(`the by-hand script failed:\n${run.stderr}`)
    cpu.script.push(run.cpuMs)
    rss.script.push(run.maxRssMB)
    return run.ms
  }
  const { a, b, as, bs } = await alternate(7, action, byHand)
  removeBenchImages()
  // The floor under the post step on this machine at this moment: node starting and doing nothing.
  const bare: number[] = []
  // In the action's environment: a NODE_EXTRA_CA_CERTS of the bench's own (this machine sets one) makes
  // Node 20 parse those certificates at start-up, ~30 ms the action does not pay.
  for (let i = 0; i < 5; i++) bare.push((await timed(node.execPath, ['-e', '0'], { env })).ms)
  // Medians of the measured rounds (the warm-ups are the first entry of each list).
  const [postMs, cpuA, cpuB, rssA, rssB] = [posts, cpu.action, cpu.script, rss.action, rss.script].map(l =>
    median(l.slice(1))
  ) as [number, number, number, number, number]
  const ratio = a / b
  const on = `(${node.label})`
  if (buildxConfig) {
    // For comparison only: the target is taken against the script as this machine's CLI runs it.
    return [
      {
        name: `default pipeline, main + post, vs the same script building with BuildKit (buildx) ${on}`,
        value: ratio,
        unit: '×',
        target: 'none (for comparison)',
        met: undefined,
        detail: `action ${fmt(a)} (runs ${as.map(fmt).join(', ')}), script with \`docker build\` through buildx ${fmt(b)} (runs ${bs.map(fmt).join(', ')})`
      }
    ]
  }
  return [
    {
      name: `default pipeline, main + post, vs docker CLI script ${on}`,
      value: ratio,
      unit: '×',
      target: '≤ 0.8×',
      met: ratio <= 0.8,
      detail: `action ${fmt(a)} (runs ${as.map(fmt).join(', ')}; the runner would have started the post step in ${postsStarted} of ${posts.length}, post-if \`${postIf}\`), script ${fmt(b)} (runs ${bs.map(fmt).join(', ')})`
    },
    {
      name: `post step after a run that left nothing, when started anyway ${on}`,
      value: postMs,
      unit: 'ms',
      target: '≤ 150 ms',
      met: postMs <= 150,
      detail: `median of ${posts.length - 1}; \`node -e 0\` on this machine meanwhile: ${fmt(median(bare))}`
    },
    {
      name: `CPU (user + sys), main + post vs script ${on}`,
      value: cpuA / cpuB,
      unit: '×',
      target: '≤ 2×',
      met: cpuA / cpuB <= 2,
      detail: `action ${fmt(cpuA)}, script ${fmt(cpuB)} (medians)`
    },
    {
      name: `peak RSS of the default run ${on}`,
      value: rssA,
      unit: 'MB',
      target: '≤ 60 MB',
      met: rssA <= 60,
      detail: `action ${rssA.toFixed(0)} MB, script ${rssB.toFixed(0)} MB (largest process, medians)`
    }
  ]
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
