import { PreflightError } from '../errors.js'
import { oneLine } from '../format.js'
import type { EngineOptions } from '../config.js'
import type { Log } from '../log/log.js'
import { EngineError, type EngineClient } from './client.js'
import { imageStoreOf, type ImageStore } from './image-store.js'
import { FACTS_TIMEOUT_MS, PING_TIMEOUT_MS } from './constants.js'
import { describeEndpoint, type Endpoint } from './endpoint.js'
import type { PingOutcome } from './early-ping.js'
import { deadline } from '../signals.js'
import { stageTimes, type StageResult } from '../stage.js'
import { compareVersions } from './version.js'
import { podmanVersion } from './podman.js'
import { evaluateConditions, type ConditionOutcome } from './require-info.js'

export { PING_TIMEOUT_MS }

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

/** `problems`: versions below the minimum, require-info conditions not met. */
export interface EngineCheckResult extends StageResult<'passed' | 'failed'> {
  facts: EngineFacts
  /** require-info conditions, each with what the engine has. */
  conditions: ConditionOutcome[]
}

export interface EngineCheckInput {
  client: EngineClient
  options: EngineOptions
  log: Log
  signal?: AbortSignal
  /** A ping already sent by the entry (src/engine/early-ping.ts); used instead of pinging again. */
  earlyPing?: Promise<PingOutcome>
  /** Called once the engine has answered the ping, so a caller can start work that needs it. */
  onReachable?: () => void
}

/**
 * The engine check: ping (fast failure when nothing answers), then /version and /info, then the CLI's own
 * version, the minimum versions and require-info conditions. Logs what it found.
 */
export async function checkEngine(input: EngineCheckInput): Promise<EngineCheckResult> {
  const started = Date.now()
  const { client, options, signal } = input
  const endpoint = client.endpoint

  await pingEngine(client, signal, input.earlyPing)
  input.onReachable?.()
  const factsDeadline = deadline(FACTS_TIMEOUT_MS, undefined, signal)
  const [version, info] = await Promise.all([
    client.system.version(factsDeadline.signal),
    client.system.info(factsDeadline.signal)
  ])
    .catch(error => {
      throw contactError(client, error, 'reading /version and /info', signal)
    })
    .finally(() => factsDeadline.dispose())
  requireJsonObject(endpoint, '/version', version)
  requireJsonObject(endpoint, '/info', info)
  // Only now: spawning `docker --version` (a fork of this process, then the CLI starting) before the
  // requests above were written delayed them by ~20 ms on 2 cores; this check's end waits on nothing.
  const clientVersion = readClientVersion()

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

  const problems: string[] = []
  const tooOld = (what: string, found: string, required: string | undefined): void => {
    if (!required) return
    const order = compareVersions(found, required)
    if (order === undefined || order < 0) {
      problems.push(`${what} ${found || '(unknown)'} is below the required minimum ${required}`)
    }
  }
  tooOld('Docker engine version', facts.serverVersion, options.minDockerVersion)
  tooOld('Docker API version', facts.apiVersion, options.minApiVersion)

  const conditions = evaluateConditions(options.requireInfo, info)
  for (const outcome of conditions.filter(o => !o.passed)) {
    problems.push(
      `require-info "${outcome.condition.source}" failed: ${outcome.condition.field} is ${outcome.actual}`
    )
  }

  const result: EngineCheckResult = {
    status: problems.length > 0 ? 'failed' : 'passed',
    problems,
    ...stageTimes(started),
    facts,
    conditions
  }
  logEngine(result, client.endpoint, input.log)
  return result
}

function logEngine(result: EngineCheckResult, endpoint: Endpoint, log: Log): void {
  const { facts } = result
  const info = facts.info
  log.info(`Endpoint:        ${describeEndpoint(facts.endpoint, endpoint.source)}`)
  log.info(`Server version:  ${facts.serverVersion} (API ${facts.apiVersion})`)
  if (facts.podmanVersion) log.info(`Podman:          ${facts.podmanVersion} (Docker-compatible API)`)
  log.info(`Client version:  ${facts.clientVersion ?? 'no docker CLI found'}`)
  log.info(`OS/arch:         ${facts.os}/${facts.arch}, kernel ${facts.kernelVersion}`)
  log.info(`Storage driver:  ${String(info.Driver ?? '')}`)
  log.info(`Cgroup:          ${String(info.CgroupDriver ?? '')} v${String(info.CgroupVersion ?? '?')}`)
  log.info(`Default runtime: ${String(info.DefaultRuntime ?? '')}`)
  log.info(`Security:        ${(info.SecurityOptions as string[] | undefined)?.join(', ') ?? ''}`)
  for (const outcome of result.conditions) {
    log.info(
      `require-info ${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.condition.source} (${outcome.actual})`
    )
  }
  for (const problem of result.problems) log.error(problem)
}

/**
 * Fails fast, with one clear message, when the engine cannot be reached: the early ping's outcome when
 * the entry sent one to this endpoint, else a ping of its own.
 */
async function pingEngine(
  client: EngineClient,
  signal: AbortSignal | undefined,
  early: Promise<PingOutcome> | undefined
): Promise<void> {
  const outcome = await early
  if (outcome && outcome.endpoint === client.endpoint.display) {
    if (outcome.error !== undefined) throw await engineFailure(client, outcome.error, 'ping', signal)
    if (outcome.facts) client.useEarlyFacts(outcome.facts)
    return
  }
  const pingDeadline = deadline(PING_TIMEOUT_MS, undefined, signal)
  try {
    await client.system.ping(pingDeadline.signal)
  } catch (error) {
    throw await engineFailure(client, error, 'ping', signal)
  } finally {
    pingDeadline.dispose()
  }
}

/**
 * contactError, after a look at the TLS handshake when TLS could explain the failure
 * (src/engine/tls-failure.ts): which certificate, which CA file, which context.
 */
export async function engineFailure(
  client: EngineClient,
  error: unknown,
  doing: string,
  parentSignal?: AbortSignal
): Promise<PreflightError> {
  // The client's EngineError keeps what the connection threw as its cause.
  const raw = error instanceof EngineError ? error.cause : error
  if ((raw instanceof PreflightError && !(raw instanceof EngineError)) || parentSignal?.aborted)
    return contactError(client, error, doing, parentSignal)
  // Loaded only after a failure (it brings node:tls).
  const { describeTlsFailure } = await import('./tls-failure.js')
  const tls = await describeTlsFailure(client.endpoint, raw)
  if (tls)
    return new PreflightError(`Cannot use the Docker engine at ${client.endpoint.display}: ${tls}`, {
      cause: error
    })
  return contactError(client, error, doing, parentSignal)
}

/**
 * The check's one sentence when the engine cannot be used: the client's wording, except that an engine
 * answering the first requests with an HTTP error is named as such (it may not be a Docker engine at all).
 */
function contactError(
  client: EngineClient,
  error: unknown,
  doing: string,
  parentSignal: AbortSignal | undefined
): PreflightError {
  if (parentSignal?.aborted) return new PreflightError('Cancelled while contacting the Docker engine')
  const failure = client.error(error, doing)
  if (failure instanceof EngineError && failure.kind === 'http') {
    return new PreflightError(
      `Cannot use the Docker engine at ${client.endpoint.display}: it answered HTTP ${failure.status} (${doing})` +
        `${failure.message && failure.message !== `HTTP ${failure.status}` ? `: ${failure.message}` : ''}. Check the engine's logs.`,
      { cause: error }
    )
  }
  return failure
}

/** The transport hands back the raw bytes when a reply is not JSON; nothing downstream may read those as facts. */
function requireJsonObject(endpoint: Endpoint, path: string, reply: unknown): void {
  if (typeof reply === 'object' && reply !== null && !Buffer.isBuffer(reply) && !Array.isArray(reply)) return
  const start = oneLine(String(reply).slice(0, 40))
  throw new PreflightError(
    `Cannot use the Docker engine at ${endpoint.display}: its reply to ${path} is not JSON ` +
      `(it starts ${JSON.stringify(start)}). Is this address really a Docker engine?`
  )
}

/** `docker --version`, or undefined when no docker binary is on PATH (reported, not a failure). */
async function readClientVersion(): Promise<string | undefined> {
  try {
    // Loaded here, off the path to the engine's first requests. node:child_process itself, not
    // @actions/exec: one short command whose output is read, not logged, and @actions/exec brings
    // @actions/io and node:assert (~0.5 MB of memory) for it.
    const { execFile } = await import('node:child_process')
    const stdout = await new Promise<string | undefined>(resolve =>
      execFile('docker', ['--version'], { timeout: 10_000 }, (error, out) => resolve(error ? undefined : out))
    )
    if (stdout === undefined) return undefined
    return /version\s+([^\s,]+)/i.exec(stdout)?.[1] ?? stdout.trim()
  } catch {
    return undefined
  }
}
