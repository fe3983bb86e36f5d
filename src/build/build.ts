import { statSync } from 'node:fs'
import { readFile } from '../fs-async.js'
import { PassThrough } from 'node:stream'
import { hostname } from 'node:os'
import { basename, dirname, join, relative, sep } from 'node:path'
import { randomHex, stableKey } from '../ids.js'
import { inspectedImageSize } from '../inventory/image-size.js'
import type { BuilderChoice, BuildOptions, RunEnvironment } from '../config.js'
import { EngineError, type EngineClient } from '../engine/client.js'
import { childController, sleep } from '../signals.js'
import { compareVersions } from '../engine/version.js'
import { podmanVersion } from '../engine/podman.js'
import { imageStoreOf } from '../engine/image-store.js'
import { CancelledError, messageOf, throwIfAborted } from '../errors.js'
import { sameReference } from '../image/reference.js'
import { formatBytes, formatDuration } from '../format.js'
import type { Log } from '../log/log.js'
import type { ContextStats } from './context.js'
import {
  credentialsOnDemand,
  findCredentials,
  registryConfig,
  registryOf,
  type FoundCredentials,
  type RegistryAuth
} from './credentials.js'
import { authService, fileSyncService, newSyncStats, secretsService, type SyncedDir } from './filesync.js'
import { BAD_PATTERN, IgnoreFileError, parseIgnoreFile, readOptional } from './ignore.js'
import { refusedPatternIndex } from './walk.js'
import { openSession, type Session } from '../engine/session.js'
import type { ControlClient } from '../engine/control.js'
import {
  baseImages,
  instructionAtLine,
  lineInMessage,
  parseDockerfile,
  stageWithBase,
  type ParsedDockerfile
} from './dockerfile.js'
import { buildEvents } from './events.js'
import { BuildProgress } from './progress.js'
import type { BuildFailure, BuildResult } from './types.js'
import { stageTimes, type StageResult } from '../stage.js'

/** BuildKit through the build endpoint (`version=2`) and the session endpoint arrived in API 1.39. */
export const BUILDKIT_MIN_API = '1.39'

export interface BuildStageInput {
  client: EngineClient
  options: BuildOptions
  env: RunEnvironment
  log: Log
  signal?: AbortSignal
  /** Labels to put on the image (and on classic-builder containers) so cleanup can find them. */
  labels: Record<string, string>
  /** Where DOCKER_CONFIG and HOME are read from for registry credentials (the runtime's environment). */
  processEnv: NodeJS.ProcessEnv
  /**
   * Called with the image ID as soon as the engine's build stream has ended with one, before the image
   * is inspected and its size listed (two more requests): the smoke stage can create its container
   * meanwhile.
   */
  onImage?: (image: { id: string; reference: string }) => void
}

export type { BuildFailure, BuildResult, BuildStep } from './types.js'

/**
 * dockerd's classic builder, looking for a cached step, lists the images that could hold it and then reads
 * each; one removed in between (another job pruning a shared engine) fails the build with these words
 * (moby daemon/images/cache.go, getLocalCachedImage). Nothing in the user's build is wrong: built again, once.
 */
const LOST_CACHE_CANDIDATE = /^unable to find image "sha256:[0-9a-f]{64}"$/

/** The Dockerfile before it is parsed: no instruction, so no step is placed on a line. */
const UNPARSED: ParsedDockerfile = { instructions: [], stages: [] }

/** Why the target stage cannot be built (it is not among the Dockerfile's named stages), or undefined. */
function missingTarget(
  dockerfile: ParsedDockerfile,
  target: string | undefined,
  file: string
): string | undefined {
  if (!target || dockerfile.stages.some(s => s.name === target.toLowerCase())) return undefined
  const names = dockerfile.stages.map(s => s.name).filter(Boolean)
  return `The target stage "${target}" is not in ${file} (${names.length ? `its named stages: ${names.join(', ')}` : 'it names no stages with FROM ... AS name'}).`
}

/** What the build came to, before the stage's problems and times are added. */
type BuildOutcome = Omit<BuildResult, keyof StageResult> & Pick<BuildResult, 'status'>

/**
 * The build stage: packs the context, builds through the Engine API, and reports what came of it. A
 * failure is annotated on the Dockerfile line that failed (the red X on the PR points at it).
 */
export async function buildImage(input: BuildStageInput): Promise<BuildResult> {
  const started = Date.now()
  let outcome = await build(input, started)
  if (outcome.builder === 'classic' && LOST_CACHE_CANDIDATE.test(outcome.failure?.message ?? '')) {
    input.log.info(
      `The engine lost an image while it looked for cached build steps (${outcome.failure!.message}): something removed images meanwhile. Building again.`
    )
    outcome = await build(input, started)
  }
  const { failure } = outcome
  if (failure) {
    input.log.error(failure.message, {
      title: failure.instruction ? `Build failed at ${failure.instruction}` : 'Build failed',
      file: failure.file,
      startLine: failure.line
    })
  }
  return {
    ...outcome,
    problems: failure ? [`Build failed: ${failure.message}`] : [],
    ...stageTimes(started, outcome.status === 'skipped' ? started : Date.now())
  }
}

/** Whether the build stage will build (not skip): build true, or auto with a Dockerfile at `file`. */
export function buildExpected(options: Pick<BuildOptions, 'mode' | 'file'>): boolean {
  return options.mode === 'true' || (options.mode === 'auto' && isFile(options.file))
}

async function build(input: BuildStageInput, started: number): Promise<BuildOutcome> {
  const { client, options, env, log, signal } = input
  const file = relative(env.workspace, options.file).split(sep).join('/') || options.file
  const skipped = (reason: string): BuildOutcome => ({
    status: 'skipped',
    skippedReason: reason,
    tags: options.tags,
    steps: []
  })
  const failed = (
    failure: Omit<BuildFailure, 'file' | 'tail'> & Partial<BuildFailure>,
    extra: Partial<BuildOutcome> = {}
  ): BuildOutcome => ({
    status: 'failed',
    tags: options.tags,
    steps: [],
    ...extra,
    failure: { file, tail: [], ...failure }
  })

  if (options.mode === 'false') return skipped('build is false')
  if (!isFile(options.file)) {
    if (options.mode === 'auto') return skipped(`there is no Dockerfile at ${file}`)
    return failed({
      message: `There is no Dockerfile at ${file}. Set the file input to the Dockerfile's path, or build: auto to skip the build when there is none.`
    })
  }
  throwIfAborted(signal)

  const text = readFile(options.file, 'utf8')
  text.catch(() => {})
  const choice = await chooseBuilder(client, options.builder, signal)
  if ('problem' in choice) return failed({ message: choice.problem })
  const builder = choice.builder
  if (choice.note) log[options.builder === 'buildkit' ? 'warning' : 'info'](choice.note)

  // The classic builder takes the base images' registry credentials with the request, so it needs the
  // parsed Dockerfile first. BuildKit asks for a registry's credentials over the session when it needs
  // them, so there the Dockerfile is parsed once the build is under way: loading the parser and parsing
  // (~15 ms of this process's CPU) then overlaps the engine's work instead of delaying its start.
  const logFound = (found: FoundCredentials): void =>
    log.debug(`Registry credentials for ${found.registry} from ${found.source}`)
  let dockerfile: ParsedDockerfile | undefined
  let credentials: FoundCredentials[] = []
  if (builder === 'classic') {
    dockerfile = await parseDockerfile(text)
    const missing = missingTarget(dockerfile, options.target, file)
    if (missing) return failed({ message: missing })
    credentials = await findCredentials(
      baseImages(dockerfile, options.buildArgs).map(registryOf),
      input.processEnv
    )
    credentials.forEach(logFound)
  }

  // A .dockerignore docker refuses is refused here too, before anything reaches the engine.
  const checked = new Set<string>()
  for (const dir of [
    options.context,
    ...options.buildContexts.filter(c => c.kind === 'local').map(c => c.source)
  ]) {
    for (const name of dir === options.context
      ? [`${basename(options.file)}.dockerignore`, '.dockerignore']
      : ['.dockerignore']) {
      const path = name === '.dockerignore' ? join(dir, name) : join(dirname(options.file), name)
      const file = workspacePath(env.workspace, path)
      const text = await readOptional(path)
      try {
        const read = parseIgnoreFile(text, file)
        // The file docker uses (BuildKit: the Dockerfile's own one first; the classic CLI reads only
        // .dockerignore): a line Go's regexp refuses fails the build when the walk reaches it, so find
        // out now and name the line.
        if (text !== undefined && !checked.has(dir) && (builder === 'buildkit' || name === '.dockerignore')) {
          checked.add(dir)
          const index = await refusedPatternIndex(dir, read.patterns, builder, signal)
          if (index !== undefined) throw new IgnoreFileError(BAD_PATTERN, read.lines[index], file)
        }
      } catch (error) {
        if (!(error instanceof IgnoreFileError)) throw error
        return failed({
          message: `${error.file} line ${error.line ?? '?'} is refused by docker: ${error.reason}`,
          file: error.file,
          line: error.line
        })
      }
    }
  }
  if (builder === 'classic' && options.secrets.length > 0)
    return failed({ message: classicCannot('secrets (secrets, secret-files, secret-envs)') })
  if (builder === 'classic' && options.buildContexts.length > 0)
    return failed({ message: classicCannot('named build contexts (build-contexts)') })
  if (builder === 'buildkit' && options.buildContexts.length > 0) {
    const problem = await namedContextsProblem(client, signal)
    if (problem) return failed({ message: problem })
  }

  const cacheFrom = await usableCacheFrom(client, builder, options.cacheFrom, log, signal)

  const buildOptions: Record<string, unknown> = {
    t: options.tags,
    buildargs: options.buildArgs,
    labels: { ...options.labels, ...input.labels },
    target: options.target,
    platform: options.platform,
    nocache: options.noCache,
    pull: options.pull,
    rm: true,
    forcerm: true, // a failed classic step leaves no container behind
    cachefrom: cacheFrom.length > 0 ? JSON.stringify(cacheFrom) : undefined,
    version: builder === 'buildkit' ? '2' : '1'
  }
  for (const key of Object.keys(buildOptions)) if (buildOptions[key] === undefined) delete buildOptions[key]

  log.info(
    `Building ${file} with ${builder === 'buildkit' ? 'BuildKit' : 'the classic builder'}, tags: ${options.tags.join(', ')}`
  )
  const block = log.untrusted(`Build ${options.tags[0] ?? ''}`.trim())
  const progress = new BuildProgress(block, dockerfile ?? UNPARSED)
  let cancelled = false
  let sent: SentContext | undefined
  // Stops a BuildKit build whose target the Dockerfile turns out not to have (known only once it is parsed).
  const stopBuild = childController(signal)
  try {
    const request: BuildRequest = {
      client,
      options,
      credentials,
      credentialsFor: credentialsOnDemand(input.processEnv, logFound),
      signal: stopBuild.controller.signal,
      traceFile: input.processEnv.PREFLIGHT_H2_TRACE || undefined
    }
    sent =
      builder === 'buildkit'
        ? options.buildContexts.length > 0
          ? await startControlBuild(request, { ...options.labels, ...input.labels })
          : await startSessionBuild(request, buildOptions)
        : await startTarBuild(request, buildOptions)
    if (!dockerfile) {
      dockerfile = await parseDockerfile(text)
      progress.useDockerfile(dockerfile)
      const missing = missingTarget(dockerfile, options.target, file)
      if (missing) {
        sent.response.catch(() => {})
        stopBuild.controller.abort(new CancelledError('the target stage is not in the Dockerfile'))
        return failed({ message: missing }, { builder })
      }
    }
    for await (const event of buildEvents(await sent.response)) progress.handle(event)
    progress.flush()
  } catch (error) {
    progress.flush()
    if (signal?.aborted) cancelled = true
    else {
      const sendError = await sent?.failure()
      progress.handle({
        kind: 'error',
        message: sendError
          ? `Could not send the build context: ${messageOf(sendError)}`
          : client.error(error, 'running the build').message
      })
    }
  } finally {
    stopBuild.dispose()
    sent?.close()
    block.close()
  }

  if (cancelled || progress.error) {
    await removeLeftovers(client, progress, builder)
    if (cancelled) throw new CancelledError('the build was cancelled')
  }
  const steps = progress.steps
  if (progress.error) {
    return failed(describeFailure(progress, dockerfile ?? UNPARSED, options.buildArgs), { builder, steps })
  }
  if (!progress.imageId) {
    return failed(
      { message: 'The engine finished the build without reporting an image ID.', tail: progress.tail() },
      { builder, steps }
    )
  }

  input.onImage?.({ id: progress.imageId, reference: options.tags[0] ?? progress.imageId })
  const image = await client.images.inspect(progress.imageId, signal)
  if (!image) {
    return failed(
      {
        message: `The engine reported image ${progress.imageId}, but has no such image.`,
        tail: progress.tail()
      },
      { builder, steps }
    )
  }
  const context = await sent!.stats()
  // The size as `docker image ls` shows it (inventory/image-size.ts): inspect's Size on a graph driver,
  // else a listing, which here would compete with the built image's container create and start.
  const sizeBytes = await inspectedImageSize(client, image, signal).catch((error: unknown) => {
    if (signal?.aborted) throw new CancelledError('the build was cancelled')
    log.warning(`Could not read the size of ${image.Id}: ${messageOf(error)}`)
    return undefined
  })
  const missing = options.tags.filter(tag => !(image.RepoTags ?? []).some(t => sameReference(t, tag)))
  if (missing.length > 0)
    log.warning(`The engine did not apply the tags ${missing.join(', ')} to ${image.Id}`)
  log.info(
    `Built ${image.Id} (${sizeBytes === undefined ? 'size unknown' : formatBytes(sizeBytes)}, ${image.RootFS?.Layers?.length ?? 0} layers) in ${formatDuration(Date.now() - started)}; context: ${context.files} files, ${formatBytes(context.bytes)}, ${context.ignored} ignored by .dockerignore`
  )
  return {
    status: 'built',
    imageId: image.Id,
    tags: options.tags,
    sizeBytes,
    layers: image.RootFS?.Layers?.length,
    builder,
    steps,
    context
  }
}

/** How the context reached the engine, and the build's response stream. */
interface SentContext {
  response: Promise<NodeJS.ReadableStream & AsyncIterable<Buffer>>
  /** What was sent, once the build is over. */
  stats(): Promise<ContextStats>
  /** Why sending the context failed, if it did (undefined otherwise). */
  failure(): Promise<unknown>
  close(): void
}

/** What every way of starting a build is given. */
interface BuildRequest {
  client: EngineClient
  options: BuildOptions
  /** The classic builder's: found before the request, which carries them. */
  credentials: FoundCredentials[]
  /** BuildKit's: looked up when the engine asks for a registry's over the session. */
  credentialsFor: (registry: string) => Promise<RegistryAuth | undefined>
  signal: AbortSignal | undefined
  /** For measuring: the session's HTTP/2 frames recorded here (PREFLIGHT_H2_TRACE, src/engine/h2-trace.ts). */
  traceFile?: string
}

/** The classic builder: the context as one tar in the request body (context.ts). */
async function startTarBuild(request: BuildRequest, query: Record<string, unknown>): Promise<SentContext> {
  const { client, options, credentials, signal } = request
  // Loaded here: the tar packer (tar-stream, ~15 ms to evaluate) is only for classic builds.
  const { packContext } = await import('./context.js')
  const packed = packContext({ context: options.context, dockerfile: options.file, signal })
  let packError: unknown
  packed.done.catch((error: unknown) => (packError = error))
  return {
    response: client.build.image(
      packed.stream,
      { ...query, dockerfile: packed.dockerfileName },
      credentials.length > 0 ? registryConfig(credentials) : undefined,
      signal
    ),
    stats: () => packed.done,
    failure: async () => packError,
    close: () => {}
  }
}

/**
 * BuildKit: the context, the Dockerfile's directory and each local named context are served through a
 * session (filesync.ts) as `docker build` with BuildKit serves them; /build is told `remote=client-session`,
 * so BuildKit's Dockerfile frontend reads .dockerignore itself and asks for what it needs.
 */
async function startSessionBuild(
  request: BuildRequest,
  query: Record<string, unknown>
): Promise<SentContext> {
  const { client, options, signal } = request
  const { session, stats } = await openBuildSession(request)
  const response = client.build.request(
    { ...query, dockerfile: basename(options.file), remote: 'client-session', session: session.id },
    signal
  )
  return {
    response,
    stats,
    failure: async () => undefined,
    close: () => session.close()
  }
}

/**
 * The session a BuildKit build reads from: the context, the Dockerfile's directory and each local named
 * context (filesync.ts), the build's secrets and registry credentials. `stats`: what was sent of the context.
 */
async function openBuildSession(
  request: BuildRequest
): Promise<{ session: Session; stats: () => Promise<ContextStats> }> {
  const { client, options, credentialsFor, signal } = request
  const context: SyncedDir = { path: options.context, stats: newSyncStats() }
  const dirs = new Map<string, SyncedDir>([
    ['context', context],
    ['dockerfile', { path: dirname(options.file), stats: newSyncStats() }]
  ])
  for (const named of options.buildContexts)
    if (named.kind === 'local') dirs.set(named.name, { path: named.source, stats: newSyncStats() })
  const session = await openSession(
    client,
    {
      // Like the docker CLI's getBuildSharedKey: the same directory on the same machine shares BuildKit's
      // copy of it, so the next build only transfers what changed. The CLI hashes with SHA-256; any stable
      // digest does (src/ids.ts).
      sharedKey: stableKey(`${hostname()}:${options.context}`),
      traceFile: request.traceFile,
      services: [
        fileSyncService({ dirs, signal }),
        secretsService(new Map(options.secrets.map(s => [s.id, s.value]))),
        authService(credentialsFor)
      ]
    },
    signal
  )
  const stats = async (): Promise<ContextStats> => ({
    files: context.stats.filesSent,
    bytes: context.stats.bytesSent,
    ignored: context.stats.ignored,
    listed: context.stats.listed
  })
  return { session, stats }
}

/**
 * Named contexts are Dockerfile frontend attributes (`context:<name>`), which the engine's /build endpoint
 * has no parameter for: buildx passes them through BuildKit's control API (Solve, on the engine's /grpc
 * endpoint). Engines before 23.0 embed a frontend without the capability (BuildKit refuses with
 * `unsupported frontend capability moby.buildkit.frontend.contexts`), so there it is one clear error.
 */
async function namedContextsProblem(client: EngineClient, signal: AbortSignal | undefined): Promise<string> {
  // '' when the engine can take them (through startControlBuild).
  const version = await client.system.version(signal)
  const server = String(version.Version ?? 'unknown')
  const apiVersion = String(version.ApiVersion ?? 'unknown')
  if ((compareVersions(server.replace(/[^0-9.].*$/, ''), '23.0') ?? -1) < 0)
    return `build-contexts needs an engine whose BuildKit supports named contexts (Docker 23.0 or later); this engine is Docker ${server} (API ${apiVersion}), whose Dockerfile frontend refuses them (moby.buildkit.frontend.contexts).`
  return ''
}

/**
 * BuildKit through its control API (engine/control.ts), as buildx's docker driver builds: Solve with the
 * Dockerfile frontend's attributes, named contexts among them (`context:<name>` = `local:<name>`, the
 * directory served through the session under that name, or `docker-image://ref`), and the `moby`
 * exporter tagging the image. Status events are turned into the /build stream's JSON lines, so the
 * build log and the failure handling are the same as for /build.
 */
async function startControlBuild(
  request: BuildRequest,
  labels: Record<string, string>
): Promise<SentContext> {
  const { client, options, signal } = request
  const attrs: Record<string, string> = { filename: basename(options.file) }
  for (const named of options.buildContexts) {
    attrs[`context:${named.name}`] =
      named.kind === 'local' ? `local:${named.name}` : `docker-image://${named.source}`
  }
  if (options.target) attrs.target = options.target
  if (options.platform) attrs.platform = options.platform
  if (options.noCache) attrs['no-cache'] = ''
  attrs['image-resolve-mode'] = options.pull ? 'pull' : 'default'
  for (const [key, value] of Object.entries(options.buildArgs)) attrs[`build-arg:${key}`] = value
  for (const [key, value] of Object.entries(labels)) attrs[`label:${key}`] = value
  const { session, stats } = await openBuildSession(request)
  let control: ControlClient
  try {
    // Loaded only here (node:http2 with it): only builds with named contexts use the control API.
    const { connectControl } = await import('../engine/control.js')
    control = await connectControl(client, signal)
  } catch (error) {
    session.close()
    throw error
  }
  const out = new PassThrough()
  const line = (event: object): void => void out.write(`${JSON.stringify(event)}\n`)
  const ref = randomHex(12)
  const status = control
    .status(ref, raw => line({ id: 'moby.buildkit.trace', aux: raw.toString('base64') }))
    .catch(() => {})
  control
    .solve({
      ref,
      session: session.id,
      frontendAttrs: attrs,
      exporterAttrs: { name: options.tags.join(',') },
      cacheImports: options.cacheFrom
    })
    .then(
      async response => {
        await status
        // The image ID as moby's /build reports it (v28.5.2 builder/builder-next/builder.go): the
        // exporter's digest. The graph-driver store's exporter sets it to the config digest; the
        // containerd store's to the manifest's, which is the image ID there (the config digest is not).
        const id = response['containerimage.digest'] ?? response['containerimage.config.digest']
        if (id) line({ id: 'moby.image.id', aux: { ID: id } })
        out.end()
      },
      async (error: unknown) => {
        await status
        line({ errorDetail: { message: messageOf(error) }, error: messageOf(error) })
        out.end()
      }
    )
  signal?.addEventListener('abort', () => out.destroy(new CancelledError('the build was cancelled')), {
    once: true
  })
  return {
    response: Promise.resolve(out as unknown as NodeJS.ReadableStream & AsyncIterable<Buffer>),
    stats,
    failure: async () => undefined,
    close: () => {
      control.close()
      session.close()
    }
  }
}

function classicCannot(what: string): string {
  return `The classic builder cannot take ${what}; they need BuildKit (builder: auto or buildkit, on an engine with BuildKit).`
}

function workspacePath(workspace: string, path: string): string {
  const rel = relative(workspace, path)
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path
}

/**
 * BuildKit where the engine has it (API 1.39+, Linux), the classic builder otherwise or when asked.
 * Asking for BuildKit from a Docker engine without it is a failure, not a silent fallback. Podman
 * claims API 1.41 but has no BuildKit: its builds go to the classic builder, with a note saying so.
 */
/**
 * The cache-from images the chosen builder can use. The classic builder on the containerd image store
 * fails the whole build ("failed to read diff archive: InvalidArgument") when it restores a cached step
 * that made no layer (LABEL, ENV, CMD, and the labels this action adds): moby v28.5.2
 * daemon/containerd/cache.go reads that step's diff with an empty digest. Building without the cache is
 * slower but right, so the images are dropped with one warning rather than failing the step.
 */
async function usableCacheFrom(
  client: EngineClient,
  builder: 'buildkit' | 'classic',
  cacheFrom: string[],
  log: Log,
  signal: AbortSignal | undefined
): Promise<string[]> {
  if (builder !== 'classic' || cacheFrom.length === 0) return cacheFrom
  if (imageStoreOf(await client.system.info(signal)) !== 'containerd') return cacheFrom
  log.warning(
    'cache-from is not used: the classic builder on the containerd image store cannot restore cached steps that made no layer (the engine fails such a build with "failed to read diff archive"). Building without it; use BuildKit (builder: auto or buildkit) to build from a cache image on this engine.'
  )
  return []
}

async function chooseBuilder(
  client: EngineClient,
  choice: BuilderChoice,
  signal: AbortSignal | undefined
): Promise<{ builder: 'buildkit' | 'classic'; note?: string } | { problem: string }> {
  if (choice === 'classic') return { builder: 'classic' }
  // The engine check asks /version too: the client asks the engine once.
  const version = await client.system.version(signal)
  const podman = podmanVersion(version)
  if (podman !== undefined) {
    return {
      builder: 'classic',
      note: `This engine is Podman ${podman}, whose Docker-compatible API has no BuildKit: building with the classic builder${choice === 'buildkit' ? ' although builder is buildkit' : ''}.`
    }
  }
  const apiVersion = String(version.ApiVersion ?? '')
  const os = String(version.Os ?? '')
  const supported = os === 'linux' && (compareVersions(apiVersion, BUILDKIT_MIN_API) ?? -1) >= 0
  if (supported) return { builder: 'buildkit' }
  if (choice === 'buildkit') {
    return {
      problem: `builder is buildkit, but this engine (${os || 'unknown OS'}, API ${apiVersion || 'unknown'}) has no BuildKit: it needs a Linux engine with API ${BUILDKIT_MIN_API} or later. Use builder: auto or classic.`
    }
  }
  return { builder: 'classic' }
}

/** The failure as a developer should see it: the instruction and its line, the engine's words, the tail. */
function describeFailure(
  progress: BuildProgress,
  dockerfile: ParsedDockerfile,
  buildArgs: Record<string, string>
): Omit<BuildFailure, 'file'> {
  let message = tidyEngineMessage(progress.error ?? 'the build failed')
  let instruction = progress.failedStep?.instruction
  let line = progress.failedStep?.line

  const parseErrorLine = lineInMessage(message)
  if (parseErrorLine !== undefined) {
    line = parseErrorLine
    instruction = instructionAtLine(dockerfile, parseErrorLine)?.text
  }
  const base = missingBaseImage(message) ?? failedMetadataLoad(progress.tail())
  if (base) {
    const stage = stageWithBase(dockerfile, base, buildArgs)
    if (stage) {
      line = stage.from.line
      instruction = stage.from.text
    }
    message = `The base image ${base} could not be pulled: ${message}`
  }
  return { message, instruction, line, tail: progress.tail() }
}

/** The image reference an engine names when a base image cannot be pulled, in either builder's words. */
export function missingBaseImage(message: string): string | undefined {
  const patterns = [
    /manifest for (\S+) not found/,
    /pull access denied for ([^,\s]+)/,
    /failed to resolve source metadata for ([^:\s]+(?::\d+)?\/[^:\s]+(?::[\w.-]+)?)/,
    /(?:^|: )(\S+?): (?:not found|pull access denied)/,
    /https?:\/\/([^/\s]+)\/v2\/(\S+?)\/manifests\/([^"\s]+)/
  ]
  for (const pattern of patterns) {
    const match = pattern.exec(message)
    if (!match) continue
    if (match[3] !== undefined) {
      const host = match[1] === 'registry-1.docker.io' ? 'docker.io' : match[1]!
      return `${host}/${match[2]}${match[3].startsWith('sha256:') ? '@' : ':'}${match[3]}`
    }
    return match[1]
  }
  return undefined
}

/**
 * The image of a BuildKit `[internal] load metadata for <image>` step that failed, for failures whose
 * message names no image (a registry's 401 on 20.10: `pulling from host … failed with status code
 * [manifests 1]: 401 Unauthorized`). A reference holds colons, never `: `.
 */
function failedMetadataLoad(tail: string[]): string | undefined {
  for (const line of tail) {
    const match = /^ERROR: \[internal\] load metadata for (\S+?): /.exec(line)
    if (match) return match[1]
  }
  return undefined
}

/** BuildKit wraps every error in the same two prefixes; they tell a developer nothing. */
function tidyEngineMessage(message: string): string {
  return message
    .replace(/^failed to solve with frontend dockerfile\.v0: /, '')
    .replace(/^failed to solve: /, '')
    .replace(/^failed to create LLB definition: /, '')
    .trim()
}

/**
 * After a failed or cancelled build, removes what the classic builder left: the container of the step
 * that was running (the engine removes it itself with forcerm, but only after the request is gone) and
 * the intermediate images this build created. BuildKit keeps both inside its own cache.
 */
async function removeLeftovers(
  client: EngineClient,
  progress: BuildProgress,
  builder: 'buildkit' | 'classic'
): Promise<void> {
  if (builder !== 'classic') return
  for (const id of progress.classicContainers) {
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline) {
      try {
        await client.containers.remove(id, { force: true })
        break
      } catch (error) {
        if (error instanceof EngineError && error.status === 404) break
        await sleep(250) // removal already in progress
      }
    }
  }
  for (const id of [...progress.classicImages].reverse()) {
    try {
      await client.images.remove(id, { noprune: true })
    } catch {
      // in use by another build's cache or already gone: not ours to force
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
