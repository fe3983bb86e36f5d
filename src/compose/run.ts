// The compose stage: a whole Compose stack up under a project name of this run, judged service by
// service, then always taken down. The real `docker compose` plugin does config, up and down (called
// through @actions/exec with DOCKER_HOST set to the action's endpoint); the engine API (dockerode)
// watches the containers: readiness with smoke's wait objects (port, HTTP, log, HEALTHCHECK), exits,
// logs and health logs. Compose's own `up --wait` is not used: it fails a one-shot service that exits 0
// unless another service depends on it with service_completed_successfully (docker/compose
// pkg/compose/start.go getDependencyCondition; issue 10596).
import { writeFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { ContainerInspect, ContainerListItem, EngineClient } from '../engine/client.js'
import YAML from 'yaml'
import { removeLabelled, type CleanupResult } from '../cleanup/cleanup.js'
import type { PullPolicy, RunEnvironment } from '../config.js'
import { messageOf } from '../errors.js'
import { runLabels } from '../labels.js'
import type { Log } from '../log/log.js'
import { formatDuration, plural } from '../format.js'
import { deadline, sleep } from '../signals.js'
import { followOutput, type OutputFollow } from '../smoke/container.js'
import { runEntry } from '../smoke/entry.js'
import { OutputCollector, TAIL_BYTES, type PatternWatch } from '../smoke/output.js'
import { describePort, publishedPorts, type PublishedPort } from '../smoke/ports.js'
import { ImageProvider } from '../smoke/pull.js'
import {
  HealthyWait,
  strategyFor,
  waitUntilReady,
  type ReadyAnswer,
  type WaitStrategy
} from '../smoke/ready.js'
import type { BuiltImage, SmokeContainerResult } from '../smoke/run.js'
import { showPattern } from '../smoke/spec.js'
import { runCompose, type ComposeCall, type ComposeOutput } from './exec.js'
import {
  dependencyOrder,
  parseModel,
  type ComposeModel,
  type ComposeService,
  type ServiceDependency
} from './model.js'
import { findComposePlugin, missingPluginError } from './plugin.js'
import type { ComposeSmoke, ServiceExpectation } from './spec.js'
import type { StageResult } from '../stage.js'

export interface ComposeOptions {
  /** Absolute paths of the Compose files, in order (none: the stage is skipped). */
  files: string[]
  smoke: ComposeSmoke
  /** How long `up` may take, and each service to be judged (a compose-smoke timeout overrides it). */
  timeoutMs: number
  pullPolicy: PullPolicy
}

export interface ComposeStageInput {
  client: EngineClient
  /** The engine for the plugin: DOCKER_HOST and TLS variables (engineEnvironment of the action's endpoint). */
  engine: Record<string, string>
  options: ComposeOptions
  env: RunEnvironment
  /** Where the plugin is looked for (DOCKER_CONFIG, HOME) and what it inherits. */
  processEnv: NodeJS.ProcessEnv
  builtImage?: BuiltImage
  log: Log
  signal?: AbortSignal
}

export interface HealthProbe {
  exitCode: number
  output: string
  end?: string
}

export interface ComposeServiceResult {
  name: string
  image: string
  /** one-shot: expected to exit (and did, or was expected to); long-running: expected to stay up. */
  kind: 'long-running' | 'one-shot'
  /** The container's state when judged: running, exited, created, restarting, or `not created`. */
  state: string
  /** healthy, unhealthy, starting; undefined without a healthcheck. */
  health?: string
  ports: string[]
  exitCode?: number
  passed: boolean
  /** Why it passed or failed, in a sentence. */
  reason: string
  dependsOn: ServiceDependency[]
  /** The Compose file (relative to the workspace) and line that define the service. */
  definedAt?: { file: string; line: number }
  /** The last part of its output (untrusted). */
  logTail: string
  logTruncated: boolean
  /** The engine's last health probes (untrusted output). */
  healthLog: HealthProbe[]
}

export interface ComposeResult extends StageResult<'passed' | 'failed'> {
  project: string
  files: string[]
  plugin?: string
  services: ComposeServiceResult[]
  /** The compose-smoke extra containers, judged as smoke entries. */
  containers: SmokeContainerResult[]
  /** What `down` (and the by-label sweep after it) removed, or could not. */
  removed: { containers: number; networks: number; volumes: number; problems: string[] }
}

const LABEL_PROJECT = 'com.docker.compose.project'
const LABEL_SERVICE = 'com.docker.compose.service'
const LABEL_ONEOFF = 'com.docker.compose.oneoff'
/** A service with nothing to wait for passes once it has run this long without exiting. */
const SETTLE_MS = 2_000
/** How often a service's container state is read while judging. */
const POLL_MS = 300
/** `down` and the sweep after it get their own time: they run after a deadline or a cancel. */
const DOWN_TIMEOUT_MS = 30_000
const HEALTH_LOG_ENTRIES = 5

/** `preflight-<run id>`, within Compose's project name rules (lowercase, digits, `-`, `_`). */
export function projectName(runId: string): string {
  return `preflight-${runId}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')
}

/**
 * Runs the stage. Never rejects: a missing plugin, a bad Compose file, a failed service and a cancel are
 * all problems in the result; the stack is taken down whatever happened.
 */
export async function runComposeStage(input: ComposeStageInput): Promise<ComposeResult> {
  const { options, log, env, signal } = input
  const started = Date.now()
  const project = projectName(env.runId)
  const result: ComposeResult = {
    status: 'failed',
    problems: [],
    project,
    files: options.files.map(file => relative(env.workspace, file) || file),
    services: [],
    containers: [],
    removed: { containers: 0, networks: 0, volumes: 0, problems: [] },
    startedAt: new Date(started).toISOString(),
    finishedAt: '',
    durationMs: 0
  }
  const finish = (): ComposeResult => {
    result.status = result.problems.length === 0 ? 'passed' : 'failed'
    result.finishedAt = new Date().toISOString()
    result.durationMs = Date.now() - started
    return result
  }

  const plugin = findComposePlugin(input.processEnv)
  if (!plugin) {
    result.problems.push(missingPluginError(input.processEnv).message)
    return finish()
  }
  result.plugin = plugin
  // The image this run built, for `image: ${PREFLIGHT_IMAGE}` in the Compose file.
  const built = input.builtImage ? { PREFLIGHT_IMAGE: input.builtImage.reference } : {}
  const call: ComposeCall = {
    plugin,
    engine: input.engine,
    env: { ...input.processEnv, ...built },
    cwd: env.workspace
  }
  const fileArgs = options.files.flatMap(file => ['-f', file])

  // The resolved model first: nothing is created when the files are wrong.
  const config = await runCompose(call, ['-p', project, ...fileArgs, 'config', '--format', 'json'], signal)
  if (signal?.aborted) {
    result.problems.push('cancelled before the stack was started')
    return finish()
  }
  if (config.exitCode !== 0) {
    printOutput(log, 'docker compose config', config)
    result.problems.push(`docker compose config failed: ${lastLine(config.stderr)}`)
    return finish()
  }
  let model: ComposeModel
  try {
    model = parseModel(config.stdout, options.files)
  } catch (error) {
    result.problems.push(messageOf(error))
    return finish()
  }
  const unknown = options.smoke.services.filter(e => !model.services.some(s => s.name === e.service))
  for (const entry of unknown) {
    result.problems.push(
      `compose-smoke entry #${entry.entry} names service "${entry.service}", which the Compose project does not have (it has ${model.services.map(s => s.name).join(', ')})`
    )
  }
  if (unknown.length > 0) return finish()
  const order = dependencyOrder(model.services).map(s => s.name)
  log.info(
    `Compose project ${project}: ${plural(order.length, 'service')} (${order.join(', ')}) from ${result.files.join(', ')}`
  )

  // The run's labels go on every container, network and volume through an override file, so the post
  // step and a cancel find the stack by label even when the plugin is gone.
  const override = join(env.tempDir, `${project}.labels.yaml`)
  writeFileSync(override, overrideFile(model, env.runId))
  const stackArgs = ['-p', project, ...fileArgs, '-f', override]

  try {
    await upAndJudge({ input, model, stackArgs, call, result })
  } finally {
    await down({ input, model, stackArgs, call, result })
    rmSync(override, { force: true })
  }
  return finish()
}

/** One stack of the stage: its input, model, the project's arguments to `docker compose`, the result. */
interface Stack {
  input: ComposeStageInput
  model: ComposeModel
  /** `-p <project> -f <file>... -f <labels override>` */
  stackArgs: string[]
  call: ComposeCall
  result: ComposeResult
}

async function upAndJudge(stack: Stack): Promise<void> {
  const { input, model, stackArgs, call, result } = stack
  const { options, log, signal, client } = input
  // Each service's time counts from here: a stack whose `up` took the whole timeout gets no more.
  const upStarted = Date.now()
  const upTimeout = deadline(options.timeoutMs, new Error('timeout'), signal)
  let up: ComposeOutput
  try {
    log.info(
      `docker compose up --detach (waits for depends_on conditions; up to ${formatDuration(options.timeoutMs)})`
    )
    up = await runCompose(call, [...stackArgs, 'up', '--detach', '--remove-orphans'], upTimeout.signal)
  } finally {
    upTimeout.dispose()
  }
  printOutput(log, 'docker compose up', up)
  if (signal?.aborted) {
    result.problems.push('cancelled while the stack was starting; it was taken down')
    return
  }
  const upTimedOut = up.exitCode === -1
  const upError =
    up.exitCode === 0
      ? undefined
      : upTimedOut
        ? `did not finish within ${formatDuration(options.timeoutMs)}`
        : lastLine(up.stderr)

  const containers = await serviceContainers(client, model.name, signal)
  const expectations = new Map(options.smoke.services.map(e => [e.service, e]))
  const judged = await Promise.all(
    dependencyOrder(model.services).map(service =>
      judgeService(service, containers.get(service.name), expectations.get(service.name), {
        client,
        model,
        upError,
        timeoutMs: options.timeoutMs,
        startedAt: upStarted,
        signal,
        workspace: input.env.workspace
      })
    )
  )
  // A service that never started because a dependency failed says which one.
  for (const service of judged) {
    if (service.state !== 'not created' && service.state !== 'created') continue
    const failedDep = service.dependsOn.find(d => judged.some(j => j.name === d.service && !j.passed))
    if (failedDep) {
      service.reason = `was not started: its dependency "${failedDep.service}" failed (${failedDep.condition})`
    }
  }
  result.services = judged
  for (const service of judged) {
    reportService(service, log)
    if (!service.passed) result.problems.push(`Compose service "${service.name}" failed: ${service.reason}`)
  }
  if (upError && judged.every(s => s.passed)) result.problems.push(`docker compose up failed: ${upError}`)

  // Extra containers on the stack's network, once the stack is up.
  if (options.smoke.containers.length > 0) {
    if (!model.defaultNetwork || upError) {
      log.info(
        `compose-smoke: ${options.smoke.containers.length} container(s) not run: the stack did not come up`
      )
    } else {
      const images = new ImageProvider(client, options.pullPolicy, log, signal)
      for (const spec of options.smoke.containers) {
        const entry = await runEntry(spec, {
          client,
          images,
          builtImage: input.builtImage,
          labels: runLabels(input.env.runId, 'compose'),
          runId: `${input.env.runId}-compose`,
          cleanup: true,
          network: model.defaultNetwork,
          signal
        })
        result.containers.push(entry)
        log.info(
          `${entry.passed ? '✓' : '✗'} ${entry.name} (${entry.image}) on ${model.defaultNetwork}: ${entry.reason}`
        )
        writeUntrusted(log, `Output of ${entry.name}`, entry.outputTail)
        if (!entry.passed)
          result.problems.push(`compose-smoke container "${entry.name}" failed: ${entry.reason}`)
      }
    }
  }
}

interface JudgeContext {
  client: EngineClient
  model: ComposeModel
  upError?: string
  timeoutMs: number
  /** When `up` started: the services' timeouts count from then. */
  startedAt: number
  signal?: AbortSignal
  workspace: string
}

type Inspect = ContainerInspect

/** Waits for one service to be ready, or exit, or its deadline; then reads its logs and health log. */
async function judgeService(
  service: ComposeService,
  containerInfo: ContainerListItem | undefined,
  expectation: ServiceExpectation | undefined,
  context: JudgeContext
): Promise<ComposeServiceResult> {
  const spec = expectation?.spec
  const completedDependency = context.model.services.some(s =>
    s.dependsOn.some(d => d.service === service.name && d.condition === 'service_completed_successfully')
  )
  const expectExit = expectation?.expectsExit === true || completedDependency
  const expectedCode = spec?.expectExitCode ?? 0
  const result: ComposeServiceResult = {
    name: service.name,
    image: service.image ?? '',
    kind: expectExit ? 'one-shot' : 'long-running',
    state: 'not created',
    ports: [],
    passed: false,
    reason: '',
    dependsOn: service.dependsOn,
    definedAt: service.definedAt
      ? {
          file: relative(context.workspace, service.definedAt.file) || service.definedAt.file,
          line: service.definedAt.line
        }
      : undefined,
    logTail: '',
    logTruncated: false,
    healthLog: []
  }
  if (service.scale === 0) {
    result.passed = true
    result.reason = 'scaled to 0: not started'
    return result
  }
  if (!containerInfo) {
    result.reason = context.upError
      ? `was not created: docker compose up failed (${context.upError})`
      : 'was not created'
    return result
  }
  const { client } = context
  const container = containerInfo.Id
  const output = new OutputCollector()
  const watches = {
    expect: spec?.expectOutput ? output.watch(spec.expectOutput) : undefined,
    reject: spec?.rejectOutput ? output.watch(spec.rejectOutput) : undefined,
    ready: spec?.ready?.kind === 'log' ? output.watch(spec.ready.pattern) : undefined
  }
  const timeoutMs = spec?.timeoutMs ?? context.timeoutMs
  const left = Math.max(1_000, context.startedAt + timeoutMs - Date.now())
  const timeout = deadline(left, new Error('timeout'), context.signal)
  let follow: OutputFollow | undefined
  let info: Inspect | undefined
  let last: ReadyAnswer | undefined
  try {
    info = await client.containers.inspect(container, timeout.signal)
    result.image = service.image ?? info.Config.Image
    if (info.State.Status === 'created') {
      result.state = 'created'
      result.reason = context.upError ? `was not started: ${context.upError}` : 'was created but not started'
      return result
    }
    follow = await followOutput(client, container, output, timeout.signal)
    const verdict = await untilJudged({
      client,
      container,
      service,
      spec,
      expectExit,
      expectedCode,
      watches,
      signal: timeout.signal,
      onAnswer: answer => (last = answer)
    })
    result.passed = verdict.passed
    result.reason = verdict.reason
    if (verdict.exitCode !== undefined) {
      result.exitCode = verdict.exitCode
      result.kind = 'one-shot'
    }
  } catch (error) {
    if (context.signal?.aborted) result.reason = 'cancelled'
    else if (timeout.signal.aborted) {
      result.reason = expectExit
        ? `did not exit within ${formatDuration(timeoutMs)}`
        : `not ready after ${formatDuration(timeoutMs)}${last ? ` (last: ${last.detail})` : ''}`
    } else result.reason = `could not be judged: ${messageOf(error)}`
  } finally {
    timeout.dispose()
  }
  // The record for the table and the failure: state, health, ports, health log, output.
  try {
    const inspectTimeout = deadline(5_000)
    info = await client.containers
      .inspect(container, inspectTimeout.signal)
      .finally(() => inspectTimeout.dispose())
  } catch {
    // keep the earlier one
  }
  if (info) {
    result.state = info.State.Restarting ? 'restarting' : info.State.Status
    result.health = info.State.Health?.Status
    result.ports = publishedPorts(info.NetworkSettings?.Ports as Parameters<typeof publishedPorts>[0]).map(
      describePort
    )
    result.healthLog = (info.State.Health?.Log ?? []).slice(-HEALTH_LOG_ENTRIES).map(probe => ({
      exitCode: probe.ExitCode,
      output: probe.Output,
      end: probe.End
    }))
  }
  // Output written just before the verdict gets a moment to arrive.
  if (follow) {
    await Promise.race([follow.ended, sleep(result.state === 'exited' ? 1_000 : 300)]).catch(() => {})
    follow.close()
  }
  result.logTail = output.tail.text()
  result.logTruncated = output.tail.truncated
  if (result.passed && watches.reject?.matched) {
    result.passed = false
    result.reason += `; but its output matched reject-output ${showPattern(spec!.rejectOutput!)}`
  }
  if (result.passed && watches.expect && !watches.expect.matched) {
    result.passed = false
    result.reason += `; but its output did not match ${showPattern(spec!.expectOutput!)}`
  }
  return result
}

interface Verdict {
  passed: boolean
  reason: string
  exitCode?: number
}

interface UntilJudged {
  client: EngineClient
  /** The container's ID. */
  container: string
  service: ComposeService
  spec?: ServiceExpectation['spec']
  expectExit: boolean
  expectedCode: number
  watches: { ready?: PatternWatch }
  signal: AbortSignal
  onAnswer: (answer: ReadyAnswer) => void
}

/**
 * The service's verdict: an exit is judged by its code (a one-shot; a long-running service that was
 * asked to be ready fails); otherwise the readiness check of its compose-smoke entry, else its
 * healthcheck, else staying up for a moment. Throws when `signal` aborts (deadline, cancel).
 */
async function untilJudged(input: UntilJudged): Promise<Verdict> {
  const { client, container, service, spec, signal } = input
  const exitVerdict = (info: Inspect): Verdict => {
    const code = info.State.ExitCode
    if (spec?.ready && !input.expectExit) {
      return { passed: false, exitCode: code, reason: `exited ${code} before it was ready` }
    }
    return code === input.expectedCode
      ? {
          passed: true,
          exitCode: code,
          reason: `exited ${code}${input.expectExit ? ' as expected' : ' (a one-shot service)'}`
        }
      : { passed: false, exitCode: code, reason: `exited ${code}, expected ${input.expectedCode}` }
  }
  const exited = (info: Inspect): boolean => info.State.Status === 'exited' || info.State.Status === 'dead'
  const inspect = (): Promise<Inspect> => client.containers.inspect(container, signal)

  let info = await inspect()
  if (exited(info) && !info.State.Restarting && service.restart === 'no') return exitVerdict(info)
  if (input.expectExit) {
    // A one-shot is judged by its exit, whenever it comes within the deadline.
    for (;;) {
      await sleep(POLL_MS, signal)
      info = await inspect()
      if (exited(info)) return exitVerdict(info)
    }
  }

  let strategy: WaitStrategy | undefined
  if (spec?.ready) {
    const ports: PublishedPort[] = publishedPorts(
      info.NetworkSettings?.Ports as Parameters<typeof publishedPorts>[0]
    )
    const built = strategyFor(spec.ready, {
      client,
      id: container,
      image: service.image ?? info.Config.Image,
      ports,
      logWatch: input.watches.ready
    })
    if (typeof built === 'string') return { passed: false, reason: `cannot wait to be ready: ${built}` }
    strategy = built
  } else if (service.healthcheck || info.State.Health) {
    strategy = new HealthyWait(client, container, service.image ?? info.Config.Image)
  }

  // The container's state is watched beside the readiness check: an exit ends the wait.
  const stop = new AbortController()
  const both = AbortSignal.any([signal, stop.signal])
  const watchExit = (async (): Promise<Verdict | undefined> => {
    for (;;) {
      await sleep(POLL_MS, both)
      const now = await client.containers.inspect(container, both)
      if (exited(now) && !now.State.Restarting) return exitVerdict(now)
    }
  })()
  watchExit.catch(() => {})
  try {
    if (!strategy) {
      const settled = await Promise.race([watchExit, sleep(SETTLE_MS, both).then(() => undefined)])
      return (
        settled ?? {
          passed: true,
          reason: `running after ${formatDuration(SETTLE_MS)} (no healthcheck or readiness check to wait for)`
        }
      )
    }
    const outcome = await Promise.race([
      watchExit,
      waitUntilReady(strategy, both, input.onAnswer).then(answer => ({ answer }))
    ])
    if (!outcome) throw new Error('unreachable')
    if ('answer' in outcome) {
      return outcome.answer.ready
        ? { passed: true, reason: `ready: ${outcome.answer.detail}` }
        : { passed: false, reason: outcome.answer.detail }
    }
    return outcome
  } finally {
    stop.abort()
  }
}

/** The project's containers by service (one-off `run` containers left out). */
async function serviceContainers(
  client: EngineClient,
  project: string,
  signal?: AbortSignal
): Promise<Map<string, ContainerListItem>> {
  const list = await client.containers
    .list({ all: true, filters: { label: [`${LABEL_PROJECT}=${project}`] } }, signal)
    .catch(() => [] as ContainerListItem[])
  const byService = new Map<string, ContainerListItem>()
  for (const info of list) {
    if (info.Labels?.[LABEL_ONEOFF] === 'True') continue
    const service = info.Labels?.[LABEL_SERVICE]
    if (service && !byService.has(service)) byService.set(service, info)
  }
  return byService
}

/**
 * `down --volumes --remove-orphans` (and `--rmi local`: images Compose built for a service without an
 * `image:` carry the run's project name and serve no one after it), then a sweep by label for anything
 * left (a plugin that failed or was stopped).
 */
async function down(stack: Stack): Promise<void> {
  const { input, model, stackArgs, call, result } = stack
  const { client, log } = input
  // Not AbortSignal.timeout: on Node 20 it can be collected before it fires (see src/signals.ts).
  const downTimeout = deadline(DOWN_TIMEOUT_MS)
  const signal = downTimeout.signal
  const downOutput = await runCompose(
    call,
    [...stackArgs, 'down', '--volumes', '--remove-orphans', '--rmi', 'local', '--timeout', '1'],
    signal
  )
  printOutput(log, 'docker compose down', downOutput)
  const swept: CleanupResult = { containers: [], images: [], networks: [], volumes: [], problems: [] }
  try {
    await removeLabelled(client, `${LABEL_PROJECT}=${model.name}`, swept, log, signal)
  } catch (error) {
    swept.problems.push(`Could not list what is left of project ${model.name}: ${messageOf(error)}`)
  }
  downTimeout.dispose()
  result.removed = {
    containers: swept.containers.length,
    networks: swept.networks.length,
    volumes: swept.volumes.length,
    problems: swept.problems
  }
  if (downOutput.exitCode !== 0) {
    log.warning(`docker compose down failed (${lastLine(downOutput.stderr)}); removed what was left by label`)
  }
  for (const problem of swept.problems) {
    log.warning(problem)
    result.problems.push(`The stack was not fully removed: ${problem}`)
  }
}

/** The override that puts the run's labels on every service, network and volume the project creates. */
export function overrideFile(model: ComposeModel, runId: string): string {
  const labels = runLabels(runId, 'compose')
  const services = Object.fromEntries(model.services.map(s => [s.name, { labels }]))
  const document: Record<string, unknown> = { services }
  // The default network exists even when no file declares it; external ones are not ours to label.
  const networks = Object.fromEntries(model.networks.map(key => [key, { labels }]))
  if (Object.keys(networks).length > 0) document.networks = networks
  const volumes = Object.fromEntries(model.volumes.map(key => [key, { labels }]))
  if (Object.keys(volumes).length > 0) document.volumes = volumes
  return YAML.stringify(document)
}

function reportService(service: ComposeServiceResult, log: Log): void {
  const where = service.definedAt ? { file: service.definedAt.file, startLine: service.definedAt.line } : {}
  if (service.passed) {
    log.info(`✓ ${service.name} (${service.image || 'no image'}): ${service.reason}`)
  } else {
    log.error(`Compose service "${service.name}" failed: ${service.reason}`, {
      title: `Compose service ${service.name} failed`,
      ...where
    })
  }
  if (!service.passed && service.healthLog.length > 0) {
    const probes = service.healthLog
      .map(p => `exit ${p.exitCode}${p.end ? ` at ${p.end}` : ''}: ${p.output.trim()}`)
      .join('\n')
    writeUntrusted(log, `Health log of ${service.name} (last ${service.healthLog.length})`, probes)
  }
  if (!service.passed || service.logTail !== '') {
    const limit = service.logTruncated ? ` (last ${TAIL_BYTES / 1024} KiB)` : ''
    writeUntrusted(log, `Output of ${service.name}${limit}`, service.logTail || '(no output)')
  }
}

function printOutput(log: Log, title: string, output: ComposeOutput): void {
  const text = `${output.stdout}${output.stderr}`.trim()
  if (text === '' || title.endsWith('config')) {
    if (title.endsWith('config') && output.exitCode !== 0) writeUntrusted(log, `${title} said`, output.stderr)
    return
  }
  writeUntrusted(log, `${title} said`, text)
}

function writeUntrusted(log: Log, title: string, text: string): void {
  if (text === '') return
  const block = log.untrusted(title)
  try {
    block.write(text)
  } finally {
    block.close()
  }
}

function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean)
  return lines[lines.length - 1] ?? 'no output'
}
