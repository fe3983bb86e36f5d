// The one module that talks to dockerode. Stages get an EngineClient, never dockerode: its methods are
// typed and grouped as the Engine API groups them (system, images, containers, build), each takes an
// AbortSignal, and every failure of the engine comes out as one EngineError with one wording.
//
// Calls go through docker-modem's dial with the signal as a dial option: dockerode 5 forwards
// `abortSignal` on some calls and drops it on others (image inspect, history), and @types/dockerode 4
// declares it on none. Build and pull stay on dockerode's own methods: they carry the BuildKit session and
// the registry auth header.
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { Socket } from 'node:net'
import Docker from 'dockerode'
import { CancelledError, PreflightError, errorCode, messageOf } from '../errors.js'
import type { Endpoint } from './endpoint.js'
import { listingWithRetry } from './listing.js'
import { podmanVersion } from './podman.js'

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

interface Dial {
  path: string
  method: 'GET' | 'POST' | 'DELETE' | 'HEAD'
  query?: Record<string, unknown>
  body?: unknown
  statusCodes: Record<number, true | string>
  isStream?: boolean
  /** Sent as X-Registry-Auth (base64 JSON), as the engine wants it for pushes and pulls. */
  authconfig?: object
  doing: string
}

interface Modem {
  dial(options: object, callback: (error: unknown, result: unknown) => void): void
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
const COMMON = { 500: 'server error' } as const

export class EngineClient {
  private readonly docker: Docker
  private readonly modem: Modem
  /** Set once the engine has answered: a connection refused after that means it went away. */
  private answered = false
  private version?: Promise<JsonObject>

  /** A client for exactly this endpoint. No request is made here. */
  constructor(readonly endpoint: Endpoint) {
    this.docker = dockerodeFor(endpoint)
    this.modem = this.docker.modem as unknown as Modem
  }

  /** The dockerode options this client was built with (for tests of endpoint resolution). */
  get modemOptions(): Readonly<Record<string, unknown>> {
    return this.docker.modem as unknown as Record<string, unknown>
  }

  /**
   * Any failure of a call as an EngineError, in the one wording: also for an abort the caller chose to
   * report as the engine not answering in time (a deadline signal of its own).
   */
  error(error: unknown, doing: string): PreflightError {
    if (error instanceof PreflightError) return error
    const code = errorCode(error)
    const message = messageOf(error)
    const cannot = (what: string): string =>
      `Cannot use the Docker engine at ${this.endpoint.display}: ${what}. ` +
      `Is dockerd running there? ${addressFrom(this.endpoint)}`
    if (typeof code === 'number') {
      const json = (error as { json?: { message?: unknown } }).json
      // The engine's JSON message, else docker-modem's text without its "(HTTP code 404) no such
      // container - " prefix; nothing from a reply that was not the engine's.
      const said =
        json && typeof json.message === 'string'
          ? json.message.trim()
          : message.startsWith('(HTTP code')
            ? message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '').trim()
            : ''
      return new EngineError('http', said || `HTTP ${code}`, code, doing, { cause: error })
    }
    const dropped = DROPPED.has(String(code)) || message === 'socket hang up' || message === 'aborted'
    if (this.answered && (dropped || code === 'ENOENT' || code === 'ECONNREFUSED')) {
      return new EngineError(
        'lost',
        `the connection to the Docker engine was lost while ${doing} (did the Docker daemon stop or restart?)`,
        undefined,
        doing,
        { cause: error }
      )
    }
    const name = error instanceof Error ? error.name : ''
    if (TIMED_OUT.has(String(code)) || name === 'AbortError' || name === 'TimeoutError') {
      return new EngineError('timeout', cannot(`it did not answer (${doing}) in time`), undefined, doing, {
        cause: error
      })
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

  readonly system = {
    ping: (signal?: AbortSignal): Promise<unknown> =>
      this.dial(
        { path: '/_ping', method: 'GET', statusCodes: { 200: true, ...COMMON }, doing: 'ping' },
        signal
      ),
    /** /version; asked once per client (the engine check and the build both need it). */
    version: (signal?: AbortSignal): Promise<JsonObject> => {
      this.version ??= this.dial<JsonObject>(
        { path: '/version', method: 'GET', statusCodes: { 200: true, ...COMMON }, doing: 'reading /version' },
        signal
      ).catch((error: unknown) => {
        this.version = undefined
        throw error
      })
      return this.version
    },
    /** Whether the engine is Podman's Docker-compatible API (src/engine/podman.ts); false when /version fails. */
    isPodman: (signal?: AbortSignal): Promise<boolean> =>
      this.system.version(signal).then(
        version => podmanVersion(version) !== undefined,
        () => false
      ),
    info: (signal?: AbortSignal): Promise<JsonObject> =>
      this.dial(
        { path: '/info', method: 'GET', statusCodes: { 200: true, ...COMMON }, doing: 'reading /info' },
        signal
      ),
    /** /system/df, tried again when the engine lost an object while it listed (src/engine/listing.ts). */
    df: (signal?: AbortSignal): Promise<JsonObject> =>
      listingWithRetry(
        () =>
          this.dial<JsonObject>(
            {
              path: '/system/df',
              method: 'GET',
              statusCodes: { 200: true, ...COMMON },
              doing: 'reading /system/df'
            },
            signal
          ),
        signal
      )
  }

  readonly images = {
    /** Tried again when the engine lost an image while it listed (src/engine/listing.ts). */
    /** `all`: intermediate images too (the classic builder's steps), each with its ParentId. */
    list: (
      filters: Filters | undefined,
      signal?: AbortSignal,
      options: { all?: boolean } = {}
    ): Promise<ImageListItem[]> =>
      listingWithRetry(
        () =>
          this.dial<ImageListItem[]>(
            {
              path: '/images/json?',
              method: 'GET',
              query: {
                ...(filters ? { filters: JSON.stringify(filters) } : {}),
                ...(options.all ? { all: '1' } : {})
              },
              statusCodes: { 200: true, 400: 'bad parameter', ...COMMON },
              doing: 'listing images'
            },
            signal
          ),
        signal
      ),
    /** The image, or undefined when the engine has none by that name or ID. */
    inspect: async (reference: string, signal?: AbortSignal): Promise<ImageInspect | undefined> => {
      try {
        return await this.dial<ImageInspect>(
          {
            path: `/images/${encodeURIComponent(reference)}/json`,
            method: 'GET',
            statusCodes: { 200: true, 404: 'no such image', ...COMMON },
            doing: `inspecting image ${reference}`
          },
          signal
        )
      } catch (error) {
        if (error instanceof EngineError && error.status === 404) return undefined
        throw error
      }
    },
    history: (id: string, signal?: AbortSignal): Promise<HistoryItem[]> =>
      this.dial(
        {
          path: `/images/${encodeURIComponent(id)}/history`,
          method: 'GET',
          statusCodes: { 200: true, 404: 'no such image', ...COMMON },
          doing: `reading the history of image ${id}`
        },
        signal
      ),
    /** Starts a pull; the reply is the engine's JSON progress stream. */
    pull: (reference: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.wrap(
        `pulling ${reference}`,
        signal,
        () => this.docker.pull(reference, { abortSignal: signal } as object) as Promise<IncomingMessage>
      ),
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
      this.dial(
        {
          path: `/images/${encodeURIComponent(name)}/push?`,
          method: 'POST',
          query: { tag },
          authconfig: auth ?? {},
          isStream: true,
          statusCodes: { 200: true, 404: 'no such image', ...COMMON },
          doing: `pushing ${name}:${tag}`
        },
        signal
      ),
    /** `docker save` of one image: the reply is the tar stream. */
    export: (id: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.dial(
        {
          path: `/images/${encodeURIComponent(id)}/get`,
          method: 'GET',
          isStream: true,
          statusCodes: { 200: true, 404: 'no such image', ...COMMON },
          doing: `exporting image ${id}`
        },
        signal
      ),
    remove: (
      id: string,
      options: { force?: boolean; noprune?: boolean },
      signal?: AbortSignal
    ): Promise<unknown> =>
      this.dial(
        {
          path: `/images/${encodeURIComponent(id)}?`,
          method: 'DELETE',
          query: options,
          statusCodes: { 200: true, 404: 'no such image', 409: 'conflict', ...COMMON },
          doing: `removing image ${id}`
        },
        signal
      )
  }

  readonly containers = {
    list: (
      options: { all?: boolean; filters?: Filters },
      signal?: AbortSignal
    ): Promise<ContainerListItem[]> =>
      this.dial(
        {
          path: '/containers/json?',
          method: 'GET',
          query: {
            all: options.all ?? false,
            ...(options.filters ? { filters: JSON.stringify(options.filters) } : {})
          },
          statusCodes: { 200: true, 400: 'bad parameter', ...COMMON },
          doing: 'listing containers'
        },
        signal
      ),
    /** Creates a container (named, or named by the engine when `name` is undefined); resolves with its ID. */
    create: async (
      name: string | undefined,
      body: ContainerCreateBody,
      signal?: AbortSignal
    ): Promise<string> => {
      const reply = await this.dial<{ Id: string }>(
        {
          path: '/containers/create?',
          method: 'POST',
          query: name ? { name } : {},
          body,
          statusCodes: { 201: true, 400: 'bad parameter', 404: 'no such image', 409: 'conflict', ...COMMON },
          doing: 'creating the container'
        },
        signal
      )
      return reply.Id
    },
    start: (id: string, signal?: AbortSignal): Promise<unknown> =>
      this.dial(
        {
          path: `/containers/${id}/start?`,
          method: 'POST',
          statusCodes: { 204: true, 304: 'container already started', 404: 'no such container', ...COMMON },
          doing: 'starting the container'
        },
        signal
      ),
    inspect: (id: string, signal?: AbortSignal): Promise<ContainerInspect> =>
      this.dial(
        {
          path: `/containers/${id}/json?`,
          method: 'GET',
          statusCodes: { 200: true, 404: 'no such container', ...COMMON },
          doing: 'inspecting the container'
        },
        signal
      ),
    kill: (id: string, signal?: AbortSignal): Promise<unknown> =>
      this.dial(
        {
          path: `/containers/${id}/kill?`,
          method: 'POST',
          statusCodes: { 204: true, 404: 'no such container', 409: 'container is not running', ...COMMON },
          doing: 'stopping the container'
        },
        signal
      ),
    /** Removes the container and its anonymous volumes (`force` kills it first). */
    remove: (id: string, options: { force?: boolean }, signal?: AbortSignal): Promise<unknown> =>
      this.dial(
        {
          path: `/containers/${id}?`,
          method: 'DELETE',
          query: { v: true, ...options },
          statusCodes: {
            204: true,
            400: 'bad parameter',
            404: 'no such container',
            409: 'conflict',
            ...COMMON
          },
          doing: 'removing the container'
        },
        signal
      ),
    /** The output so far, whole (not followed): the multiplexed frames, or the raw bytes with a TTY. */
    output: async (id: string, signal?: AbortSignal): Promise<Buffer> => {
      const reply = await this.dial<unknown>(
        {
          path: `/containers/${id}/logs?`,
          method: 'GET',
          query: { follow: false, stdout: true, stderr: true },
          statusCodes: { 200: true, 404: 'no such container', ...COMMON },
          doing: 'reading the container output'
        },
        signal
      )
      // docker-modem parses a reply that happens to be JSON; the bytes are what was asked for.
      if (Buffer.isBuffer(reply)) return reply
      return Buffer.from(typeof reply === 'string' ? reply : JSON.stringify(reply ?? ''))
    },
    /** GET /containers/{id}/archive: a tar stream of `path` in the container's filesystem. */
    archive: (id: string, path: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.dial(
        {
          path: `/containers/${id}/archive?`,
          method: 'GET',
          query: { path },
          isStream: true,
          statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such container or path', ...COMMON },
          doing: 'reading a file from the container'
        },
        signal
      ),
    /** Commits the container's filesystem as a new image; resolves with its ID. */
    commit: async (id: string, signal?: AbortSignal): Promise<string> => {
      const reply = await this.dial<{ Id: string }>(
        {
          path: '/commit?',
          method: 'POST',
          query: { container: id },
          statusCodes: { 201: true, 404: 'no such container', ...COMMON },
          doing: 'committing the container'
        },
        signal
      )
      return reply.Id
    },
    /** Follows the combined output as the engine's multiplexed stream (see src/smoke/output.ts). */
    logs: (id: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.dial(
        {
          path: `/containers/${id}/logs?`,
          method: 'GET',
          query: { follow: true, stdout: true, stderr: true },
          isStream: true,
          statusCodes: { 200: true, 404: 'no such container', ...COMMON },
          doing: 'reading the container output'
        },
        signal
      ),
    /**
     * Runs a container's HEALTHCHECK once through Podman's own API (`podman healthcheck run`): Podman
     * schedules checks with systemd timers, which never run where there is no systemd. The health
     * state is updated as a timer's run would; read it with inspect afterwards. The libpod routes answer
     * only under a version prefix; 4.0.0 is the oldest Podman 4 API.
     */
    podmanHealthcheck: (id: string, signal?: AbortSignal): Promise<unknown> =>
      this.dial(
        {
          path: `/v4.0.0/libpod/containers/${id}/healthcheck`,
          method: 'GET',
          statusCodes: { 200: true, 404: 'no such container', 409: 'conflict', ...COMMON },
          doing: 'running the HEALTHCHECK'
        },
        signal
      ),
    /**
     * `POST /containers/{id}/wait?condition=next-exit`, resolved once the engine has answered with
     * headers: from then on the wait is registered, so a start may follow without a race. The body (the
     * exit status) comes when the container exits.
     */
    waitNextExit: (id: string, signal?: AbortSignal): Promise<IncomingMessage> =>
      this.dial(
        {
          path: `/containers/${id}/wait?`,
          method: 'POST',
          query: { condition: 'next-exit' },
          isStream: true,
          statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such container', ...COMMON },
          doing: 'waiting for the container to exit'
        },
        signal
      )
  }

  readonly networks = {
    list: (filters: Filters | undefined, signal?: AbortSignal): Promise<NetworkListItem[]> =>
      this.dial(
        {
          path: '/networks?',
          method: 'GET',
          query: filters ? { filters: JSON.stringify(filters) } : {},
          statusCodes: { 200: true, ...COMMON },
          doing: 'listing networks'
        },
        signal
      ),
    remove: (id: string, signal?: AbortSignal): Promise<unknown> =>
      this.dial(
        {
          path: `/networks/${encodeURIComponent(id)}`,
          method: 'DELETE',
          statusCodes: { 204: true, 403: 'operation not supported', 404: 'no such network', ...COMMON },
          doing: `removing network ${id}`
        },
        signal
      )
  }

  readonly volumes = {
    list: async (filters: Filters | undefined, signal?: AbortSignal): Promise<VolumeListItem[]> => {
      const reply = await this.dial<{ Volumes?: VolumeListItem[] | null }>(
        {
          path: '/volumes?',
          method: 'GET',
          query: filters ? { filters: JSON.stringify(filters) } : {},
          statusCodes: { 200: true, ...COMMON },
          doing: 'listing volumes'
        },
        signal
      )
      return reply.Volumes ?? []
    },
    remove: (name: string, signal?: AbortSignal): Promise<unknown> =>
      this.dial(
        {
          path: `/volumes/${encodeURIComponent(name)}`,
          method: 'DELETE',
          statusCodes: { 204: true, 404: 'no such volume', 409: 'volume is in use', ...COMMON },
          doing: `removing volume ${name}`
        },
        signal
      )
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
      this.dial(
        {
          path: '/build?',
          method: 'POST',
          query,
          isStream: true,
          statusCodes: { 200: true, 400: 'bad parameter', ...COMMON },
          doing: 'starting the build'
        },
        signal
      ),
    /**
     * `POST /session` upgraded to h2c: the connection the engine's BuildKit calls back on (see
     * src/engine/session.ts). Resolves with the hijacked socket.
     */
    session: (headers: Record<string, string | string[]>, signal?: AbortSignal): Promise<Socket> =>
      this.wrap(
        'opening a build session',
        signal,
        () =>
          new Promise<Socket>((resolve, reject) =>
            this.modem.dial(
              {
                method: 'POST',
                path: '/session',
                hijack: true,
                abortSignal: signal,
                headers: { Upgrade: 'h2c', ...headers },
                statusCodes: { 101: true, 200: true, 500: 'server error' }
              },
              (error, socket) =>
                error || !socket
                  ? reject(
                      error instanceof Error ? error : new Error(`could not open a session: ${String(error)}`)
                    )
                  : resolve(socket as Socket)
            )
          )
      ),
    /**
     * `POST /grpc` upgraded to h2c: BuildKit's control API (Solve, Status), as buildx's docker driver
     * reaches it (see src/engine/control.ts). Resolves with the hijacked socket.
     */
    grpc: (signal?: AbortSignal): Promise<Socket> =>
      this.wrap(
        'connecting to BuildKit',
        signal,
        () =>
          new Promise<Socket>((resolve, reject) =>
            this.modem.dial(
              {
                method: 'POST',
                path: '/grpc',
                hijack: true,
                abortSignal: signal,
                headers: { Upgrade: 'h2c' },
                statusCodes: { 101: true, 200: true, 500: 'server error' }
              },
              (error, socket) =>
                error || !socket
                  ? reject(
                      error instanceof Error ? error : new Error(`could not reach BuildKit: ${String(error)}`)
                    )
                  : resolve(socket as Socket)
            )
          )
      ),
    /**
     * `POST /build` with the context as a tar stream; the reply is the engine's JSON progress stream.
     * `version: '2'` asks for BuildKit, whose session dockerode opens and answers (with `authconfig`).
     */
    image: (
      context: NodeJS.ReadableStream,
      options: Record<string, unknown>,
      signal?: AbortSignal
    ): Promise<NodeJS.ReadableStream & AsyncIterable<Buffer>> => {
      type Build = (
        context: NodeJS.ReadableStream,
        options: Record<string, unknown>
      ) => Promise<NodeJS.ReadableStream & AsyncIterable<Buffer>>
      const build = this.docker.buildImage as unknown as Build
      return this.wrap('starting the build', signal, () =>
        build.call(this.docker, context, { ...options, abortSignal: signal })
      )
    }
  }

  private dial<T>(request: Dial, signal?: AbortSignal): Promise<T> {
    return this.wrap(
      request.doing,
      signal,
      () =>
        new Promise<T>((resolve, reject) => {
          this.modem.dial(
            {
              path: request.path,
              method: request.method,
              // docker-modem sends `_query` in the URL and `_body` as the JSON body.
              options: { _query: request.query ?? {}, _body: request.body ?? {} },
              statusCodes: request.statusCodes,
              isStream: request.isStream ?? false,
              ...(request.authconfig ? { authconfig: request.authconfig } : {}),
              abortSignal: signal
            },
            (error, result) => (error ? reject(error) : resolve(result as T))
          )
        })
    )
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

/** A dockerode that talks to exactly this endpoint. No request is made here. */
function dockerodeFor(endpoint: Endpoint): Docker {
  const o = endpoint.options
  const tcp = o.protocol === 'http' || o.protocol === 'https'
  // Every option docker-modem's defaults could set is given, undefined ones too (Object.assign copies them).
  const options = {
    socketPath: o.socketPath,
    host: o.host,
    port: o.port,
    protocol: o.protocol,
    pathPrefix: o.pathPrefix,
    username: o.username,
    ca: o.ca,
    cert: o.cert,
    key: o.key,
    timeout: undefined,
    sshOptions: o.protocol === 'ssh' ? { agent: o.sshAgent } : {},
    // An agent of our own over TCP: node's global agent follows HTTP(S)_PROXY when NODE_USE_ENV_PROXY
    // is set (Node 24), and only this agent can switch server verification off (DOCKER_TLS, SkipTLSVerify).
    agent: tcp
      ? o.protocol === 'https'
        ? new https.Agent({ keepAlive: true, rejectUnauthorized: endpoint.tls?.verify !== false })
        : new http.Agent({ keepAlive: true })
      : undefined
  }
  const docker = withoutModemEnv(() => new Docker(options as Docker.DockerOptions))
  const modem = docker.modem as unknown as Record<string, unknown>
  if (modem.socketPath !== o.socketPath || modem.host !== o.host || modem.port !== o.port) {
    // A docker-modem that reads something new would show here first.
    throw new Error(`docker-modem did not take the endpoint ${endpoint.display} as given`)
  }
  return docker
}

/** Runs `make` (synchronous: nothing else runs meanwhile) with docker-modem's variables out of process.env. */
function withoutModemEnv<T>(make: () => T): T {
  const saved = new Map<string, string>()
  for (const name of MODEM_ENV) {
    const value = process.env[name]
    if (value !== undefined) {
      saved.set(name, value)
      delete process.env[name]
    }
  }
  try {
    return make()
  } finally {
    for (const [name, value] of saved) process.env[name] = value
  }
}
