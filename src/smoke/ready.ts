// Ways a service shows it is ready, as small objects in the style of testcontainers' wait strategies:
// each makes one attempt at a time (`check`), and `waitUntilReady` polls it until it is ready, gives a
// fatal answer, or the signal (deadline, container exit, cancel) ends the wait.
import { request } from 'node:http'
import { connect } from 'node:net'
import type { ContainerInspect, EngineClient } from '../engine/client.js'
import { messageOf } from '../errors.js'
import { hasHealthcheck } from './healthcheck.js'
import type { PatternWatch } from './output.js'
import { connectHost, type PublishedPort } from './ports.js'
import { deadline, sleep } from '../signals.js'
import { showPattern, type ReadySpec } from './spec.js'

export interface ReadyAnswer {
  ready: boolean
  /** What was seen: `GET http://127.0.0.1:49153/health answered 200`, `connection refused`. */
  detail: string
  /** No point in asking again (unhealthy, no HEALTHCHECK). */
  fatal?: boolean
}

export interface WaitStrategy {
  /** What is being waited for, for reasons: `GET http://127.0.0.1:49153/health`. */
  readonly description: string
  check(signal: AbortSignal): Promise<ReadyAnswer>
}

/** How long one attempt may take; a slow answer is retried, within the entry's timeout. */
const ATTEMPT_TIMEOUT_MS = 2000
/**
 * docker-proxy accepts a connection on the published host port even when nothing listens in the
 * container, then closes it at once. A connection still open (or that sent data) after this long is
 * a real listener.
 */
const PROXY_GRACE_MS = 500

/** 2xx and 3xx pass; redirects are not followed. */
export class HttpWait implements WaitStrategy {
  readonly description: string

  constructor(readonly url: string) {
    this.description = `GET ${url}`
  }

  async check(signal: AbortSignal): Promise<ReadyAnswer> {
    // node:https (with node:tls under it) only for an https:// probe.
    const send = this.url.startsWith('https:') ? (await import('node:https')).request : request
    const attempt = deadline(ATTEMPT_TIMEOUT_MS, undefined, signal)
    return new Promise<ReadyAnswer>(resolve => {
      const req = send(
        this.url,
        { method: 'GET', agent: false, signal: attempt.signal, rejectUnauthorized: false },
        res => {
          res.resume()
          res.destroy()
          const status = res.statusCode ?? 0
          resolve({ ready: status >= 200 && status < 400, detail: `${this.description} answered ${status}` })
        }
      )
      req.on('error', error => {
        const reason =
          attempt.signal.aborted && !signal.aborted ? 'no answer within 2s' : describeSocketError(error)
        resolve({ ready: false, detail: `${this.description} failed: ${reason}` })
      })
      req.end()
    }).finally(() => attempt.dispose())
  }
}

/** A TCP connection to the published host port that the container's listener keeps open. */
export class PortWait implements WaitStrategy {
  readonly description: string

  constructor(
    private readonly host: string,
    private readonly port: number,
    containerPort: number
  ) {
    this.description = `a TCP connection to ${formatHost(host)}:${port} (container port ${containerPort})`
  }

  check(signal: AbortSignal): Promise<ReadyAnswer> {
    return new Promise(resolve => {
      const socket = connect({ host: this.host, port: this.port, signal })
      let settled = false
      const done = (answer: ReadyAnswer): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        socket.destroy()
        resolve(answer)
      }
      const timer = setTimeout(
        () => done({ ready: false, detail: `${this.description}: no answer within 2s` }),
        ATTEMPT_TIMEOUT_MS
      )
      socket.on('connect', () => {
        clearTimeout(timer)
        setTimeout(() => done({ ready: true, detail: `${this.description} was accepted` }), PROXY_GRACE_MS)
      })
      socket.on('data', () => done({ ready: true, detail: `${this.description} was accepted` }))
      socket.on('end', () =>
        done({ ready: false, detail: `${this.description} was closed at once (nothing listening yet)` })
      )
      socket.on('error', error =>
        done({ ready: false, detail: `${this.description}: ${describeSocketError(error)}` })
      )
    })
  }
}

/** A pattern in the combined output. */
export class LogWait implements WaitStrategy {
  readonly description: string

  constructor(private readonly watch: PatternWatch) {
    this.description = `output matching ${showPattern(watch.pattern)}`
  }

  async check(): Promise<ReadyAnswer> {
    return this.watch.matched
      ? { ready: true, detail: `output matched ${showPattern(this.watch.pattern)}` }
      : { ready: false, detail: `no output matched ${showPattern(this.watch.pattern)} yet` }
  }
}

/** Docker's default HEALTHCHECK interval, when the image sets none. */
const DEFAULT_HEALTH_INTERVAL_MS = 30_000
/** The engine gives HEALTHCHECK durations in nanoseconds. */
const NS_PER_MS = 1_000_000

/**
 * The image's HEALTHCHECK, as the engine reports it in State.Health. On Podman, whose checks run from
 * systemd timers, a machine without systemd never runs them: when no check has run one interval after
 * the first look, the wait runs the check itself through Podman's API, once an interval, as the timer
 * would have (see src/engine/podman.ts).
 */
export class HealthyWait implements WaitStrategy {
  readonly description = 'HEALTHCHECK to report healthy'
  private firstLook: number | undefined
  private lastRun: number | undefined
  private runByUs = false

  constructor(
    private readonly client: EngineClient,
    private readonly id: string,
    private readonly image: string
  ) {}

  async check(signal: AbortSignal): Promise<ReadyAnswer> {
    let info = await this.client.containers.inspect(this.id, signal)
    let health = info.State?.Health
    // Podman gives a container without a HEALTHCHECK an empty State.Health: its config decides.
    if (!health || !hasHealthcheck(info.Config)) {
      return {
        ready: false,
        fatal: true,
        detail: `ready: healthy needs a HEALTHCHECK, and ${this.image} has none`
      }
    }
    if (await this.runOnPodman(info, signal)) {
      info = await this.client.containers.inspect(this.id, signal)
      health = info.State?.Health ?? health
    }
    const by = this.runByUs
      ? ' (run by docker-preflight: no check had run, and Podman runs them from systemd timers)'
      : ''
    if (health.Status === 'healthy') return { ready: true, detail: `HEALTHCHECK reported healthy${by}` }
    const last = health.Log?.[health.Log.length - 1]
    const probe = last ? ` (last check exited ${last.ExitCode}: ${last.Output.trim().slice(0, 200)})` : ''
    if (health.Status === 'unhealthy')
      return { ready: false, fatal: true, detail: `HEALTHCHECK reported unhealthy${probe}${by}` }
    return { ready: false, detail: `HEALTHCHECK reported ${health.Status}${probe}${by}` }
  }

  /** Runs the check through Podman's API when it is due and no timer has run it; true when it ran. */
  private async runOnPodman(info: ContainerInspect, signal: AbortSignal): Promise<boolean> {
    const health = info.State?.Health
    if (!health || health.Status !== 'starting') return false
    // A timer ran a check: the engine schedules them, nothing to do.
    if (!this.runByUs && (health.Log?.length ?? 0) > 0) return false
    const now = Date.now()
    this.firstLook ??= now
    const nanoseconds = (info.Config as { Healthcheck?: { Interval?: number } }).Healthcheck?.Interval
    const interval = nanoseconds ? nanoseconds / NS_PER_MS : DEFAULT_HEALTH_INTERVAL_MS
    if (now - (this.lastRun ?? this.firstLook) < interval) return false
    if (!(await this.client.system.isPodman(signal))) return false
    this.lastRun = now
    this.runByUs = true
    // A run that fails (the container stopped meanwhile) shows in the state read after it.
    await this.client.containers.podmanHealthcheck(this.id, signal).catch(() => {})
    return true
  }
}

export interface StrategyContext {
  client: EngineClient
  id: string
  image: string
  ports: PublishedPort[]
  /** The watch for a `ready: {log}` pattern (set up before the container started). */
  logWatch?: PatternWatch
}

/** The strategy for a ready spec, or why it cannot be built (a port that was not published). */
export function strategyFor(spec: ReadySpec, context: StrategyContext): WaitStrategy | string {
  const published = (containerPort: number): PublishedPort | undefined =>
    context.ports.find(p => p.protocol === 'tcp' && p.containerPort === containerPort)
  switch (spec.kind) {
    case 'http': {
      if (spec.containerPort === undefined) return new HttpWait(spec.target)
      const port = published(spec.containerPort)
      if (!port) return `container port ${spec.containerPort} was not published`
      return new HttpWait(`http://${formatHost(connectHost(port))}:${port.hostPort}${spec.target}`)
    }
    case 'port': {
      const port = published(spec.port)
      if (!port) return `container port ${spec.port} was not published`
      return new PortWait(connectHost(port), port.hostPort, spec.port)
    }
    case 'log':
      return context.logWatch ? new LogWait(context.logWatch) : 'the output is not being watched'
    case 'healthy':
      return new HealthyWait(context.client, context.id, context.image)
  }
}

/**
 * Asks `strategy` every `intervalMs` until it is ready or answers fatally. Rejects when `signal` aborts;
 * `onAnswer` sees every answer, so a timeout can say what was last seen.
 */
export async function waitUntilReady(
  strategy: WaitStrategy,
  signal: AbortSignal,
  onAnswer: (answer: ReadyAnswer) => void = () => {},
  intervalMs = 250
): Promise<ReadyAnswer> {
  for (;;) {
    signal.throwIfAborted()
    let answer: ReadyAnswer
    try {
      answer = await strategy.check(signal)
    } catch (error) {
      signal.throwIfAborted()
      answer = { ready: false, detail: `${strategy.description}: ${messageOf(error)}` }
    }
    onAnswer(answer)
    if (answer.ready || answer.fatal) return answer
    await sleep(intervalMs, signal)
  }
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

function describeSocketError(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ECONNREFUSED') return 'connection refused'
  if (code === 'ECONNRESET') return 'connection reset'
  if (code === 'EPIPE') return 'connection closed'
  return messageOf(error)
}
