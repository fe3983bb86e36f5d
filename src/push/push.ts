// The push stage: pushes the image this run built, under each of its tags, once every check passed. The
// engine pushes (POST /images/{name}/push), so the bytes pushed are the ones that were smoked, with no
// second build. The stream is read as the CLI reads it: one line per layer as it finishes ("Pushed",
// "Layer already exists", "Mounted from ..."), and the `aux` record at the end carries the manifest digest
// the registry accepted.
import type { IncomingMessage } from 'node:http'
import { findCredentials, registryOf, type FoundCredentials } from '../build/credentials.js'
import { ImageReference } from '../image/reference.js'
import type { EngineClient } from '../engine/client.js'
import { CancelledError, messageOf } from '../errors.js'
import { formatBytes, formatDuration } from '../format.js'
import { MALFORMED_LINE, readJsonLines } from '../engine/json-stream.js'
import type { Log } from '../log/log.js'
import { sleep } from '../signals.js'
import { stageTimes, type StageResult } from '../stage.js'
import type { BuildResult } from '../build/types.js'

export interface PushedTag {
  tag: string
  /** The manifest digest the registry returned for this tag. */
  digest: string
  /** `name@sha256:…`, ready to copy into a `FROM` or a `docker pull`. */
  pinned: string
  /** Manifest size in bytes, as the engine reported it. */
  size?: number
  layers: { pushed: number; existed: number; mounted: number }
  attempts: number
}

/** The stage result: what was pushed, or why nothing was. */
/** status `not-pushed`: a check failed before the push (the reason says which); `failed`: the push did. */
export interface PushResult extends StageResult<'pushed' | 'not-pushed' | 'failed'> {
  /** Why nothing was pushed (status `not-pushed`). */
  reason?: string
  /** Tags pushed, in order; on a failure, those pushed before it. */
  pushed: PushedTag[]
  /** The digest of the first pushed tag (every tag of one image has the same manifest on one engine). */
  digest?: string
}

export interface PushStageInput {
  client: EngineClient
  imageId: string
  tags: string[]
  log: Log
  signal?: AbortSignal
  /** DOCKER_CONFIG, HOME and PATH for credentials: the environment the runtime gathered. */
  processEnv: NodeJS.ProcessEnv
  /** Credentials already looked up (the pipeline does it before the build); else looked up here. */
  credentials?: FoundCredentials[]
  /** Attempts per tag when the push fails in a way worth retrying (5xx, a dropped connection). */
  attempts?: number
  /** Wait before the n-th retry: n × this (default 2 s). */
  backoffMs?: number
}

const DEFAULT_ATTEMPTS = 3
const DEFAULT_BACKOFF_MS = 2000

/**
 * Only an image that passed every check is pushed: the same image ID the smoke containers ran. Given the
 * failures so far and the build, either the image to push or the not-pushed result (its reason logged as
 * a warning).
 */
export function pushGate(
  failures: readonly string[],
  build: Pick<BuildResult, 'status' | 'imageId' | 'skippedReason'>,
  log: Log
): { imageId: string } | { notPushed: PushResult } {
  if (failures.length === 0 && build.status === 'built' && build.imageId) return { imageId: build.imageId }
  const reason =
    failures.length > 0
      ? `${failures.length === 1 ? 'a check' : `${failures.length} checks`} failed: ${failures[0]}`
      : `nothing was built (${build.skippedReason ?? build.status})`
  log.warning(`Not pushed: ${reason}`)
  return { notPushed: { status: 'not-pushed', problems: [], ...stageTimes(Date.now()), reason, pushed: [] } }
}

/** The registries the tags name and the credentials for them, looked up once before the build. */
export async function pushCredentials(tags: string[], env: NodeJS.ProcessEnv): Promise<FoundCredentials[]> {
  return findCredentials(tags.map(registryOf), env)
}

export async function pushImage(input: PushStageInput): Promise<PushResult> {
  const { client, imageId, tags, log, signal } = input
  const started = Date.now()
  const credentials = input.credentials ?? (await pushCredentials(tags, input.processEnv))
  const attempts = Math.max(1, input.attempts ?? DEFAULT_ATTEMPTS)
  const backoffMs = input.backoffMs ?? DEFAULT_BACKOFF_MS
  const pushed: PushedTag[] = []
  const problems: string[] = []

  for (const tag of tags) {
    const ref = pushTarget(tag)
    const found = credentials.find(c => c.registry === ref.registry)
    // The tag must still name the image that was smoked: another job on a shared engine may have moved it.
    const current = await client.images.inspect(tag, signal).catch((error: unknown) => {
      if (signal?.aborted) throw new CancelledError()
      throw error
    })
    if (!current) {
      problems.push(`Push of ${tag} refused: the engine has no image tagged ${tag} any more.`)
      break
    }
    if (current.Id !== imageId) {
      problems.push(
        `Push of ${tag} refused: the tag now names ${current.Id.slice(7, 19)}, not the image this run built and smoked (${imageId.slice(7, 19)}).`
      )
      break
    }
    log.info(
      `Pushing ${tag} to ${ref.registry}${found ? ` (credentials from ${found.source})` : ' (no credentials configured for it)'}`
    )
    let outcome: AttemptOutcome | undefined
    let attempt = 0
    while (attempt < attempts) {
      attempt++
      outcome = await pushOnce(client, ref, found, log, signal)
      if (outcome.ok || !outcome.retryable || attempt === attempts) {
        if (outcome.ok) {
          const { digest } = outcome.tag
          pushed.push({ ...outcome.tag, tag, pinned: `${ref.name}@${digest}`, attempts: attempt })
          log.info(`Pushed ${ref.name}@${digest}`)
        }
        break
      }
      const wait = attempt * backoffMs
      log.warning(
        `Push of ${tag} failed (${outcome.message}); trying again in ${formatDuration(wait)} (attempt ${attempt + 1} of ${attempts}).`
      )
      await sleep(wait, signal).catch(() => {
        throw new CancelledError()
      })
    }
    if (outcome && !outcome.ok) {
      problems.push(describeFailure(tag, ref.registry, outcome, found, attempt))
      break
    }
  }

  return {
    status: problems.length === 0 ? 'pushed' : 'failed',
    problems,
    ...stageTimes(started),
    pushed,
    digest: pushed[0]?.digest
  }
}

interface PushTarget {
  /** The repository as the engine names it (`127.0.0.1:5000/app`, `team/app`). */
  name: string
  registry: string
  tag: string
}

/** Tags were validated with the inputs (src/inputs/parse.ts). */
function pushTarget(tag: string): PushTarget {
  const ref = ImageReference.parse(tag)
  if (!ref) throw new Error(`pushTarget: ${tag} is not a reference`)
  return { name: ref.familiarName, registry: ref.registry, tag: ref.tag ?? 'latest' }
}

type AttemptOutcome =
  | { ok: true; tag: Omit<PushedTag, 'tag' | 'pinned' | 'attempts'> }
  | { ok: false; message: string; retryable: boolean; engineRetried: boolean }

interface PushEvent {
  status?: string
  id?: string
  progressDetail?: { current?: number; total?: number }
  aux?: { Tag?: string; Digest?: string; Size?: number }
  error?: string
  errorDetail?: { message?: string }
}

/** Layer statuses the engine sends (moby distribution/push_v2.go, daemon/containerd/image_push.go). */
const LAYER_DONE = /^(Pushed|Layer already exists|Mounted from .+)$/

async function pushOnce(
  client: EngineClient,
  ref: PushTarget,
  found: FoundCredentials | undefined,
  log: Log,
  signal?: AbortSignal
): Promise<AttemptOutcome> {
  const layers = { pushed: 0, existed: 0, mounted: 0 }
  let engineRetried = false
  let aux: PushEvent['aux']
  let stream: IncomingMessage
  try {
    // The engine wants an X-Registry-Auth header even when there are no credentials: `{}` then.
    stream = await client.images.push(ref.name, ref.tag, found?.auth, signal)
  } catch (error) {
    if (signal?.aborted) throw new CancelledError()
    const message = messageOf(error)
    return { ok: false, message, retryable: retryable(message), engineRetried }
  }

  const onEvent = (event: PushEvent): string | undefined => {
    if (event.error || event.errorDetail) return event.errorDetail?.message ?? event.error
    if (event.aux?.Digest) aux = event.aux
    const status = event.status ?? ''
    // The containerd image store (28.x) sends no aux record, only the CLI's line: `<tag>: digest: … size: …`.
    const line = /^(\S+): digest: (sha256:[a-f0-9]{64}) size: (\d+)$/.exec(status)
    if (line && line[1] === ref.tag && !aux) aux = { Tag: line[1], Digest: line[2], Size: Number(line[3]) }
    if (event.id && /^[a-f0-9]{12,64}$/.test(event.id)) {
      const id = event.id.slice(0, 12)
      if (LAYER_DONE.test(status)) {
        if (status === 'Pushed') layers.pushed++
        else if (status === 'Layer already exists') layers.existed++
        else layers.mounted++
        const total = event.progressDetail?.total
        log.info(
          `  ${id}: ${status.startsWith('Mounted from') ? 'Mounted from another repository' : status}${total ? ` (${formatBytes(total)})` : ''}`
        )
      } else if (/^Retrying in \d+ seconds?$/.test(status)) {
        // The engine retries a failed layer upload itself (moby distribution/xfer/upload.go, 5 attempts).
        if (!engineRetried) log.warning(`  ${id}: upload failed, the engine is retrying (${status})`)
        engineRetried = true
      }
    }
    return undefined
  }

  const end = await readJsonLines(stream, onEvent, signal)
  if (signal?.aborted) throw new CancelledError()
  const failure =
    end.kind === 'error'
      ? end.message
      : end.kind === 'malformed'
        ? MALFORMED_LINE
        : end.kind === 'lost'
          ? 'the connection to the Docker engine was lost during the push'
          : undefined
  if (failure !== undefined || !aux?.Digest) {
    const message = failure ?? 'the engine ended the push without a digest'
    // When the engine already retried a layer and still failed, another round would only repeat it.
    return { ok: false, message, retryable: retryable(message) && !engineRetried, engineRetried }
  }
  return { ok: true, tag: { digest: aux.Digest, size: aux.Size, layers } }
}

/** Refusals and TLS problems: the same push would fail the same way again. */
const REFUSED =
  /unauthori[sz]ed|denied|forbidden|x509|certificate|tls:|no such host|connection refused|name unknown|manifest invalid|blob unknown|does not exist|no basic auth/i
/**
 * A registry that failed (5xx; `error from registry` is how the containerd store words a 5xx body) or a
 * connection that dropped mid-upload.
 */
const TRANSIENT =
  /\b5\d\d\b|unavailable|internal server error|bad gateway|error from registry|unexpected EOF|\bEOF\b|connection reset|broken pipe|closed network connection|timeout|lost/i

/** 5xx answers and dropped connections are worth another attempt; refusals and TLS problems are not. */
function retryable(message: string): boolean {
  return !REFUSED.test(message) && TRANSIENT.test(message)
}

function describeFailure(
  tag: string,
  registry: string,
  outcome: Extract<AttemptOutcome, { ok: false }>,
  found: FoundCredentials | undefined,
  attempts: number
): string {
  const said = outcome.message
  let why: string
  if (/unauthori[sz]ed|authentication required|no basic auth/i.test(said)) {
    why = found
      ? `the registry refused the credentials from ${found.source} (${said})`
      : `the registry wants credentials and none are configured for ${registry} (run docker/login-action first)`
  } else if (/denied|forbidden/i.test(said)) {
    why = `the registry denied the push (${said})`
  } else if (/x509|certificate|tls:/i.test(said)) {
    why = `the engine does not trust the registry's TLS certificate (${said}); put the CA that signed it in /etc/docker/certs.d/${registry}/ca.crt on the engine's host`
  } else if (/connection refused|no such host|i\/o timeout|dial tcp|no route to host/i.test(said)) {
    why = `the registry did not answer (${said})`
  } else if (retryable(said)) {
    const tries = outcome.engineRetried
      ? 'after the engine retried the upload'
      : `after ${attempts} attempt${attempts === 1 ? '' : 's'}`
    why = `the registry kept failing ${tries} (${said})`
  } else {
    why = said
  }
  return `Push of ${tag} to ${registry} failed: ${why}.`
}
