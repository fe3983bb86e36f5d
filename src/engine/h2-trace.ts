// For measuring only (PREFLIGHT_H2_TRACE=<file>): the session's HTTP/2 frames in both directions with
// their times, written as JSON lines when the connection closes. Frame headers are read off the bytes as
// they pass (9 bytes: length, type, flags, stream), so what is recorded is what went over the socket.
// Used to see how BuildKit's grpc-go client sizes its flow-control window (BENCHMARKS.md, figure 3b).

import { writeFileSync } from 'node:fs'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { streamOf } from './socket-duplex.js'

const TYPES = ['DATA', 'HEADERS', 'PRIORITY', 'RST', 'SETTINGS', 'PUSH', 'PING', 'GOAWAY', 'WINDOW', 'CONT']

interface Frame {
  /** ms since the connection was handed over */
  t: number
  dir: 'in' | 'out'
  type: string
  flags: number
  stream: number
  length: number
  /** WINDOW_UPDATE increment, PING payload (hex), SETTINGS pairs */
  info?: string
}

class FrameReader {
  private pending: Buffer = Buffer.alloc(0)
  private skip: number
  constructor(
    private readonly dir: 'in' | 'out',
    private readonly out: (Frame | object)[],
    private readonly start: number,
    preface: number
  ) {
    this.skip = preface
  }

  push(chunk: Buffer): void {
    let data = chunk
    if (this.skip > 0) {
      const n = Math.min(this.skip, data.length)
      this.skip -= n
      data = data.subarray(n)
    }
    this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data
    const t = performance.now() - this.start
    for (;;) {
      if (this.pending.length < 9) break
      const length = this.pending.readUIntBE(0, 3)
      if (this.pending.length < 9 + length) {
        // Only the header and a few payload bytes are needed; keep what the info fields read.
        if (this.pending[3] === 0) {
          this.record(t, this.pending.subarray(0, 9), Buffer.alloc(0))
          this.skip = 9 + length - this.pending.length
          this.pending = Buffer.alloc(0)
        }
        break
      }
      this.record(t, this.pending.subarray(0, 9), this.pending.subarray(9, 9 + length))
      this.pending = this.pending.subarray(9 + length)
    }
    if (this.pending.length) this.pending = Buffer.from(this.pending)
  }

  private record(t: number, head: Buffer, payload: Buffer): void {
    const type = head[3]!
    const frame: Frame = {
      t: Math.round(t * 1000) / 1000,
      dir: this.dir,
      type: TYPES[type] ?? String(type),
      flags: head[4]!,
      stream: head.readUInt32BE(5) & 0x7fffffff,
      length: head.readUIntBE(0, 3)
    }
    if (type === 8 && payload.length >= 4) frame.info = String(payload.readUInt32BE(0) & 0x7fffffff)
    else if (type === 6) frame.info = payload.toString('hex')
    else if (type === 4) {
      const pairs: string[] = []
      for (let i = 0; i + 6 <= payload.length; i += 6)
        pairs.push(`${payload.readUInt16BE(i)}=${payload.readUInt32BE(i + 2)}`)
      frame.info = pairs.join(',')
    }
    this.out.push(frame)
  }
}

/**
 * The socket wrapped so every frame is recorded, with `sample()` (the session's state) every 50 ms; the
 * record goes to `file` when the socket closes.
 */
export function traced(socket: Socket, file: string, sample: () => object | undefined): Duplex {
  const frames: (Frame | object)[] = []
  const start = performance.now()
  const timer = setInterval(() => {
    const state = sample()
    if (state) frames.push({ t: Math.round(performance.now() - start), state })
  }, 50)
  timer.unref()
  const incoming = new FrameReader('in', frames, start, 24) // the client's connection preface
  const outgoing = new FrameReader('out', frames, start, 0)
  return streamOf(socket, {
    incoming: chunk => incoming.push(chunk),
    outgoing: chunk => outgoing.push(chunk),
    closed: () => {
      clearInterval(timer)
      writeFileSync(file, frames.map(f => JSON.stringify(f)).join('\n') + '\n')
    }
  })
}
