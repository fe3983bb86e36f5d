// The one module that talks to the engine. Stages get an EngineClient, never a transport: its methods are
// typed and grouped as the Engine API groups them (system, images, containers, build), each takes an
// AbortSignal, and every failure of the engine comes out as one EngineError with one wording.
//
// Requests go through transport.ts (node:http / node:https) for unix sockets and TCP. Only an ssh://
// endpoint goes through docker-modem, which speaks SSH; dockerode is imported for it on first use, so
// the default run never evaluates dockerode, docker-modem or ssh2 (ncc puts them in their own chunk).
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type Docker from 'dockerode'
import { CancelledError, PreflightError, errorCode, messageOf } from '../errors.js'
import type { Endpoint } from './endpoint.js'
import type { EarlyFacts } from './early-ping.js'
import { listingWithRetry } from './listing.js'
import { podmanVersion } from './podman.js'
import { httpDial, type Call, type Dial } from './transport.js'

export type EngineFailure =
  /** The engine answered with an HTTP error; `message` is its own words. */
  | 'http'
  /** Nothing answered at the address (no socket, refused, no such host, permission denied). */
  | 'unreachable'
  /** The engine had answered before and the connection dropped (the daemon stopped or restarted). */
  | 'lost'
  /** The engine did not answer in time. */
  | 'timeout'

/** Every failure of an engine call. Its message is one sentence a person can act on. */
export class EngineError extends PreflightError {
  constructor(
    readonly kind: EngineFailure,
    message: string,
    /** The HTTP status, for `http`. */
    readonly status: number | undefined,
    /** What was being done: `ping`, `inspecting image busybox`. */
    readonly doing: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'EngineError'
  }
}

// Shapes of the replies this project reads (the Engine API's JSON; fields that may be missing are optional).
export type JsonObject = Record<string, unknown>
export type ImageListItem = Docker.ImageInfo
export type ContainerListItem = Docker.ContainerInfo
export type ImageInspect = Docker.ImageInspectInfo
export type ContainerInspect = Docker.ContainerInspectInfo
export type NetworkListItem = Docker.NetworkInspectInfo
export type VolumeListItem = Docker.VolumeInspectInfo
export type ContainerCreateBody = Omit<Docker.ContainerCreateOptions, 'name' | 'abortSignal'>
export interface HistoryItem {
  Created: number
  CreatedBy: string
  Size: number
}
/** Label filters as the list endpoints take them: `{ label: ['key=value'] }`. */
export type Filters = Record<string, string[]>
export interface RegistryAuth {
  username?: string
  password?: string
  serveraddress?: string
  identitytoken?: string
  auth?: string
}

const UNREACHABLE: Record<string, string> = {
  ENOENT: 'the socket does not exist',
  ECONNREFUSED: 'the connection was refused',
  EACCES: 'permission denied on the socket (is this user in the docker group?)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve'
}
const DROPPED = new Set(['ECONNRESET', 'EPIPE'])
const TIMED_OUT = new Set(['ABORT_ERR', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'])

export class EngineClient {
  private readonly send: Dial
  private readonly ssh?: SshModem
  /** Set once the engine has answered: a connection refused after that means it went away. */
  private answered = false
  /** /version and /info, each asked once per client (a failure is forgotten, so the next call asks again). */
  private readonly facts = new Map<'version' | 'info', Promise<JsonObject>>()
  /** The entry's /version and /info (src/engine/early-ping.ts), each used once in place of asking. */
  private early?: { version?: Promise<JsonObject | undefined>; info?: Promise<JsonObject | undefined> }

  /** A client for exactly this endpoint. No request is made here, and nothing is loaded. */
  constructor(readonly endpoint: Endpoint) {
    if (endpoint.options.protocol === 'ssh') {
      this.ssh = new SshModem(endpoint)
      this.send = call => this.ssh!.dial(call)
    } else this.send = httpDial(endpoint)
  }

  /**
   * Replies the entry already asked for (src/engine/early-ping.ts), for this same endpoint: the next
   * /version and /info calls use them. One that failed is asked again, so its failure is worded as usual.
   */
  useEarlyFacts(facts: EarlyFacts): void {
    this.early = { ...facts }
  }

  /** /version or /info: the entry's early reply, else the engine's; kept for the client's later calls. */
  private fact(which: 'version' | 'info', signal: AbortSignal | undefined): Promise<JsonObject> {
    let answer = this.facts.get(which)
    if (!answer) {
      answer = this.earlyOr(which, signal, () =>
        this.get<JsonObject>(`reading /${which}`, signal, `/${which}`)
      )
      this.facts.set(which, answer)
      answer.catch(() => {
        if (this.facts.get(which) === answer) this.facts.delete(which)
      })
    }
    return answer
  }

  /** An early reply in place of `ask` (once), unless it failed or the caller's signal ends first. */
  private earlyOr(
    which: 'version' | 'info',
    signal: AbortSignal | undefined,
    ask: () => Promise<JsonObject>
  ): Promise<JsonObject> {
    const early = this.early?.[which]
    if (!early) return ask()
    delete this.early![which]
    return new Promise<JsonObject>((resolve, reject) => {
      let settled = false
      const fallBack = (): void => {
        if (settled) return
        settled = true
        signal?.removeEventListener('abort', fallBack)
        ask().then(resolve, reject)
      }
      if (signal?.aborted) return fallBack() // the ask fails at once, worded as a cancel or deadline
      signal?.addEventListener('abort', fallBack, { once: true })
      void early.then(reply => {
        if (reply === undefined) return fallBack()
        if (settled) return
        settled = true
        signal?.removeEventListener('abort', fallBack)
        this.answered = true
        resolve(reply)
      })
    })
  }

  /** For an ssh:// endpoint, docker-modem as constructed (for tests of endpoint resolution); else undefined. */
  async modemOptions(): Promise<Readonly<Record<string, unknown>> | undefined> {
    return this.ssh ? ((await this.ssh.modem()) as unknown as Record<string, unknown>) : undefined
  }

  /**
   * Any failure of a call as an EngineError, in the one wording: also for an abort the caller chose to
   * report as the engine not answering in time (a deadline signal of its own).
   */
  error(error: unknown, doing: string): PreflightError {
    if (error instanceof PreflightError) return error
    const code = errorCode(error)
    const message = messageOf(error)
    const name = error instanceof Error ? error.name : ''
    const cannot = (what: string): string =>
      `Cannot use the Docker engine at ${this.endpoint.display}: ${what}. ` +
      `Is dockerd running there? ${addressFrom(this.endpoint)}`
    // Before the status check: a DOMException carries a numeric legacy `code` too (TimeoutError's is 23).
    if (TIMED_OUT.has(String(code)) || name === 'AbortError' || name === 'TimeoutError') {
      return new EngineError('timeout', cannot(`it did not answer (${doing}) in time`), undefined, doing, {
        cause: error
      })
    }
    if (typeof code === 'number') {
      const json = (error as { json?: { message?: unknown } }).json
      // The engine's JSON message, else the text after docker-modem's "(HTTP code 404) no such
      // container - " prefix (transport.ts words it the same); nothing from a reply that was not the engine's.
      const said =
        json && typeof json.message === 'string'
          ? json.message.trim()
          : message.startsWith('(HTTP code')
            ? message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '').trim()
            : ''
      return new EngineError('http', said || `HTTP ${code}`, code, doing, { cause: error })
    }
    // 'aborted': a reply that had begun was cut off, so the engine had answered.
    const cutOff = message === 'aborted'
    const dropped = DROPPED.has(String(code)) || message === 'socket hang up' || cutOff
    if (cutOff || (this.answered && (dropped || code === 'ENOENT' || code === 'ECONNREFUSED'))) {
      return new EngineError(
        'lost',
        `the connection to the Docker engine was lost while ${doing} (did the Docker daemon stop or restart?)`,
        undefined,
        doing,
        { cause: error }
      )
    }
    if (this.endpoint.tls && isTlsCode(code)) {
      // Not a daemon that is down: the TLS handshake failed (tls-failure.ts words the cases it can tell apart).
      return new EngineError(
        'unreachable',
        `Cannot use the Docker engine at ${this.endpoint.display}: TLS failed: ${message.split('\n')[0]} (${String(code)}). ` +
          `The TLS files come from ${this.endpoint.tls.from}.`,
        undefined,
        doing,
        { cause: error }
      )
    }
    const what = UNREACHABLE[String(code)] ?? (message || String(code))
    return new EngineError('unreachable', cannot(what), undefined, doing, { cause: error })
  }

  /** The engine closed a stream before it ended properly (used by readers of streamed replies). */
  lost(doing: string): EngineError {
    return new EngineError(
      'lost',
      `the connection to the Docker engine was lost while ${doing} (did the Docker daemon stop or restart?)`,
      undefined,
      doing
    )
  }

  // Each call: what it is doing (for messages), then the request. `ok` is the one status that means
  // success (any other is an EngineError with the engine's message); `isStream` resolves with the reply
  // itself once its headers are in.
  readonly system = {
    ping: (signal?: AbortSignal): Promise<unknown> => this.get('ping', signal, '/_ping'),
    /** /version; asked once per client (the engine check and the build both need it). */
    version: (signal?: AbortSignal): Promise<JsonObject> => this.fact('version', signal),
    /** Whether the engine is Podman's Docker-compatible API (src/engine/podman.ts); false when /version fails. */
    isPodman: (signal?: AbortSignal): Promise<boolean> =>
      this.system.version(signal).then(
        version => podmanVersion(version) !== undefined,
        () => false
      ),
    /** /info; asked once per client, like /version (the engine check, and the build for the image store). */
    info: (signal?: AbortSignal): Promise<JsonObject> => this.fact('info', signal),
    /** /system/df, tried again when the engine lost an object while it listed (src/engine/listing.ts). */
    df: (signal?: AbortSignal): Promise<JsonObject> =>
      listingWithRetry(() => this.get<JsonObject>('reading /system/df', signal, '/system/df'), signal)
  }

  readonly images = {
    /**
     * Tried again when the engine lost an image while it listed (src/engine/listing.ts). `all`:
     * intermediate images too (the classic builder's steps), each with its ParentId.
     */
    list: (
      filters: Filters | undefined,
      signal?: AbortSignal,
      options: { all?: boolean } = {}
    ): Promise<ImageListItem[]> =>
      listingWithRetry(
        () =>
          this.get<ImageListItem[]>('listing images', signal, '/images/json', {
            query: { filters, all: options.all ? '1' : undefined }
          }),
        signal
      ),
    /** The image, or undefined when the engine has none by that name or ID. */
    inspect: async (reference: string, signal?: AbortSignal): Promise<ImageInspect | undefined> => {
      try {
        return await this.get<ImageInspect>(
          `inspecting image ${reference}`,
          signal,
          `/images/${encodeURIComponent(reference)}/json`
        )
      } catch (error) {
        if (error instanceof EngineError && error.status === 404) return undefined
        throw error
      }
    },
    history: (id: string, signal?: AbortSignal): Promise<HistoryItem[]> =>
      this.get(`reading the history of image ${id}`, signal, `/images/${encodeURIComponent(id)}/history`),
    /** Starts a pull; the reply is the engine's JSON progress stream. */
    pull: (reference: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.dial(`pulling ${reference}`, signal, {
        method: 'POST',
        path: '/images/create',
        query: pullQuery(reference),
        ok: 200,
        isStream: true
      }),
    /**
     * Pushes `name:tag`; the reply is the engine's JSON progress stream. The engine wants an
     * X-Registry-Auth header even without credentials: `{}` then.
     */
    push: (
      name: string,
      tag: string,
      auth: RegistryAuth | undefined,
      signal?: AbortSignal
    ): Promise<IncomingMessage> =>
      this.dial(`pushing ${name}:${tag}`, signal, {
        method: 'POST',
        path: `/images/${encodeURIComponent(name)}/push`,
        query: { tag },
        authconfig: auth ?? {},
        ok: 200,
        isStream: true
      }),
    /** `docker save` of one image: the reply is the tar stream. */
    export: (id: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.get(`exporting image ${id}`, signal, `/images/${encodeURIComponent(id)}/get`, { isStream: true }),
    remove: (
      id: string,
      options: { force?: boolean; noprune?: boolean },
      signal?: AbortSignal
    ): Promise<unknown> =>
      this.request('DELETE', `removing image ${id}`, signal, `/images/${encodeURIComponent(id)}`, 200, {
        query: options
      })
  }

  readonly containers = {
    list: (
      options: { all?: boolean; filters?: Filters },
      signal?: AbortSignal
    ): Promise<ContainerListItem[]> =>
      this.get('listing containers', signal, '/containers/json', {
        query: { all: options.all ?? false, filters: options.filters }
      }),
    /** Creates a container (named, or named by the engine when `name` is undefined); resolves with its ID. */
    create: async (
      name: string | undefined,
      body: ContainerCreateBody,
      signal?: AbortSignal
    ): Promise<string> => {
      const reply = await this.dial<{ Id: string }>('creating the container', signal, {
        method: 'POST',
        path: '/containers/create',
        query: { name: name || undefined },
        body,
        ok: 201
      })
      return reply.Id
    },
    start: (id: string, signal?: AbortSignal): Promise<unknown> =>
      this.request('POST', 'starting the container', signal, `/containers/${id}/start`, 204),
    inspect: (id: string, signal?: AbortSignal): Promise<ContainerInspect> =>
      this.get('inspecting the container', signal, `/containers/${id}/json`),
    kill: (id: string, signal?: AbortSignal): Promise<unknown> =>
      this.request('POST', 'stopping the container', signal, `/containers/${id}/kill`, 204),
    /** Removes the container and its anonymous volumes (`force` kills it first). */
    remove: (id: string, options: { force?: boolean }, signal?: AbortSignal): Promise<unknown> =>
      this.request('DELETE', 'removing the container', signal, `/containers/${id}`, 204, {
        query: { v: true, ...options }
      }),
    /** The output so far, whole (not followed): the multiplexed frames, or the raw bytes with a TTY. */
    output: async (id: string, signal?: AbortSignal): Promise<Buffer> => {
      const reply = await this.get<unknown>(
        'reading the container output',
        signal,
        `/containers/${id}/logs`,
        {
          query: { follow: false, stdout: true, stderr: true },
          raw: true
        }
      )
      // docker-modem (ssh://) parses a reply that happens to be JSON; the bytes are what was asked for.
      if (Buffer.isBuffer(reply)) return reply
      return Buffer.from(typeof reply === 'string' ? reply : JSON.stringify(reply ?? ''))
    },
    /** GET /containers/{id}/archive: a tar stream of `path` in the container's filesystem. */
    archive: (id: string, path: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.get('reading a file from the container', signal, `/containers/${id}/archive`, {
        query: { path },
        isStream: true
      }),
    /** Commits the container's filesystem as a new image; resolves with its ID. */
    commit: async (id: string, signal?: AbortSignal): Promise<string> => {
      const query = { container: id }
      return (
        await this.request<Created>('POST', 'committing the container', signal, '/commit', 201, { query })
      ).Id
    },
    /** Follows the combined output as the engine's multiplexed stream (see src/smoke/output.ts). */
    logs: (id: string, signal?: AbortSignal, options: { follow?: boolean } = {}): Promise<IncomingMessage> =>
      this.get('reading the container output', signal, `/containers/${id}/logs`, {
        query: { follow: options.follow ?? true, stdout: true, stderr: true },
        isStream: true
      }),
    /**
     * Runs a container's HEALTHCHECK once through Podman's own API (`podman healthcheck run`): Podman
     * schedules checks with systemd timers, which never run where there is no systemd. The health
     * state is updated as a timer's run would; read it with inspect afterwards. The libpod routes answer
     * only under a version prefix; 4.0.0 is the oldest Podman 4 API.
     */
    podmanHealthcheck: (id: string, signal?: AbortSignal): Promise<unknown> =>
      this.get('running the HEALTHCHECK', signal, `/v4.0.0/libpod/containers/${id}/healthcheck`),
    /**
     * `POST /containers/{id}/wait?condition=next-exit`, resolved once the engine has answered with
     * headers: from then on the wait is registered, so a start may follow without a race. The body (the
     * exit status) comes when the container exits.
     */
    waitNextExit: (id: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.request('POST', 'waiting for the container to exit', signal, `/containers/${id}/wait`, 200, {
        query: { condition: 'next-exit' },
        isStream: true
      })
  }

  readonly networks = {
    list: (filters: Filters | undefined, signal?: AbortSignal): Promise<NetworkListItem[]> =>
      this.get('listing networks', signal, '/networks', { query: { filters } }),
    remove: (id: string, signal?: AbortSignal): Promise<unknown> =>
      this.request('DELETE', `removing network ${id}`, signal, `/networks/${encodeURIComponent(id)}`, 204)
  }

  readonly volumes = {
    list: async (filters: Filters | undefined, signal?: AbortSignal): Promise<VolumeListItem[]> => {
      const reply = await this.get<VolumeList>('listing volumes', signal, '/volumes', { query: { filters } })
      return reply.Volumes ?? []
    },
    remove: (name: string, signal?: AbortSignal): Promise<unknown> =>
      this.request('DELETE', `removing volume ${name}`, signal, `/volumes/${encodeURIComponent(name)}`, 204)
  }

  readonly build = {
    /**
     * `POST /build` without a body, for a BuildKit build whose context comes through a session
     * (`remote=client-session`); the reply is the engine's JSON progress stream.
     */
    request: (
      query: Record<string, unknown>,
      signal?: AbortSignal
    ): Promise<NodeJS.ReadableStream & AsyncIterable<Buffer>> =>
      this.request('POST', 'starting the build', signal, '/build', 200, { query, isStream: true }),
    /**
     * `POST /session` upgraded to h2c: the connection the engine's BuildKit calls back on (see
     * src/engine/session.ts). Resolves with the hijacked socket, with whatever the engine sent after its
     * 101 put back into it.
     */
    session: (headers: Record<string, string | string[]>, signal?: AbortSignal): Promise<Socket> =>
      this.request('POST', 'opening a build session', signal, '/session', 101, {
        headers: { Upgrade: 'h2c', ...headers },
        hijack: true
      }),
    /**
     * `POST /grpc` upgraded to h2c: BuildKit's control API (Solve, Status), as buildx's docker driver
     * reaches it (see src/engine/control.ts). Resolves with the hijacked socket.
     */
    grpc: (signal?: AbortSignal): Promise<Socket> =>
      this.request('POST', 'connecting to BuildKit', signal, '/grpc', 101, {
        headers: { Upgrade: 'h2c' },
        hijack: true
      }),
    /**
     * `POST /build` with the context as a tar stream (the classic builder); the reply is the engine's
     * JSON progress stream. `registryConfig`: credentials for the registries the Dockerfile pulls from,
     * sent as X-Registry-Config (as dockerode's buildImage and the docker CLI send them).
     */
    image: (
      context: NodeJS.ReadableStream,
      query: Record<string, unknown>,
      registryConfig: object | undefined,
      signal?: AbortSignal
    ): Promise<NodeJS.ReadableStream & AsyncIterable<Buffer>> =>
      this.request('POST', 'starting the build', signal, '/build', 200, {
        query,
        file: context,
        registryconfig: registryConfig,
        isStream: true
      })
  }

  private get<T>(doing: string, signal: AbortSignal | undefined, path: string, more?: More): Promise<T> {
    return this.request('GET', doing, signal, path, 200, more)
  }

  private request<T>(
    method: Call['method'],
    doing: string,
    signal: AbortSignal | undefined,
    path: string,
    ok: number,
    more?: More
  ): Promise<T> {
    return this.dial(doing, signal, { method, path, ok, ...more })
  }

  private dial<T>(doing: string, signal: AbortSignal | undefined, call: Omit<Call, 'signal'>): Promise<T> {
    return this.wrap(doing, signal, () => this.send({ ...call, signal }) as Promise<T>)
  }

  /**
   * Runs one call: an answer marks the engine as reached; a failure becomes an EngineError, unless the
   * caller's own signal aborted it (a cancel, or the caller's deadline: the caller words those).
   */
  private async wrap<T>(doing: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError()
    try {
      const result = await call()
      this.answered = true
      return result
    } catch (error) {
      if (signal?.aborted) throw error
      throw this.error(error, doing)
    }
  }
}

type More = Omit<Call, 'method' | 'path' | 'ok' | 'signal'>
type VolumeList = { Volumes?: VolumeListItem[] | null }
type Created = { Id: string }

/** /images/create's query for a pull, split as dockerode's pull splits a reference (lib/util.js parseRepositoryTag). */
function pullQuery(reference: string): { fromImage: string; tag: string } {
  const digest = reference.indexOf('@')
  const at = digest >= 0 ? digest : reference.lastIndexOf(':')
  const tag = at >= 0 ? reference.slice(at + 1) : ''
  // A last colon followed by a slash belongs to a registry's port, not a tag.
  if (at < 0 || tag.includes('/')) return { fromImage: reference, tag: 'latest' }
  return { fromImage: reference.slice(0, at), tag: tag || 'latest' }
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

/**
 * What docker-modem 5 reads from the environment when it is constructed (lib/modem.js defaultOpts):
 * DOCKER_HOST (its `host` beats our `socketPath`), DOCKER_TLS_VERIFY, DOCKER_CERT_PATH (read with
 * readFileSync: a missing cert.pem throws), DOCKER_PATH_PREFIX, DOCKER_CLIENT_TIMEOUT and, for ssh,
 * SSH_AUTH_SOCK (its sshOptions are assigned over ours). The endpoint was resolved already; none of
 * these may change where or how the client connects.
 */
export const MODEM_ENV = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_PATH_PREFIX',
  'DOCKER_CLIENT_TIMEOUT',
  'SSH_AUTH_SOCK'
] as const

interface Modem {
  dial(options: object, callback: (error: unknown, result: unknown) => void): void
}

/** docker-modem for an ssh:// endpoint, loaded and constructed on the first call. */
class SshModem {
  private loaded?: Promise<Modem>

  constructor(private readonly endpoint: Endpoint) {}

  modem(): Promise<Modem> {
    this.loaded ??= loadModem(this.endpoint)
    return this.loaded
  }

  async dial(call: Call): Promise<unknown> {
    const modem = await this.modem()
    const query = Object.fromEntries(
      Object.entries(call.query ?? {}).filter(([, value]) => value !== undefined)
    )
    return new Promise((resolve, reject) =>
      modem.dial(
        {
          // docker-modem appends `_query` to a path that ends with `?`, and sends `_body` as JSON.
          path: call.query ? `${call.path}?` : call.path,
          method: call.method,
          options: { _query: query, _body: call.body ?? {} },
          file: call.file,
          headers: call.headers ? { ...call.headers } : undefined,
          statusCodes: { [call.ok]: true },
          isStream: call.isStream ?? false,
          authconfig: call.authconfig,
          registryconfig: call.registryconfig,
          hijack: call.hijack,
          abortSignal: call.signal
        },
        (error, result) => (error ? reject(error) : resolve(result))
      )
    )
  }
}

/** A docker-modem that talks to exactly this ssh:// endpoint. */
async function loadModem(endpoint: Endpoint): Promise<Modem> {
  // `debug` (docker-modem's logger) reads DEBUG once, when it loads; set, it would print every request
  // to the job log, headers (registry credentials) included.
  const { default: Dockerode } = await withoutEnv(['DEBUG'], () => import('dockerode'))
  const o = endpoint.options
  // Every option docker-modem's defaults could set is given, undefined ones too (Object.assign copies them).
  const options = {
    socketPath: undefined,
    host: o.host,
    port: o.port,
    protocol: o.protocol,
    pathPrefix: o.pathPrefix,
    username: o.username,
    ca: undefined,
    cert: undefined,
    key: undefined,
    timeout: undefined,
    sshOptions: { agent: o.sshAgent }
  }
  const docker = withoutEnv(MODEM_ENV, () => new Dockerode(options as Docker.DockerOptions))
  const modem = docker.modem as unknown as Record<string, unknown>
  if (modem.host !== o.host || modem.port !== o.port) {
    // A docker-modem that reads something new would show here first.
    throw new Error(`docker-modem did not take the endpoint ${endpoint.display} as given`)
  }
  return docker.modem as unknown as Modem
}

/**
 * Runs `make` with these variables out of process.env, and puts them back when it returns (or, for a
 * promise, settles). Synchronous work sees nothing else run meanwhile.
 */
function withoutEnv<T>(names: readonly string[], make: () => T): T {
  const saved = new Map<string, string>()
  for (const name of names) {
    const value = process.env[name]
    if (value !== undefined) {
      saved.set(name, value)
      delete process.env[name]
    }
  }
  const restore = (): void => {
    for (const [name, value] of saved) process.env[name] = value
  }
  let result: T
  try {
    result = make()
  } catch (error) {
    restore()
    throw error
  }
  if (result instanceof Promise) return result.finally(restore) as T
  restore()
  return result
}
