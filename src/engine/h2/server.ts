// The server side of one HTTP/2 connection (RFC 9113), just what BuildKit's session needs: the engine's
// grpc-go client opens streams on the hijacked `/session` connection and this side answers them. Written
// here rather than taken from node:http2 because that module (with node:tls, which it loads) costs the
// default run ~7 MB of memory on Node 24, more than the rest of the run together (BENCHMARKS.md, issue 14).
//
// What it does: the connection preface and SETTINGS, HEADERS/CONTINUATION decoded with HPACK (hpack.ts),
// DATA in with flow-control credit given back as it is read, DATA out within the peer's windows and
// frame size, PING answered at once (grpc-go sizes its window from the round trip: BENCHMARKS.md, 3b),
// RST_STREAM and GOAWAY. What it does not: server push, priorities, or opening streams of its own.

import { EventEmitter } from 'node:events'
import type { Duplex } from 'node:stream'
import { HpackDecoder, encodeHeaderBlock, type HeaderField } from './hpack.js'

export type { HeaderField } from './hpack.js'

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1')

const DATA = 0x0
const HEADERS = 0x1
const RST_STREAM = 0x3
const SETTINGS = 0x4
const PUSH_PROMISE = 0x5
const PING = 0x6
const GOAWAY = 0x7
const WINDOW_UPDATE = 0x8
const CONTINUATION = 0x9

const END_STREAM = 0x1
const ACK = 0x1
const END_HEADERS = 0x4
const PADDED = 0x8
const PRIORITY = 0x20

const SETTINGS_INITIAL_WINDOW_SIZE = 0x4
const SETTINGS_MAX_FRAME_SIZE = 0x5
const SETTINGS_MAX_HEADER_LIST_SIZE = 0x6

const NO_ERROR = 0x0
const PROTOCOL_ERROR = 0x1
const FLOW_CONTROL_ERROR = 0x3
const FRAME_SIZE_ERROR = 0x6
const COMPRESSION_ERROR = 0x9

/** RFC 9113 defaults, until the peer's SETTINGS say otherwise. */
const DEFAULT_WINDOW = 65_535
const DEFAULT_MAX_FRAME = 16_384
const MAX_WINDOW = 2 ** 31 - 1

/**
 * What this side lets the peer send before it must wait for credit: BuildKit sends requests and small
 * packets, so a generous window costs nothing and never stalls it. Credit is given back once half is used.
 */
const RECEIVE_WINDOW = 16 * 1024 * 1024
/** A .dockerignore of a few hundred lines is a few hundred headers on one call (each pattern its own). */
const MAX_HEADER_LIST = 64 * 1024 * 1024
/** Bytes handed to the socket and not yet written, above which sending waits for it to drain. */
const SOCKET_HIGH = 1024 * 1024

/** The connection's flow-control state, for the measuring trace (h2-trace.ts). */
export interface Http2State {
  /** How much more DATA the peer allows on the connection. */
  sendWindow: number
  /** The peer's SETTINGS_INITIAL_WINDOW_SIZE (each new stream's send window). */
  peerInitialWindow: number
  peerMaxFrameSize: number
  openStreams: number
  /** Bytes waiting in streams for window. */
  queued: number
  /** Bytes handed to the socket, not yet written. */
  socketBuffered: number
}

interface Pending {
  data: Buffer
  offset: number
  callback?: () => void
}

/**
 * One stream the peer opened. Events: 'data' (Buffer), 'end' (the peer sent all it will), 'close' (the
 * stream is over both ways, was reset, or the connection is gone).
 */
export class ServerStream extends EventEmitter {
  sendWindow: number
  private readonly queue: Pending[] = []
  private queuedBytes = 0
  private trailers: HeaderField[] | undefined
  private remoteEnded = false
  private localEnded = false
  private closed = false

  constructor(
    readonly id: number,
    private readonly connection: Http2ServerConnection,
    initialWindow: number
  ) {
    super()
    this.sendWindow = initialWindow
  }

  /** Sends the response headers; with `endStream`, they are also the trailers (a trailers-only reply). */
  respond(fields: HeaderField[], endStream = false): void {
    if (this.closed || this.localEnded) return
    this.connection.sendHeaders(this.id, fields, endStream)
    if (endStream) this.endLocal()
  }

  /** Queues data; `callback` runs once its last byte has been handed to the socket. */
  write(data: Buffer, callback?: () => void): void {
    if (this.closed || this.localEnded || this.trailers) {
      callback?.()
      return
    }
    this.queue.push({ data, offset: 0, callback })
    this.queuedBytes += data.length
    this.connection.pump()
  }

  /** Ends the stream with these trailers, once everything queued is sent. */
  end(trailers: HeaderField[]): void {
    if (this.closed || this.localEnded || this.trailers) return
    this.trailers = trailers
    this.connection.pump()
  }

  get queued(): number {
    return this.queuedBytes
  }

  /** Sends what the windows allow, at most `budget` bytes; true when anything went out. */
  sendSome(budget: number): boolean {
    let sent = false
    while (this.queue.length > 0 && budget > 0) {
      const head = this.queue[0]!
      const room = Math.min(this.sendWindow, this.connection.sendWindow, this.connection.maxFrameSize, budget)
      if (room <= 0) break
      const size = Math.min(room, head.data.length - head.offset)
      this.connection.sendData(this.id, head.data.subarray(head.offset, head.offset + size))
      head.offset += size
      this.sendWindow -= size
      this.queuedBytes -= size
      budget -= size
      sent = true
      if (head.offset === head.data.length) {
        this.queue.shift()
        head.callback?.()
      }
    }
    if (this.queue.length === 0 && this.trailers && !this.localEnded) {
      this.connection.sendHeaders(this.id, this.trailers, true)
      this.endLocal()
      sent = true
    }
    return sent
  }

  get waiting(): boolean {
    return !this.closed && (this.queue.length > 0 || (this.trailers !== undefined && !this.localEnded))
  }

  receive(data: Buffer, endStream: boolean): void {
    if (this.closed || this.remoteEnded) return
    if (data.length > 0) this.emit('data', data)
    if (endStream) {
      this.remoteEnded = true
      this.emit('end')
      if (this.localEnded) this.close()
    }
  }

  private endLocal(): void {
    this.localEnded = true
    if (this.remoteEnded) this.close()
  }

  /** Over: reset by the peer, both sides ended, or the connection gone. Queued writes are dropped. */
  close(): void {
    if (this.closed) return
    this.closed = true
    const dropped = this.queue.splice(0)
    this.queuedBytes = 0
    for (const pending of dropped) pending.callback?.()
    this.connection.forget(this.id)
    this.emit('close')
  }
}

export class Http2ServerConnection {
  sendWindow = DEFAULT_WINDOW
  maxFrameSize = DEFAULT_MAX_FRAME
  private peerInitialWindow = DEFAULT_WINDOW
  private readonly streams = new Map<number, ServerStream>()
  private readonly decoder = new HpackDecoder()
  private input: Buffer = Buffer.alloc(0)
  private prefaceSeen = false
  /** A header block being continued: its stream, flags and fragments so far. */
  private continuing: { stream: number; endStream: boolean; fragments: Buffer[] } | undefined
  private lastStreamId = 0
  private goneAway = false
  private closed = false
  /** Received bytes not yet credited back, for the connection and per stream. */
  private unacked = 0
  private readonly unackedByStream = new Map<number, number>()
  private pumping = false
  private waitingForDrain = false

  constructor(
    private readonly transport: Duplex,
    private readonly onStream: (stream: ServerStream, headers: HeaderField[]) => void
  ) {
    transport.on('data', (chunk: Buffer) => this.read(chunk))
    transport.on('end', () => this.destroy())
    transport.on('close', () => this.destroy())
    transport.on('error', () => this.destroy())
    transport.on('drain', () => {
      this.waitingForDrain = false
      this.pump()
    })
    // The server's preface: its SETTINGS, then room for BuildKit to send without waiting on credit.
    const settings = Buffer.alloc(12)
    settings.writeUInt16BE(SETTINGS_INITIAL_WINDOW_SIZE, 0)
    settings.writeUInt32BE(RECEIVE_WINDOW, 2)
    settings.writeUInt16BE(SETTINGS_MAX_HEADER_LIST_SIZE, 6)
    settings.writeUInt32BE(MAX_HEADER_LIST, 8)
    this.frame(SETTINGS, 0, 0, settings)
    this.windowUpdate(0, RECEIVE_WINDOW - DEFAULT_WINDOW)
  }

  state(): Http2State {
    let queued = 0
    for (const stream of this.streams.values()) queued += stream.queued
    return {
      sendWindow: this.sendWindow,
      peerInitialWindow: this.peerInitialWindow,
      peerMaxFrameSize: this.maxFrameSize,
      openStreams: this.streams.size,
      queued,
      socketBuffered: this.transport.writableLength
    }
  }

  /** Says goodbye (GOAWAY, no error) and closes the connection. */
  close(): void {
    this.goAway(NO_ERROR)
  }

  private destroy(): void {
    if (this.closed) return
    this.closed = true
    for (const stream of [...this.streams.values()]) stream.close()
    this.transport.destroy()
  }

  /** GOAWAY with this code (NO_ERROR when closing on purpose), and the connection is closed. */
  private goAway(code: number): void {
    if (this.closed) return
    this.frame(GOAWAY, 0, 0, goAwayPayload(this.lastStreamId, code))
    this.transport.end()
    this.destroy()
  }

  forget(id: number): void {
    this.streams.delete(id)
    this.unackedByStream.delete(id)
  }

  sendHeaders(stream: number, fields: HeaderField[], endStream: boolean): void {
    const block = encodeHeaderBlock(fields)
    const flags = endStream ? END_STREAM : 0
    if (block.length <= this.maxFrameSize) {
      this.frame(HEADERS, flags | END_HEADERS, stream, block)
      return
    }
    for (let offset = 0; offset < block.length; offset += this.maxFrameSize) {
      const last = offset + this.maxFrameSize >= block.length
      const part = block.subarray(offset, offset + this.maxFrameSize)
      if (offset === 0) this.frame(HEADERS, flags, stream, part)
      else this.frame(CONTINUATION, last ? END_HEADERS : 0, stream, part)
    }
  }

  sendData(stream: number, data: Buffer): void {
    this.sendWindow -= data.length
    this.frame(DATA, 0, stream, data)
  }

  /**
   * Sends queued data while the peer's windows and the socket allow, a frame's worth per stream in turn
   * (one stream's large file must not hold back another's small reply). Corked, so a burst of frames goes
   * out in one write.
   */
  pump(): void {
    if (this.pumping || this.closed) return
    this.pumping = true
    this.transport.cork()
    try {
      let progressed = true
      while (progressed && !this.waitingForDrain) {
        progressed = false
        for (const stream of this.streams.values()) {
          if (!stream.waiting) continue
          if (stream.sendSome(this.maxFrameSize)) progressed = true
          if (this.transport.writableLength > SOCKET_HIGH) {
            this.waitingForDrain = true
            break
          }
        }
      }
    } finally {
      this.pumping = false
      this.transport.uncork()
    }
  }

  private frame(type: number, flags: number, stream: number, payload?: Buffer): void {
    if (this.closed) return
    const header = Buffer.allocUnsafe(9)
    const length = payload?.length ?? 0
    header.writeUIntBE(length, 0, 3)
    header[3] = type
    header[4] = flags
    header.writeUInt32BE(stream, 5)
    this.transport.write(header)
    if (length > 0) this.transport.write(payload)
  }

  private windowUpdate(stream: number, increment: number): void {
    const payload = Buffer.allocUnsafe(4)
    payload.writeUInt32BE(increment, 0)
    this.frame(WINDOW_UPDATE, 0, stream, payload)
  }

  private read(chunk: Buffer): void {
    this.input = this.input.length > 0 ? Buffer.concat([this.input, chunk]) : chunk
    if (!this.prefaceSeen) {
      if (this.input.length < PREFACE.length) return
      if (!this.input.subarray(0, PREFACE.length).equals(PREFACE)) return this.goAway(PROTOCOL_ERROR)
      this.prefaceSeen = true
      this.input = this.input.subarray(PREFACE.length)
    }
    while (!this.closed && this.input.length >= 9) {
      const length = this.input.readUIntBE(0, 3)
      if (length > DEFAULT_MAX_FRAME) return this.goAway(FRAME_SIZE_ERROR) // we never raise our max frame size
      if (this.input.length < 9 + length) break
      const type = this.input[3]!
      const flags = this.input[4]!
      const stream = this.input.readUInt32BE(5) & 0x7fffffff
      const payload = this.input.subarray(9, 9 + length)
      this.input = this.input.subarray(9 + length)
      this.handle(type, flags, stream, payload)
    }
    // Don't keep a large chunk alive for a few leftover bytes.
    if (this.input.length > 0 && this.input.length < 4096) this.input = Buffer.from(this.input)
  }

  private handle(type: number, flags: number, stream: number, payload: Buffer): void {
    if (this.continuing && type !== CONTINUATION) return this.goAway(PROTOCOL_ERROR)
    switch (type) {
      case DATA:
        return this.onData(flags, stream, payload)
      case HEADERS:
        return this.onHeaders(flags, stream, payload)
      case CONTINUATION: {
        const open = this.continuing
        if (!open || open.stream !== stream) return this.goAway(PROTOCOL_ERROR)
        open.fragments.push(payload)
        if (flags & END_HEADERS) {
          this.continuing = undefined
          this.headerBlock(stream, Buffer.concat(open.fragments), open.endStream)
        }
        return
      }
      case RST_STREAM:
        this.streams.get(stream)?.close()
        return
      case SETTINGS:
        if (flags & ACK) return
        return this.onSettings(payload)
      case PING:
        if (!(flags & ACK) && payload.length === 8) this.frame(PING, ACK, 0, payload)
        return
      case GOAWAY:
        this.goneAway = true
        return
      case WINDOW_UPDATE:
        return this.onWindowUpdate(stream, payload)
      case PUSH_PROMISE:
        return this.goAway(PROTOCOL_ERROR) // a client never pushes
      default:
        return // PRIORITY and unknown frame types are ignored (RFC 9113 §5.5)
    }
  }

  private onSettings(payload: Buffer): void {
    if (payload.length % 6 !== 0) return this.goAway(PROTOCOL_ERROR)
    for (let offset = 0; offset < payload.length; offset += 6) {
      const id = payload.readUInt16BE(offset)
      const value = payload.readUInt32BE(offset + 2)
      if (id === SETTINGS_INITIAL_WINDOW_SIZE) {
        if (value > MAX_WINDOW) return this.goAway(FLOW_CONTROL_ERROR)
        // RFC 9113 §6.9.2: every open stream's window moves by the difference.
        const delta = value - this.peerInitialWindow
        this.peerInitialWindow = value
        for (const open of this.streams.values()) open.sendWindow += delta
      } else if (id === SETTINGS_MAX_FRAME_SIZE) {
        if (value < DEFAULT_MAX_FRAME || value > 16_777_215) return this.goAway(PROTOCOL_ERROR)
        this.maxFrameSize = value
      }
      // SETTINGS_HEADER_TABLE_SIZE limits the table this side's encoder may use; it uses none.
    }
    this.frame(SETTINGS, ACK, 0)
    this.pump()
  }

  private onWindowUpdate(stream: number, payload: Buffer): void {
    if (payload.length !== 4) return this.goAway(PROTOCOL_ERROR)
    const increment = payload.readUInt32BE(0) & 0x7fffffff
    if (stream === 0) {
      this.sendWindow += increment
      if (this.sendWindow > MAX_WINDOW) return this.goAway(FLOW_CONTROL_ERROR)
    } else {
      const open = this.streams.get(stream)
      if (open) open.sendWindow += increment
    }
    this.pump()
  }

  private onHeaders(flags: number, stream: number, payload: Buffer): void {
    let block = payload
    if (flags & PADDED) {
      const padding = block[0] ?? 0
      block = block.subarray(1, block.length - padding)
    }
    if (flags & PRIORITY) block = block.subarray(5)
    const endStream = (flags & END_STREAM) !== 0
    if (flags & END_HEADERS) this.headerBlock(stream, block, endStream)
    else this.continuing = { stream, endStream, fragments: [Buffer.from(block)] }
  }

  private headerBlock(id: number, block: Buffer, endStream: boolean): void {
    let fields: HeaderField[]
    try {
      fields = this.decoder.decode(block)
    } catch {
      return this.goAway(COMPRESSION_ERROR)
    }
    const open = this.streams.get(id)
    if (open) {
      // Trailers from the peer (gRPC clients send none, but they would end the request).
      open.receive(Buffer.alloc(0), endStream)
      return
    }
    if (id % 2 === 0) return this.goAway(PROTOCOL_ERROR)
    // A stream that is already over (reset, or ended both ways): nothing to do with its headers.
    if (id <= this.lastStreamId) return
    this.lastStreamId = id
    if (this.goneAway) return
    const stream = new ServerStream(id, this, this.peerInitialWindow)
    this.streams.set(id, stream)
    this.onStream(stream, fields)
    if (endStream) stream.receive(Buffer.alloc(0), true)
  }

  private onData(flags: number, id: number, payload: Buffer): void {
    // Flow control counts the whole payload, padding included (RFC 9113 §6.1).
    this.credit(id, payload.length)
    let data = payload
    if (flags & PADDED) {
      const padding = data[0] ?? 0
      data = data.subarray(1, data.length - padding)
    }
    this.streams.get(id)?.receive(data, (flags & END_STREAM) !== 0)
  }

  /** Gives back credit for what was received, once half a window's worth has been read. */
  private credit(id: number, length: number): void {
    if (length === 0) return
    this.unacked += length
    if (this.unacked >= RECEIVE_WINDOW / 2) {
      this.windowUpdate(0, this.unacked)
      this.unacked = 0
    }
    if (!this.streams.has(id)) return
    const pending = (this.unackedByStream.get(id) ?? 0) + length
    if (pending >= RECEIVE_WINDOW / 2) {
      this.windowUpdate(id, pending)
      this.unackedByStream.set(id, 0)
    } else this.unackedByStream.set(id, pending)
  }
}

function goAwayPayload(lastStreamId: number, code: number): Buffer {
  const payload = Buffer.alloc(8)
  payload.writeUInt32BE(lastStreamId, 0)
  payload.writeUInt32BE(code, 4)
  return payload
}
