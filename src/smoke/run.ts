import type { EngineClient } from '../engine/client.js'
import type { RunEnvironment, SmokeOptions } from '../config.js'
import { CancelledError, throwIfAborted } from '../errors.js'
import type { Log } from '../log/log.js'
import { builtImageEntry, helloWorldEntry } from './defaults.js'
import { runEntry, type EntryContext } from './entry.js'
import { TAIL_BYTES } from './output.js'
import { ImageProvider } from './pull.js'
import { formatDuration } from '../format.js'
import { stageTimes, type StageResult } from '../stage.js'
import type { SmokeContainerResult, SmokeSpec } from './types.js'

/** The image the build stage made, as smoke entries without `image` run it. */
export interface BuiltImage {
  id: string
  reference: string
}

/** How the build ended, for a smoke stage that started while it ran. */
export interface BuildOutcome {
  image?: BuiltImage
  failed: boolean
}

export interface SmokeStageInput {
  client: EngineClient
  options: SmokeOptions
  /** The image this run built, when there is one (entries without `image` use it). */
  builtImage?: BuiltImage
  /**
   * The build still running, instead of `builtImage`: entries that name their own image start at once;
   * the rest wait for it, and do not run when it failed. Must never reject.
   */
  build?: Promise<BuildOutcome>
  env: RunEnvironment
  log: Log
  signal?: AbortSignal
  /** Labels to put on every container (the run's label, so cleanup can find them). */
  labels: Record<string, string>
  /**
   * Called once, when every entry that runs has its container started (or has ended without one): the
   * smoke stage adds no image after that, so the run's images can be listed while the containers run,
   * and the listing (one of the engine's slower calls) no longer competes with their create and start.
   * Called at the latest before this resolves.
   */
  onImagesReady?: () => void
  /**
   * With `build`: the run will build an image (build true, or auto with a Dockerfile there), so with
   * `smoke` empty the built image's default entry is expected beside hello-world (see helloWorldEntry).
   */
  buildExpected?: boolean
}

export type { SmokeContainerResult } from './types.js'

/** `problems`: one sentence for each container that failed, in the order the entries were given. */
export interface SmokeResult extends StageResult<'passed' | 'failed'> {
  results: SmokeContainerResult[]
  /** Every container passed (status `passed`); the report's schema has had it from the start. */
  passed: boolean
}

/**
 * The smoke stage: runs each entry (or the defaults) at most `parallel` at a time, and judges them.
 * Entries that name their own image (hello-world among the defaults) start at once, even while the build
 * runs; those that run the built image wait for it. Every container is removed once judged unless
 * `cleanup` is off. Each container's output tail is printed after its verdict, in one untrusted block
 * written at once (never open across an await, so parallel containers' blocks never overlap). Rejects
 * only with CancelledError, after removing what it created.
 */
export async function runSmoke(input: SmokeStageInput): Promise<SmokeResult> {
  const { client, options, log, signal } = input
  const started = Date.now()
  throwIfAborted(signal)
  const images = new ImageProvider(client, options.pullPolicy, log, signal)
  const build = input.build ?? Promise.resolve({ image: input.builtImage, failed: false })
  const slots = new Slots(options.parallel)
  // Entries past their start, against those that will run (known once the build has ended).
  let entriesStarted = 0
  let entriesToRun = Number.POSITIVE_INFINITY
  let imagesReady = input.onImagesReady
  const checkImagesReady = (): void => {
    if (imagesReady && entriesStarted >= entriesToRun) {
      imagesReady()
      imagesReady = undefined
    }
  }
  const context: EntryContext = {
    client,
    images,
    labels: input.labels,
    runId: input.env.runId,
    cleanup: options.cleanup,
    signal,
    onStarted: () => {
      entriesStarted++
      checkImagesReady()
    }
  }
  const run = (spec: SmokeSpec, builtImage?: BuiltImage): Promise<SmokeContainerResult> =>
    slots.run(signal, async () => {
      const result = await runEntry(spec, { ...context, builtImage })
      report(result, log)
      return result
    })

  const listed = options.entries
  if (listed?.length === 0) log.info('Smoke: no containers (the smoke input is an empty list)')
  const now = listed
    ? listed.filter(spec => spec.image !== undefined)
    : [helloWorldEntry(options.timeoutMs, input.builtImage !== undefined || input.buildExpected === true)]
  if (now.length > 0) log.info(`Smoke: ${containers(now)} starting, ${options.parallel} at a time`)
  const running = new Map(now.map(spec => [spec, run(spec)]))

  const outcome = await build
  const later = listed
    ? listed.filter(spec => spec.image === undefined)
    : outcome.image && !signal?.aborted
      ? [await builtImageEntry(outcome.image, images, options.timeoutMs)]
      : []
  if (later.length > 0 && outcome.failed) {
    log.info(`Smoke: ${containers(later)} not run: the build failed, so there is no image to run`)
  } else if (later.length > 0) {
    log.info(`Smoke: ${containers(later)} with the built image`)
    for (const spec of later) running.set(spec, run(spec, outcome.image))
  }
  entriesToRun = running.size
  checkImagesReady()

  // Every started container is awaited (each removes its own) before a cancel or an error goes up.
  const settled = await Promise.allSettled(running.values())
  imagesReady?.()
  if (signal?.aborted) throw new CancelledError()
  const rejected = settled.find(s => s.status === 'rejected')
  if (rejected) throw rejected.reason
  // In the order the entries were given, whenever each finished.
  const results: SmokeContainerResult[] = []
  for (const spec of listed ?? [...now, ...later]) {
    const result = running.get(spec)
    if (result) results.push(await result)
  }
  const problems = results.filter(r => !r.passed).map(r => `Smoke container "${r.name}" failed: ${r.reason}`)
  return {
    status: problems.length > 0 ? 'failed' : 'passed',
    problems,
    ...stageTimes(started),
    results,
    passed: problems.length === 0
  }
}

function containers(specs: SmokeSpec[]): string {
  const names = specs.map(spec => spec.name).join(', ')
  return `${specs.length} container${specs.length === 1 ? '' : 's'} (${names})`
}

function report(result: SmokeContainerResult, log: Log): void {
  const mark = result.passed ? '✓' : '✗'
  log.info(
    `${mark} ${result.name} (${result.image}) ${result.passed ? 'passed' : 'FAILED'} in ${formatDuration(result.durationMs)}: ${result.reason}`
  )
  if (result.outputTail === '') {
    log.info(`  ${result.name} wrote no output`)
    return
  }
  const limit = `last ${TAIL_BYTES / 1024} KiB`
  const block = log.untrusted(`Output of ${result.name}${result.outputTruncated ? ` (${limit})` : ''}`)
  try {
    block.write(result.outputTail)
  } finally {
    block.close()
  }
}

/** At most `count` tasks at once, shared by the entries that start early and those that wait. */
class Slots {
  private free: number
  private readonly waiting: (() => void)[] = []

  constructor(count: number) {
    this.free = Math.max(1, count)
  }

  /** Runs `task` in a free slot; once `signal` aborts, no task that has not started will. */
  async run<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--
    else await new Promise<void>(resolve => this.waiting.push(resolve))
    try {
      throwIfAborted(signal)
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.free++
    }
  }
}
