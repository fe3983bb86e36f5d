// A BuildKit session with the engine, as the docker CLI and buildx open one: `POST /session` upgraded to
// h2c, and on the hijacked connection a gRPC server that the engine's BuildKit calls (session/grpc.go: a
// grpc-go client over that one connection). The HTTP/2 server is our own (h2/server.ts: node:http2 costs
// more memory than the rest of the default run) with gRPC's framing written here (a message is a flag
// byte, a 4-byte length and the protobuf; the status goes in grpc-status and grpc-message trailers), so:
// - the call's metadata is read from the raw header list: BuildKit sends each include/exclude pattern as
//   its own header, in UTF-8 (or escaped, `<key>-encoded`), and a .dockerignore has hundreds of them;
// - what is written is queued by bytes (several MiB) rather than awaited message by message, so whenever
//   BuildKit opens its flow-control window there is data for it (see BENCHMARKS.md, figure 3b).
// Every method served is listed in X-Docker-Expose-Session-Grpc-Method: BuildKit asks the session whether
// it supports a method (session.Caller.Supports) before using file sync, and refuses without it.

import { randomUuid } from '../ids.js'
import type { EngineClient } from './client.js'
import { Http2ServerConnection, type HeaderField, type Http2State, type ServerStream } from './h2/server.js'
import { streamOf } from './socket-duplex.js'

/** gRPC status codes used here (google.golang.org/grpc/codes). */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  UNIMPLEMENTED: 12,
  INTERNAL: 13
} as const

/** An error a handler answers with: its code and message reach BuildKit as grpc-status/grpc-message. */
export class GrpcError extends Error {
  constructor(
    readonly code: number,
    message: string
  ) {
    super(message)
  }
}

/** A call's metadata: every value of every key, in the order sent, as UTF-8 text. */
export type Metadata = ReadonlyMap<string, string[]>

/** One call of a streaming method. */
export interface ServerCall {
  readonly metadata: Metadata
  /** Each message the client sends (whole, without the gRPC prefix). */
  onMessage(listener: (message: Buffer) => void): void
  /** The call is over: ended, cancelled or reset by the client, or the connection is gone. */
  onClose(listener: () => void): void
  readonly closed: boolean
  /**
   * Queues one message made of these parts. Never waits: a sender awaits `ready()` between messages, so
   * the connection always has data queued.
   */
  send(parts: Uint8Array[]): void
  /** Resolves when fewer than `limit` bytes (a few MiB by default) are queued (at once when so). */
  ready(limit?: number): Promise<void>
  /** Ends the call: grpc-status 0, or the error's code and message. */
  end(error?: GrpcError): void
}

export type SessionMethod =
  | { path: string; unary: (request: Buffer, metadata: Metadata) => Promise<Uint8Array> | Uint8Array }
  | { path: string; stream: (call: ServerCall) => void }

export interface SessionService {
  methods: SessionMethod[]
}

export interface SessionOptions {
  /** BuildKit reuses what it synced before from a session with the same key (the CLI: a hash of the dir). */
  sharedKey: string
  services: SessionService[]
  /** Shown by the engine as the session's name. */
  name?: string
  /** For measuring (PREFLIGHT_H2_TRACE): record the connection's HTTP/2 frames to `<traceFile>.<id>.jsonl`. */
  traceFile?: string
}

export interface Session {
  id: string
  /** The HTTP/2 connection's flow-control state (for measuring; undefined once closed). */
  state(): Http2State | undefined
  /** Stops serving and closes the connection. */
  close(): void
}

// BuildKit checks the session's health every few seconds (session/grpc.go monitorHealth) and drops a
// session that fails twice: a build taking longer than that needs grpc.health.v1.Health/Check answered
// (HealthCheckResponse{status: SERVING}: field 1, varint 1).
const healthService: SessionService = {
  methods: [{ path: '/grpc.health.v1.Health/Check', unary: () => Buffer.from([0x08, 0x01]) }]
}

/** Queued bytes above which a sender waits, and below which it resumes. */
const QUEUE_HIGH = 16 * 1024 * 1024
const QUEUE_LOW = 8 * 1024 * 1024
/** Gathered messages are written when they reach this size (or at the end of the event loop's turn). */
const BATCH = 512 * 1024
/** Bytes queued on every call of this process (for the trace). */
let queuedTotal = 0

export async function openSession(
  client: EngineClient,
  options: SessionOptions,
  signal?: AbortSignal
): Promise<Session> {
  const id = randomUuid()
  const methods = new Map<string, SessionMethod>()
  for (const service of [healthService, ...options.services])
    for (const method of service.methods) methods.set(method.path, method)
  const socket = await client.build.session(
    {
      'X-Docker-Expose-Session-Uuid': id,
      'X-Docker-Expose-Session-Name': options.name ?? 'docker-preflight',
      'X-Docker-Expose-Session-Sharedkey': options.sharedKey,
      'X-Docker-Expose-Session-Grpc-Method': [...methods.keys()]
    },
    signal
  )
  // The trace reads the connection's state as frames pass, the first ones while it is being constructed.
  const live: { connection?: Http2ServerConnection } = {}
  const trace = options.traceFile
  const stream = trace
    ? (await import('./h2-trace.js')).traced(
        socket,
        `${trace}.${id}.jsonl`,
        () => live.connection && { ...live.connection.state(), queuedTotal }
      )
    : streamOf(socket)
  const connection = new Http2ServerConnection(stream, (call, fields) => {
    const raw = fields.flat()
    serveCall(call, metadataOf(raw), methods, pathOf(raw))
  })
  live.connection = connection
  let closed = false
  return {
    id,
    state: () => (closed ? undefined : connection.state()),
    close: () => {
      if (closed) return
      closed = true
      connection.close()
      socket.destroy()
    }
  }
}

function pathOf(raw: string[]): string {
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i] === ':path') return raw[i + 1]!
  return ''
}

/**
 * The call's metadata from the raw header list (name, value, name, value…; each byte one Latin-1
 * character): BuildKit sends each value of a list as its own header, in UTF-8 (20.10's BuildKit
 * unescaped, newer ones escaped under `<key>-encoded`, which the service undoes).
 */
export function metadataOf(raw: string[]): Map<string, string[]> {
  const metadata = new Map<string, string[]>()
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!.toLowerCase()
    if (key.startsWith(':')) continue
    const value = Buffer.from(raw[i + 1]!, 'latin1').toString('utf8')
    const values = metadata.get(key)
    if (values) values.push(value)
    else metadata.set(key, [value])
  }
  return metadata
}

/** grpc-message: percent-encoded UTF-8 outside printable ASCII (and `%` itself), as gRPC specifies. */
export function encodeGrpcMessage(message: string): string {
  let out = ''
  for (const byte of Buffer.from(message, 'utf8')) {
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

const RESPONSE_HEADERS: HeaderField[] = [
  [':status', '200'],
  ['content-type', 'application/grpc']
]

function prefix(length: number): Buffer {
  const header = Buffer.allocUnsafe(5)
  header[0] = 0
  header.writeUInt32BE(length, 1)
  return header
}

/** Splits a request body into gRPC messages. */
export class Deframer {
  private chunks: Buffer[] = []
  private buffered = 0
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    const out: Buffer[] = []
    while (this.buffered >= 5) {
      const head = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks)
      this.chunks = [head]
      if (head[0] !== 0)
        throw new GrpcError(GrpcStatus.UNIMPLEMENTED, 'compressed gRPC messages are not supported')
      const length = head.readUInt32BE(1)
      if (this.buffered < 5 + length) break
      out.push(head.subarray(5, 5 + length))
      const rest = head.subarray(5 + length)
      this.chunks = rest.length > 0 ? [rest] : []
      this.buffered = rest.length
    }
    return out
  }
}

function serveCall(
  stream: ServerStream,
  metadata: Metadata,
  methods: ReadonlyMap<string, SessionMethod>,
  path: string
): void {
  const method = methods.get(path)
  const call = new Call(stream, metadata)
  if (!method) {
    call.end(new GrpcError(GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`))
    return
  }
  if ('stream' in method) {
    method.stream(call)
    return
  }
  let request: Buffer | undefined
  call.onMessage(message => (request ??= message))
  stream.on('end', () => {
    if (call.closed) return
    Promise.resolve()
      .then(() => method.unary(request ?? Buffer.alloc(0), metadata))
      .then(
        response => {
          call.send([response])
          call.end()
        },
        (error: unknown) =>
          call.end(
            error instanceof GrpcError ? error : new GrpcError(GrpcStatus.UNKNOWN, (error as Error).message)
          )
      )
  })
}

class Call implements ServerCall {
  closed = false
  private responded = false
  private ended = false
  private queued = 0
  private batch: Uint8Array[] = []
  private batched = 0
  private flushing = false
  private waiting: (() => void)[] = []
  private readonly deframer = new Deframer()

  constructor(
    private readonly stream: ServerStream,
    readonly metadata: Metadata
  ) {
    stream.on('close', () => {
      this.closed = true
      this.wake()
    })
  }

  onMessage(listener: (message: Buffer) => void): void {
    this.stream.on('data', (chunk: Buffer) => {
      let messages: Buffer[]
      try {
        messages = this.deframer.push(chunk)
      } catch (error) {
        this.end(error as GrpcError)
        return
      }
      for (const message of messages) listener(message)
    })
  }

  onClose(listener: () => void): void {
    if (this.closed) listener()
    else this.stream.on('close', listener)
  }

  private respond(): void {
    if (this.responded) return
    this.responded = true
    this.stream.respond(RESPONSE_HEADERS)
  }

  send(parts: Uint8Array[]): void {
    if (this.closed || this.ended) return
    this.respond()
    let length = 0
    for (const part of parts) length += part.length
    this.batch.push(prefix(length), ...parts)
    this.batched += length + 5
    this.queued += length + 5
    queuedTotal += length + 5
    // Messages are gathered and written once per turn of the event loop (or every BATCH bytes): a
    // write to an HTTP/2 stream costs tens of microseconds, and a listing is thousands of messages.
    if (this.batched >= BATCH) this.flush()
    else if (!this.flushing) {
      this.flushing = true
      setImmediate(() => this.flush())
    }
  }

  private flush(): void {
    this.flushing = false
    if (this.batch.length === 0 || this.closed) return
    const size = this.batched
    const data = Buffer.concat(this.batch, size)
    this.batch = []
    this.batched = 0
    // The callback runs once the bytes are handed to the socket (the connection holds them until the
    // peer's window allows).
    this.stream.write(data, () => {
      this.queued -= size
      queuedTotal -= size
      if (this.queued <= QUEUE_LOW) this.wake()
    })
  }

  ready(limit = QUEUE_HIGH): Promise<void> {
    if (this.queued < limit || this.closed) return Promise.resolve()
    return new Promise(resolve => this.waiting.push(resolve))
  }

  private wake(): void {
    const waiting = this.waiting
    this.waiting = []
    for (const resolve of waiting) resolve()
  }

  end(error?: GrpcError): void {
    if (this.ended || this.closed) return
    this.ended = true
    const status: HeaderField[] = [['grpc-status', String(error ? error.code : GrpcStatus.OK)]]
    if (error) status.push(['grpc-message', encodeGrpcMessage(error.message)])
    if (!this.responded) {
      // Trailers-only: the status in the one HEADERS frame that ends the stream.
      this.responded = true
      this.stream.respond([...RESPONSE_HEADERS, ...status], true)
      return
    }
    this.flush()
    this.stream.end(status)
  }
}
