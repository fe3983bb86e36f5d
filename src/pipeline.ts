import { relative } from 'node:path'
import type { DriftResult } from './audit/drift.js'
import { findLeftovers, type Leftovers } from './audit/leftovers.js'
import { buildExpected, buildImage, type BuildResult } from './build/build.js'
import type { Config, RunEnvironment } from './config.js'
import type { ComposeResult } from './compose/run.js'
import { EngineClient } from './engine/client.js'
import { checkEngine, type EngineCheckResult } from './engine/check.js'
import { resolveEndpoint, type Endpoint, type EndpointSource } from './engine/endpoint.js'
import type { PingOutcome } from './engine/early-ping.js'
import { checkImageSize } from './inventory/budget.js'
import { listImages, takeInventory, type ImageListing, type Inventory } from './inventory/inventory.js'
import { runLabels } from './labels.js'
import { DeferredLog } from './log/deferred.js'
import type { Log } from './log/log.js'
import type { PushResult } from './push/push.js'
import { childController } from './signals.js'
import { runSmoke, type BuiltImage, type SmokeResult } from './smoke/run.js'
import type { EfficiencyResult } from './efficiency/efficiency.js'
import type { StructureResult } from './structure/run.js'
import { problemsOf, type StageResult } from './stage.js'

/** How long each part of the run took, for the summary's time chart. */
export interface Timing {
  label: string
  ms: number
  /** When it started, in ms from the run's start (stages overlap: the time chart draws each from here). */
  startMs?: number
}

/** Everything one run learned. The report (JSON, summary, text, outputs) is rendered from this alone. */
export interface RunResult {
  startedAt: string
  finishedAt: string
  durationMs: number
  /** As a person writes it: unix:///var/run/docker.sock, tcp://127.0.0.1:2376 (TLS) */
  endpoint: string
  /** What chose the endpoint: the docker-host input, DOCKER_HOST, a docker context, or the default. */
  endpointSource?: EndpointSource
  engine?: EngineCheckResult
  diskUsage?: Record<string, unknown>
  build?: BuildResult
  smoke?: SmokeResult
  /** The Compose stack (the `compose` input), when one was given. */
  compose?: ComposeResult
  inventory?: Inventory
  drift?: DriftResult
  /** With report-scope `all`: what earlier runs labelled and left on the engine (src/audit/leftovers.ts). */
  leftovers?: Leftovers
  /** With push: true: what was pushed, or why nothing was. */
  push?: PushResult
  /** Container-structure-test files run against the image (src/structure/). */
  structure?: StructureResult
  /** dive's efficiency of the built image (src/efficiency/). */
  efficiency?: EfficiencyResult
  /** Why the step fails, one sentence each; empty when it passes. */
  failures: string[]
  timings: Timing[]
}

/** A stage on the time chart, from its own start and duration. */
function stageTiming(label: string, result: StageResult, runStarted: number): Timing {
  return { label, ms: result.durationMs, startMs: Date.parse(result.startedAt) - runStarted }
}

export interface PipelineDeps {
  log: Log
  signal?: AbortSignal
  /** The environment the runtime gathered once (DOCKER_HOST and friends, DOCKER_CONFIG and HOME for
   * credentials, PATH for helpers): the action and the CLI pass theirs, so both resolve alike. */
  processEnv: NodeJS.ProcessEnv
  /** The entry's early /_ping (see src/engine/early-ping.ts), when it sent one. */
  earlyPing?: Promise<PingOutcome>
  /**
   * Called once the stages are done with containers, networks and volumes: each one the run created is
   * removed by then (or kept, with cleanup: false), so a look for what the run left can start beside the
   * inventory instead of after the report.
   */
  onStagesDone?: () => void
}

/**
 * Runs the stages: a ping, then the engine check, the build and the smoke stage side by side (smoke
 * entries that run the built image wait for it), then inventory and drift. Each stage is a plain function
 * over typed inputs returning a StageResult (src/stage.ts); this function only wires them: the run's
 * failures are the stages' problems, in stage order, as the stages worded them. An engine that cannot be
 * reached throws (nothing else can run); every other failure is recorded and the run goes on, so the
 * report shows as much as can be known.
 */
export async function runPipeline(
  config: Config,
  env: RunEnvironment,
  deps: PipelineDeps
): Promise<RunResult> {
  const { log, signal } = deps
  const started = Date.now()
  const endpoint: Endpoint = resolveEndpoint(config.engine.dockerHost, deps.processEnv)
  const client = new EngineClient(endpoint)
  for (const note of endpoint.notes) log.warning(note)
  const failures: string[] = []
  const timings: Timing[] = []

  // Everything needs an engine that answers: that is settled first (usually already, by the early ping),
  // inside the Engine group. Then the engine check, the build, and the smoke entries that do not need the
  // built image (hello-world) run side by side. The build's log is held until the Engine group is written,
  // the smoke stage's until the build's is, so no stage's lines land inside another's group.
  let markReachable!: () => void
  const reachable = new Promise<void>(resolve => (markReachable = resolve))
  const checking = log.group('Engine', () =>
    checkEngine({
      client,
      options: config.engine,
      log,
      signal,
      earlyPing: deps.earlyPing,
      onReachable: markReachable
    })
  )
  checking.catch(() => {})
  // Rejects when the ping fails: nothing else is started.
  await Promise.race([reachable, checking])
  // The push and drift stages are loaded only by the runs that ask for them.
  const pushModule = config.push.enabled ? import('./push/push.js') : undefined
  const driftModule = config.audit.baseline || config.audit.diskUsage ? import('./audit/drift.js') : undefined
  // Push credentials are looked up before anything is built, so a helper that is missing shows up in the
  // push's own line rather than after a long build (a registry with none is pushed to anonymously).
  const credentials = pushModule?.then(push => push.pushCredentials(config.build.tags, deps.processEnv))
  credentials?.catch(() => {})
  const stages = childController(signal)
  const buildLog = new DeferredLog(log)
  const smokeLog = new DeferredLog(log)
  // The smoke stage gets the built image as soon as the build stream names it (onImage), not after the
  // build stage's inspect and size listing: those run beside the container's create and start.
  let imageBuilt: ((image: BuiltImage) => void) | undefined
  const earlyImage = new Promise<BuiltImage>(resolve => (imageBuilt = resolve))
  let smokeImagesReady!: () => void
  const smokeImages = new Promise<void>(resolve => (smokeImagesReady = resolve))
  const building = buildImage({
    client,
    options: config.build,
    env,
    log: buildLog,
    signal: stages.controller.signal,
    labels: runLabels(env.runId, 'build'),
    processEnv: deps.processEnv,
    onImage: image => imageBuilt?.(image)
  })
  const smoking = runSmoke({
    client,
    options: config.smoke,
    build: Promise.race([
      earlyImage.then(image => ({ image, failed: false })),
      building.then(
        result => ({ image: builtImageOf(result), failed: result.status === 'failed' }),
        () => ({ failed: true })
      )
    ]),
    env,
    log: smokeLog,
    signal: stages.controller.signal,
    labels: runLabels(env.runId, 'smoke'),
    buildExpected: buildExpected(config.build),
    onImagesReady: () => smokeImagesReady()
  })
  // Handled here too: they may reject (cancel) before they are awaited.
  building.catch(() => {})
  smoking.catch(() => {})

  let engine: EngineCheckResult
  let build: BuildResult
  try {
    engine = await checking
    buildLog.release()
    build = await building
  } catch (error) {
    // The engine check failed, or the run was cancelled: the other stages stop and remove what they
    // started before the error goes up. After a cancel their lines say what was removed; after an engine
    // failure they would only repeat it.
    stages.controller.abort(error)
    await Promise.allSettled([building, smoking])
    if (signal?.aborted) {
      buildLog.release()
      smokeLog.release()
    }
    stages.dispose()
    throw error
  }
  timings.push(stageTiming('engine check', engine, started))
  failures.push(...engine.problems)

  const diskUsagePromise = config.audit.diskUsage
    ? driftModule!.then(drift => drift.readDiskUsage(client, log, signal))
    : undefined
  // What earlier runs left does not depend on this one's stages: listed beside them.
  const leftoversPromise =
    config.report.scope === 'all' ? findLeftovers({ client, runId: env.runId, signal }) : undefined
  // The inventory's images (the list and the built image's history) are listed as soon as every image
  // of the run is on the engine and every smoke container has started (a listing during a start slows
  // it), while the containers run: the image list is the slowest of the inventory's calls, and only the
  // containers must be listed at the run's end. Structure tests commit and remove setup images, and a
  // Compose stack pulls or builds its own: with those, everything is listed at the end as before.
  const earlyImages: Promise<ImageListing> | undefined =
    config.structure.files.length === 0 && config.compose.files.length === 0
      ? smokeImages.then(() => listImages({ client, build, signal }))
      : undefined
  earlyImages?.catch(() => {})

  if (build.status !== 'skipped') timings.push(stageTiming('build', build, started))
  failures.push(...build.problems)
  // Structure tests and the efficiency analysis need the built image; they run beside the smoke stage.
  const built = builtImageOf(build)
  const structureLog = new DeferredLog(log)
  // Structure tests, efficiency and Compose are loaded only by the runs that ask for them (their code and
  // libraries are a separate chunk of the bundle: the default run does not evaluate them).
  const structuring =
    config.structure.files.length === 0
      ? undefined
      : import('./structure/stage.js').then(({ runStructureStage }) =>
          runStructureStage({
            client,
            options: config.structure,
            built,
            buildFailed: build.status === 'failed',
            timeoutMs: config.smoke.timeoutMs,
            runId: env.runId,
            processEnv: deps.processEnv,
            workspace: env.workspace,
            log: structureLog,
            signal: stages.controller.signal
          })
        )
  const efficiencyModule = config.efficiency.enabled && built ? import('./efficiency/stage.js') : undefined
  const analysing =
    efficiencyModule && built
      ? efficiencyModule.then(({ analyseEfficiency }) =>
          analyseEfficiency({
            client,
            image: built.id,
            name: built.reference,
            options: config.efficiency,
            signal: stages.controller.signal
          })
        )
      : undefined
  structuring?.catch(() => {})
  analysing?.catch(() => {})
  // The build's own lines (its failure annotation included) come first, then the smoke stage's.
  smokeLog.release()
  // The stages follow the run's cancel signal until the last of them is done; a cancel waits for all
  // of them to remove what they created.
  let smoke: SmokeResult
  let structure: StructureResult | undefined
  let efficiency: EfficiencyResult | undefined
  try {
    smoke = await smoking
    structureLog.release()
    structure = await structuring
    efficiency = await analysing
  } catch (error) {
    await Promise.allSettled([structuring, analysing])
    structureLog.release()
    throw error
  } finally {
    stages.dispose()
  }
  // Each smoke container is drawn on the time chart on its own.
  for (const result of smoke.results) {
    timings.push({
      label: `smoke: ${result.name}`,
      ms: result.durationMs,
      ...(result.startedAt ? { startMs: Date.parse(result.startedAt) - started } : {})
    })
  }
  if (structure) timings.push(stageTiming('structure tests', structure, started))
  if (efficiency && efficiencyModule) {
    const { attachLines, logEfficiency } = await efficiencyModule
    attachLines(efficiency, build.steps)
    timings.push(stageTiming('efficiency', efficiency, started))
    logEfficiency(efficiency, log, relative(env.workspace, config.build.file))
  }
  failures.push(...problemsOf(smoke, structure, efficiency))

  // The Compose stack, after the smoke containers (CPU is scarce on CI runners; their logs stay apart).
  let compose: ComposeResult | undefined
  if (config.compose.files.length > 0) {
    const [{ runComposeStage }, { engineEnvironment }] = await Promise.all([
      import('./compose/run.js'),
      import('./compose/exec.js')
    ])
    compose = await log.group('Compose', () =>
      runComposeStage({
        client,
        engine: engineEnvironment(endpoint),
        options: config.compose,
        env,
        processEnv: deps.processEnv,
        builtImage: builtImageOf(build),
        log,
        signal
      })
    )
    timings.push(stageTiming('compose', compose, started))
  }

  deps.onStagesDone?.()
  const inventory = await takeInventory({
    client,
    scope: config.report.scope,
    runId: env.runId,
    build,
    smoke,
    usedImages: [...new Set(smoke?.results.map(r => r.image) ?? [])],
    signal,
    ...(earlyImages ? { images: earlyImages } : {})
  })
  const imageSize = checkImageSize({ maxBytes: config.report.maxImageSizeBytes, build, inventory })

  const diskUsage = await diskUsagePromise
  const leftovers = await leftoversPromise
  if (leftovers?.error) log.warning(leftovers.error)
  const driftStage = await driftModule
  const drift = await driftStage?.compareWithBaseline({
    facts: engine.facts,
    diskUsage,
    options: config.audit
  })
  if (drift) driftStage!.logDrift(drift, log)
  failures.push(...problemsOf(compose, imageSize, drift))

  let push: PushResult | undefined
  if (pushModule) {
    const { pushGate, pushImage } = await pushModule
    const gate = pushGate(failures, build, log)
    if ('notPushed' in gate) push = gate.notPushed
    else {
      const { imageId } = gate
      push = await log.group('Push', async () =>
        pushImage({
          client,
          imageId,
          tags: build.tags,
          log,
          signal,
          processEnv: deps.processEnv,
          credentials: await credentials
        })
      )
      timings.push(stageTiming('push', push, started))
      failures.push(...push.problems)
    }
  }

  return {
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    endpoint: endpoint.display,
    endpointSource: endpoint.source,
    engine,
    diskUsage,
    build,
    smoke,
    compose,
    inventory,
    drift,
    leftovers,
    push,
    ...(structure ? { structure } : {}),
    ...(efficiency ? { efficiency } : {}),
    failures,
    timings
  }
}

function builtImageOf(build: BuildResult): BuiltImage | undefined {
  return build.status === 'built' && build.imageId
    ? { id: build.imageId, reference: build.tags[0] ?? build.imageId }
    : undefined
}
