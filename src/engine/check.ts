import * as exec from '@actions/exec'
import type Docker from 'dockerode'
import { PreflightError, errorCode, messageOf } from '../errors.js'
import { oneLine } from '../format.js'
import type { EngineOptions } from '../config.js'
import type { Log } from '../log/log.js'
import { api } from './api.js'
import { imageStoreOf, type ImageStore } from './image-store.js'
import { PING_TIMEOUT_MS } from './constants.js'
import type { Endpoint } from './connect.js'
import type { PingOutcome } from './early-ping.js'
import { describeTlsFailure } from './tls-failure.js'
import { deadline } from '../signals.js'
import { compareVersions } from './version.js'
import { podmanVersion } from './podman.js'
import { evaluateConditions, type ConditionOutcome } from './require-info.js'

export { PING_TIMEOUT_MS }
/** /version and /info are cheap; a daemon that takes longer is stuck. */
const FACTS_TIMEOUT_MS = 15_000

/** What the engine says about itself, as `docker version` and `docker info` would show it. */
export interface EngineFacts {
  endpoint: string
  serverVersion: string
  apiVersion: string
  minApiVersion?: string
  os: string
  arch: string
  kernelVersion: string
  /** Where the engine keeps images: the containerd image store or a graph driver (see image-store.ts). */
  imageStore: ImageStore
  /** Podman's own version when the engine is Podman's Docker-compatible API (its /version Components). */
  podmanVersion?: string
  /** `docker --version` of the CLI on this machine; undefined when there is no `docker` binary. */
  clientVersion?: string
  /** The raw /version reply. */
  version: Record<string, unknown>
  /** The raw /info reply. */
  info: Record<string, unknown>
}

export interface EngineCheckResult {
  facts: EngineFacts
  /** require-info conditions, each with what the engine has. */
  conditions: ConditionOutcome[]
  /** Everything that makes the step fail: versions below minimum, conditions not met. */
  failures: string[]
  durationMs: number
}

export interface EngineCheckInput {
  docker: Docker
  endpoint: Endpoint
  options: EngineOptions
  log: Log
  signal?: AbortSignal
  /** A ping already sent by the entry (src/engine/early-ping.ts); used instead of pinging again. */
  earlyPing?: Promise<PingOutcome>
  /** Called once the engine has answered the ping, so a caller can start work that needs it. */
  onReachable?: () => void
}

/**
 * The engine check: ping (fast failure when nothing answers), then /version, /info and the CLI's own
 * version concurrently, then the minimum versions and require-info conditions.
 */
export async function checkEngine(input: EngineCheckInput): Promise<EngineCheckResult> {
  const started = Date.now()
  const { docker, endpoint, options, signal } = input
  const clientVersion = readClientVersion()

  await pingEngine(docker, endpoint, signal, input.earlyPing)
  input.onReachable?.()
  const factsDeadline = deadline(FACTS_TIMEOUT_MS, undefined, signal)
  const [version, info] = await Promise.all([
    api.version(docker, factsDeadline.signal),
    api.info(docker, factsDeadline.signal)
  ])
    .catch(error => {
      throw engineError(endpoint, error, 'reading /version and /info', signal)
    })
    .finally(() => factsDeadline.dispose())
  requireJsonObject(endpoint, '/version', version)
  requireJsonObject(endpoint, '/info', info)

  const facts: EngineFacts = {
    endpoint: endpoint.display,
    serverVersion: String(version.Version ?? info.ServerVersion ?? ''),
    apiVersion: String(version.ApiVersion ?? ''),
    minApiVersion: version.MinAPIVersion ? String(version.MinAPIVersion) : undefined,
    podmanVersion: podmanVersion(version),
    os: String(version.Os ?? info.OSType ?? ''),
    arch: String(version.Arch ?? info.Architecture ?? ''),
    kernelVersion: String(version.KernelVersion ?? info.KernelVersion ?? ''),
    imageStore: imageStoreOf(info),
    clientVersion: await clientVersion,
    version,
    info
  }

  const failures: string[] = []
  const tooOld = (what: string, found: string, required: string | undefined): void => {
    if (!required) return
    const order = compareVersions(found, required)
    if (order === undefined || order < 0) {
      failures.push(`${what} ${found || '(unknown)'} is below the required minimum ${required}`)
    }
  }
  tooOld('Docker engine version', facts.serverVersion, options.minDockerVersion)
  tooOld('Docker API version', facts.apiVersion, options.minApiVersion)

  const conditions = evaluateConditions(options.requireInfo, info)
  for (const outcome of conditions.filter(o => !o.passed)) {
    failures.push(
      `require-info "${outcome.condition.source}" failed: ${outcome.condition.field} is ${outcome.actual}`
    )
  }

  return { facts, conditions, failures, durationMs: Date.now() - started }
}

/**
 * Fails fast, with one clear message, when the engine cannot be reached: the early ping's outcome when
 * the entry sent one to this endpoint, else a ping of its own.
 */
async function pingEngine(
  docker: Docker,
  endpoint: Endpoint,
  signal: AbortSignal | undefined,
  early: Promise<PingOutcome> | undefined
): Promise<void> {
  const outcome = await early
  if (outcome && outcome.endpoint === endpoint.display) {
    if (outcome.error !== undefined) throw await engineFailure(endpoint, outcome.error, 'ping', signal)
    return
  }
  const pingDeadline = deadline(PING_TIMEOUT_MS, undefined, signal)
  try {
    await api.ping(docker, pingDeadline.signal)
  } catch (error) {
    throw await engineFailure(endpoint, error, 'ping', signal)
  } finally {
    pingDeadline.dispose()
  }
}

/**
 * engineError, after a look at the TLS handshake when TLS could explain the failure (src/engine/tls-failure.ts):
 * which certificate, which CA file, which context.
 */
export async function engineFailure(
  endpoint: Endpoint,
  error: unknown,
  doing: string,
  parentSignal?: AbortSignal
): Promise<PreflightError> {
  if (error instanceof PreflightError || parentSignal?.aborted)
    return engineError(endpoint, error, doing, parentSignal)
  const tls = await describeTlsFailure(endpoint, error)
  if (tls)
    return new PreflightError(`Cannot use the Docker engine at ${endpoint.display}: ${tls}`, { cause: error })
  return engineError(endpoint, error, doing, parentSignal)
}

/** Turns whatever dockerode threw into one clear line: the endpoint, what happened, what to check. */
export function engineError(
  endpoint: Endpoint,
  error: unknown,
  doing: string,
  parentSignal?: AbortSignal
): PreflightError {
  if (error instanceof PreflightError) return error
  if (parentSignal?.aborted) return new PreflightError('Cancelled while contacting the Docker engine')
  const code = errorCode(error)
  const where = `the Docker engine at ${endpoint.display}`
  const hint = `Is dockerd running there? ${addressFrom(endpoint)}`
  let what: string
  if (typeof code === 'number') {
    // The engine answered, with an HTTP error: its own message says more than any guess.
    const message = (error as { json?: { message?: unknown } }).json?.message
    return new PreflightError(
      `Cannot use ${where}: it answered HTTP ${code} (${doing})` +
        `${typeof message === 'string' && message.trim() ? `: ${message.trim()}` : ''}. Check the engine's logs.`,
      { cause: error }
    )
  }
  if (endpoint.tls && isTlsCode(code)) {
    // Not a daemon that is down: the TLS handshake failed (tls-failure.ts words the cases it can tell apart).
    return new PreflightError(
      `Cannot use ${where}: TLS failed: ${messageOf(error).split('\n')[0]} (${code}). ` +
        `The TLS files come from ${endpoint.tls.from}.`,
      { cause: error }
    )
  }
  switch (code) {
    case 'ENOENT':
      what = 'the socket does not exist'
      break
    case 'ECONNREFUSED':
      what = 'the connection was refused'
      break
    case 'EACCES':
      what = 'permission denied on the socket (is this user in the docker group?)'
      break
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      what = 'the host name does not resolve'
      break
    case 'ABORT_ERR':
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      what = `it did not answer (${doing}) in time`
      break
    default:
      what = isAbort(error) ? `it did not answer (${doing}) in time` : messageOf(error) || String(code)
  }
  return new PreflightError(`Cannot use ${where}: ${what}. ${hint}`, { cause: error })
}

/** Where the address came from, as the last sentence of a connection error. */
function addressFrom(endpoint: Endpoint): string {
  switch (endpoint.source.kind) {
    case 'input':
      return 'The address is set by docker-host.'
    case 'default':
      return `The address is ${endpoint.source.description}; set docker-host, DOCKER_HOST or a docker context to use another engine.`
    default:
      return `The address comes from ${endpoint.source.description}.`
  }
}

function isTlsCode(code: unknown): boolean {
  return (
    typeof code === 'string' &&
    (code === 'EPROTO' || /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_)/.test(code))
  )
}

/** docker-modem hands back the raw bytes when a reply is not JSON; nothing downstream may read those as facts. */
function requireJsonObject(endpoint: Endpoint, path: string, reply: unknown): void {
  if (typeof reply === 'object' && reply !== null && !Buffer.isBuffer(reply) && !Array.isArray(reply)) return
  const start = oneLine(String(reply).slice(0, 40))
  throw new PreflightError(
    `Cannot use the Docker engine at ${endpoint.display}: its reply to ${path} is not JSON ` +
      `(it starts ${JSON.stringify(start)}). Is this address really a Docker engine?`
  )
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
}

/** `docker --version`, or undefined when no docker binary is on PATH (reported, not a failure). */
async function readClientVersion(): Promise<string | undefined> {
  try {
    const { exitCode, stdout } = await exec.getExecOutput('docker', ['--version'], {
      silent: true,
      ignoreReturnCode: true
    })
    if (exitCode !== 0) return undefined
    return /version\s+([^\s,]+)/i.exec(stdout)?.[1] ?? stdout.trim()
  } catch {
    return undefined
  }
}
