// One smoke container from spec to verdict: image, create, wait registered, start, follow output, judge
// (exit, readiness or settle), then kill and remove. Deadlines and cancellation are AbortSignals that
// reach every engine call; removal happens whatever the outcome.
import { quote } from 'shell-quote'
import { CancelledError, messageOf } from '../errors.js'
import {
  followOutput,
  readOutput,
  killQuietly,
  untilListedStopped,
  removeQuietly,
  watchExit,
  type ExitStatus,
  type ExitWatch,
  type OutputFollow
} from './container.js'
import { hasHealthcheck } from './healthcheck.js'
import { OutputCollector, type PatternWatch } from './output.js'
import { describePort, portBindings, publishedPorts, type PublishedPort } from './ports.js'
import { EngineError, type EngineClient } from '../engine/client.js'
import type { ImageProvider } from './pull.js'
import type { ReadyAnswer } from './ready.js'
import type { SmokeContainerResult } from './types.js'
import { abortable, deadline, sleep } from '../signals.js'
import { formatDuration } from '../format.js'
import { showPattern, type SmokeSpec } from './spec.js'

export interface EntryContext {
  client: EngineClient
  images: ImageProvider
  builtImage?: { id: string; reference: string }
  labels: Record<string, string>
  runId: string
  cleanup: boolean
  /** A network to attach the container to instead of the default bridge (a Compose stack's). */
  network?: string
  signal?: AbortSignal
  /**
   * Called once the entry's container has been started (or when the entry ends without one): from then on
   * this entry adds no image to the engine, and the engine is done creating and starting its container.
   */
  onStarted?: () => void
}

/** Cleanup calls get their own deadline: they run after the entry's own has passed, or after a cancel. */
const CLEANUP_TIMEOUT_MS = 15_000

class EntryTimeout extends Error {}

interface Verdict {
  passed: boolean
  reason: string
  exitCode?: number
}

/**
 * Runs one entry. Resolves with its result whatever happened to it, a cancel included (reason
 * `cancelled`, once its container is removed); rejects only with CancelledError when cancelled before
 * anything was created.
 */
export async function runEntry(spec: SmokeSpec, context: EntryContext): Promise<SmokeContainerResult> {
  let started = context.onStarted
  const onStarted = (): void => {
    started?.()
    started = undefined
  }
  try {
    return await runEntryOnce(spec, context, onStarted)
  } finally {
    onStarted()
  }
}

async function runEntryOnce(
  spec: SmokeSpec,
  context: EntryContext,
  onStarted: () => void
): Promise<SmokeContainerResult> {
  const started = Date.now()
  const watched = (collector: OutputCollector): OutputWatches => ({
    expect: spec.expectOutput ? collector.watch(spec.expectOutput) : undefined,
    reject: spec.rejectOutput ? collector.watch(spec.rejectOutput) : undefined,
    ready: spec.ready?.kind === 'log' ? collector.watch(spec.ready.pattern) : undefined
  })
  // Replaced once on Podman, by the output read again after the exit (below).
  let output = new OutputCollector()
  let watches = watched(output)
  const reference = spec.image ?? context.builtImage?.reference
  // The built image is run by ID: its tag may be moved by another build meanwhile.
  const imageToRun = spec.image ?? context.builtImage?.id
  const result = (verdict: Verdict, container?: SmokeContainerResult['container']): SmokeContainerResult => ({
    name: spec.name,
    image: reference ?? '',
    passed: verdict.passed,
    ...(verdict.exitCode !== undefined ? { exitCode: verdict.exitCode } : {}),
    durationMs: Date.now() - started,
    startedAt: new Date(started).toISOString(),
    reason: verdict.reason,
    outputTail: output.tail.text(),
    outputTruncated: output.tail.truncated,
    ...(container ? { container } : {})
  })

  if (!reference || !imageToRun) {
    return result({ passed: false, reason: 'no image: this run built none, so the entry needs image:' })
  }
  try {
    await context.images.provide(imageToRun, spec.image === undefined)
  } catch (error) {
    if (context.signal?.aborted) throw new CancelledError()
    return result({ passed: false, reason: messageOf(error) })
  }

  // Creating and starting get the entry's timeout; the container's own time then counts from its start,
  // so a slow create on a busy engine does not eat into it.
  let timeout = deadline(spec.timeoutMs, new EntryTimeout(), context.signal)
  let signal = timeout.signal
  const record = {
    id: '',
    name: containerName(context.runId, spec.name),
    command: '',
    created: '',
    state: 'not created',
    ports: [] as string[],
    removed: false
  }
  const { client } = context
  let container: string | undefined
  let exitWatch: ExitWatch | undefined
  let follow: OutputFollow | undefined
  let phase = 'creating the container'
  let lastAnswer: ReadyAnswer | undefined
  let verdict: Verdict
  try {
    const bindings = portBindings(spec.ports)
    // A Compose stack's network wins; hello-world beside a built image has none (defaults.ts).
    const networkMode = context.network || spec.networkMode
    container = await client.containers.create(
      record.name,
      {
        Image: imageToRun,
        ...(spec.command ? { Cmd: spec.command } : {}),
        ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
        Env: Object.entries(spec.env).map(([name, value]) => `${name}=${value}`),
        ...(spec.user ? { User: spec.user } : {}),
        ...(spec.workdir ? { WorkingDir: spec.workdir } : {}),
        Labels: { ...context.labels, 'io.docker-preflight.smoke-entry': spec.name },
        Tty: false,
        ExposedPorts: bindings.ExposedPorts,
        // No AutoRemove: wait, logs and remove answer 404 once such a container exits.
        HostConfig: {
          PortBindings: bindings.PortBindings,
          AutoRemove: false,
          ...(networkMode ? { NetworkMode: networkMode } : {})
        }
      },
      signal
    )
    record.id = container
    record.state = 'created'

    phase = 'starting it'
    // Registered before start, with next-exit: the default condition answers 0 at once for a container
    // that has not started yet.
    exitWatch = await watchExit(client, container, signal)
    await client.containers.start(container, signal)
    record.state = 'running'
    onStarted()
    timeout.dispose()
    timeout = deadline(spec.timeoutMs, new EntryTimeout(), context.signal)
    signal = timeout.signal
    follow = await followOutput(client, container, output, signal)
    const info = await client.containers.inspect(container, signal)
    const ports = publishedPorts(info.NetworkSettings?.Ports as Parameters<typeof publishedPorts>[0])
    record.ports = ports.map(describePort)
    record.created = info.Created
    // From Config, not Path/Args: Podman's Args repeat Path when the command is one word (hello-world
    // inspects as Path /hello, Args [/hello]); Entrypoint then Cmd is the same command on both engines.
    const entrypoint = info.Config?.Entrypoint ?? []
    record.command = quote(
      [...(typeof entrypoint === 'string' ? [entrypoint] : entrypoint), ...(info.Config?.Cmd ?? [])].filter(
        word => word !== ''
      )
    )

    // The default entry's readiness came from the image's inspect; the container's config is what the
    // engine runs (Podman 4.3's image inspect leaves HEALTHCHECK out, its containers run it).
    const judged: SmokeSpec =
      spec.readyFromImage && spec.ready?.kind !== 'healthy' && hasHealthcheck(info.Config)
        ? { ...spec, ready: { kind: 'healthy' }, settleMs: undefined }
        : spec

    const exited = abortable(exitWatch.exited, signal)
    exited.catch(() => {})
    if (judged.ready) {
      phase = 'waiting to be ready'
      verdict = await untilReady(
        judged,
        {
          client,
          id: container,
          ports,
          exited,
          signal,
          logWatch: watches.ready,
          expectWatch: watches.expect,
          reference
        },
        a => {
          lastAnswer = a
        }
      )
    } else {
      phase = judged.settleMs ? 'settling' : 'waiting for it to exit'
      // The settle timer ends with the race: a pending one would hold the process open after the run.
      const settled = new AbortController()
      const status = judged.settleMs
        ? await Promise.race([
            exited,
            sleep(judged.settleMs, AbortSignal.any([signal, settled.signal]))
          ]).finally(() => settled.abort())
        : await exited
      if (!status) {
        verdict = { passed: true, reason: `still running after ${formatDuration(judged.settleMs!)}` }
      } else {
        record.state = 'exited'
        await drain(follow, signal)
        // Podman 4.3 ends a followed log stream once the container has exited, before it has sent all
        // the container wrote (the last lines of 100 MB were lost; `docker logs` afterwards has them).
        // There the exited container's output is read again, whole, in place of what was followed, unless
        // that reading has less (Podman's log file can lag the exit a moment): the longer one is a superset.
        if (await client.system.isPodman(signal)) {
          const again = new OutputCollector()
          const againWatches = watched(again)
          const whole = await readOutput(client, container, again, signal)
          if (whole && again.tail.totalBytes >= output.tail.totalBytes) {
            output = again
            watches = againWatches
          }
        }
        verdict = judgeExit(status, spec, watches)
      }
    }
    if (verdict.passed && watches.reject?.matched) {
      verdict = {
        ...verdict,
        passed: false,
        reason: `output matched reject-output ${showPattern(spec.rejectOutput!)}`
      }
    }
  } catch (error) {
    if (context.signal?.aborted) verdict = { passed: false, reason: 'cancelled' }
    else if (signal.reason instanceof EntryTimeout) {
      const what = phase === 'waiting for it to exit' || phase === 'settling' ? '' : ` ${phase}`
      const last = lastAnswer ? ` (last: ${lastAnswer.detail})` : ''
      verdict = { passed: false, reason: `timed out after ${formatDuration(spec.timeoutMs)}${what}${last}` }
    } else if (error instanceof EngineError && error.kind !== 'http') {
      // The engine went away or cannot be reached: the client's sentence says so.
      verdict = { passed: false, reason: error.message }
    } else verdict = { passed: false, reason: `failed ${phase}: ${messageOf(error)}` }
  } finally {
    timeout.dispose()
  }

  exitWatch?.close()
  follow?.close()
  if (container) {
    const cleanupSignal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS)
    if (context.cleanup || context.signal?.aborted) {
      // The smoke containers have no restart policy: one whose exit was seen stays stopped.
      const removal = await removeQuietly(client, container, cleanupSignal, {
        exited: record.state === 'exited'
      })
      record.removed = removal.removed
      if (!removal.removed) verdict.reason += `; it could not be removed: ${removal.error}`
      // After a cancel the log is all the user gets: say the container is gone.
      else if (context.signal?.aborted) verdict.reason += `; removed container ${record.name}`
    } else if (record.state !== 'exited') {
      // Kept for inspection, but stopped. Also after a start call cut short by the deadline: the engine
      // may have started the container after we stopped waiting (a kill of one that never ran is a 409).
      await killQuietly(client, container, cleanupSignal)
        .then(() => untilListedStopped(client, container, cleanupSignal))
        .catch(() => {})
    }
  }
  return result(verdict, record.id ? record : undefined)
}

interface ReadyContext {
  client: EngineClient
  id: string
  ports: PublishedPort[]
  exited: Promise<ExitStatus>
  signal: AbortSignal
  logWatch?: PatternWatch
  expectWatch?: PatternWatch
  reference: string
}

async function untilReady(
  spec: SmokeSpec,
  context: ReadyContext,
  onAnswer: (answer: ReadyAnswer) => void
): Promise<Verdict> {
  // Loaded only by entries that wait to be ready (the default entries do not).
  const { strategyFor, waitUntilReady } = await import('./ready.js')
  const strategy = strategyFor(spec.ready!, {
    client: context.client,
    id: context.id,
    image: context.reference,
    ports: context.ports,
    logWatch: context.logWatch
  })
  if (typeof strategy === 'string') {
    // A container that exits at once has no published ports left to inspect: say it exited.
    const status = await Promise.race([context.exited, sleep(1000, context.signal).then(() => undefined)])
    if (status) {
      return {
        passed: false,
        exitCode: status.statusCode,
        reason: `exited ${status.statusCode} before it was ready`
      }
    }
    return { passed: false, reason: `cannot wait to be ready: ${strategy}` }
  }
  // The poll stops when the container exits first (or at the deadline).
  const stopPolling = new AbortController()
  const pollSignal = AbortSignal.any([context.signal, stopPolling.signal])
  const outcome = await Promise.race([
    context.exited.then(status => ({ kind: 'exited' as const, status })),
    waitUntilReady(strategy, pollSignal, onAnswer).then(answer => ({ kind: 'answer' as const, answer }))
  ]).finally(() => stopPolling.abort())
  if (outcome.kind === 'exited') {
    return {
      passed: false,
      exitCode: outcome.status.statusCode,
      reason: `exited ${outcome.status.statusCode} before it was ready (waiting for ${strategy.description})`
    }
  }
  if (!outcome.answer.ready) return { passed: false, reason: outcome.answer.detail }
  if (context.expectWatch && !(await matchedSoon(context.expectWatch, context.signal))) {
    return {
      passed: false,
      reason: `ready, but the output did not match ${showPattern(context.expectWatch.pattern)}`
    }
  }
  return { passed: true, reason: `ready: ${outcome.answer.detail}` }
}

/**
 * A service's expect-output is judged on the output seen by the time it is ready, plus a moment for
 * the log stream to catch up with what was written just before.
 */
async function matchedSoon(watch: PatternWatch, signal: AbortSignal): Promise<boolean> {
  for (let waited = 0; !watch.matched && waited < 1000; waited += 100) await sleep(100, signal)
  return watch.matched
}

/** The output patterns an entry watches for. */
interface OutputWatches {
  expect?: PatternWatch
  reject?: PatternWatch
  ready?: PatternWatch
}

function judgeExit(
  status: ExitStatus,
  spec: SmokeSpec,
  watches: { expect?: PatternWatch | undefined; reject?: PatternWatch | undefined }
): Verdict {
  const code = status.statusCode
  const problems: string[] = []
  if (code !== spec.expectExitCode) problems.push(`exited ${code}, expected ${spec.expectExitCode}`)
  if (watches.reject?.matched)
    problems.push(`output matched reject-output ${showPattern(spec.rejectOutput!)}`)
  if (watches.expect && !watches.expect.matched) {
    problems.push(
      `${problems.length ? 'output' : `exited ${code} but the output`} did not match ${showPattern(spec.expectOutput!)}`
    )
  }
  if (problems.length > 0) return { passed: false, exitCode: code, reason: problems.join('; ') }
  const matched = watches.expect ? ` and output matched ${showPattern(spec.expectOutput!)}` : ''
  return { passed: true, exitCode: code, reason: `exited ${code}${matched}` }
}

/**
 * Lets the log stream deliver what the container wrote before it exited. The engine may need a while to
 * read back a large log, so this waits for the stream's end, bounded by the entry's deadline (then the
 * verdict uses what arrived).
 */
async function drain(follow: OutputFollow, signal: AbortSignal): Promise<void> {
  await abortable(follow.ended, signal).catch(() => {})
}

/** `preflight-<runId>-<entry>`, within Docker's name rules. */
export function containerName(runId: string, entry: string): string {
  return `preflight-${runId}-${entry}`.replace(/[^a-zA-Z0-9_.-]+/g, '-')
}
