// A container's output, held in bounded memory however much it writes: the multiplexed log stream is
// split into frames as it arrives, only the last part is kept, and patterns are matched on the fly.
import { StringDecoder } from 'node:string_decoder'

/** How much of each container's combined output is kept for the report and the log. */
export const TAIL_BYTES = 64 * 1024

export type StreamKind = 'stdin' | 'stdout' | 'stderr'

/**
 * Splits Docker's multiplexed stream (non-TTY attach and logs): each frame is an 8-byte header
 * (stream type, 3 zero bytes, big-endian uint32 size) followed by that many bytes. Frames may be split
 * across chunks and chunks may hold many frames; payloads are passed on as they arrive, never gathered.
 */
export class FrameDemuxer {
  private header = Buffer.alloc(8)
  private headerFill = 0
  private remaining = 0
  private kind: StreamKind = 'stdout'

  constructor(private readonly onPayload: (payload: Buffer, kind: StreamKind) => void) {}

  push(chunk: Buffer): void {
    let offset = 0
    while (offset < chunk.length) {
      if (this.remaining === 0) {
        const take = Math.min(8 - this.headerFill, chunk.length - offset)
        chunk.copy(this.header, this.headerFill, offset, offset + take)
        this.headerFill += take
        offset += take
        if (this.headerFill < 8) return
        this.headerFill = 0
        this.kind = this.header[0] === 2 ? 'stderr' : this.header[0] === 0 ? 'stdin' : 'stdout'
        this.remaining = this.header.readUInt32BE(4)
        continue
      }
      const take = Math.min(this.remaining, chunk.length - offset)
      this.onPayload(chunk.subarray(offset, offset + take), this.kind)
      this.remaining -= take
      offset += take
    }
  }

  /** True when the stream ended mid-frame (a truncated reply). */
  get incomplete(): boolean {
    return this.remaining > 0 || this.headerFill > 0
  }
}

/** The last `limit` bytes of everything appended, plus how much was seen in all. */
export class OutputTail {
  private chunks: Buffer[] = []
  private held = 0
  totalBytes = 0

  constructor(private readonly limit = TAIL_BYTES) {}

  append(data: Buffer): void {
    if (data.length === 0) return
    this.totalBytes += data.length
    // Copy: the payload may be a view into a larger socket buffer we must not pin.
    const piece = data.length > this.limit ? data.subarray(data.length - this.limit) : data
    this.chunks.push(Buffer.from(piece))
    this.held += piece.length
    while (this.chunks.length > 1 && this.held - this.chunks[0]!.length >= this.limit) {
      this.held -= this.chunks.shift()!.length
    }
    // Many tiny writes would otherwise keep many tiny buffers alive: compact now and then.
    if (this.chunks.length > 256) {
      const compacted = this.bytes()
      this.chunks = [compacted]
      this.held = compacted.length
    }
  }

  get truncated(): boolean {
    return this.totalBytes > this.limit
  }

  bytes(): Buffer {
    const all = Buffer.concat(this.chunks)
    return all.length > this.limit ? all.subarray(all.length - this.limit) : all
  }

  /** The tail as text; a multi-byte character cut by the limit is dropped rather than mangled. */
  text(): string {
    let bytes = this.bytes()
    if (this.truncated) {
      let start = 0
      while (start < bytes.length && start < 4 && (bytes[start]! & 0xc0) === 0x80) start++
      bytes = bytes.subarray(start)
    }
    return bytes.toString('utf8')
  }
}

/**
 * Watches the output for a pattern as it streams by. Each new piece is matched together with the last
 * `overlap` characters before it, so a match spanning pieces is found while memory stays bounded.
 * Once matched it stays matched.
 */
export class PatternWatch {
  matched = false
  private decoder = new StringDecoder('utf8')
  private carry = ''
  private readonly listeners: Array<() => void> = []

  constructor(
    readonly pattern: RegExp,
    private readonly overlap = 4096
  ) {}

  feed(data: Buffer): void {
    if (this.matched) return
    const text = this.carry + this.decoder.write(data)
    if (this.pattern.test(text)) {
      this.matched = true
      this.carry = ''
      for (const listener of this.listeners.splice(0)) listener()
      return
    }
    this.carry = text.length > this.overlap ? text.slice(text.length - this.overlap) : text
  }

  /** Calls `listener` once, when (or if already) matched. */
  onMatch(listener: () => void): void {
    if (this.matched) listener()
    else this.listeners.push(listener)
  }
}

/** Everything kept of one container's output: the tail and the watched patterns. */
export class OutputCollector {
  readonly tail: OutputTail
  private readonly watches: PatternWatch[] = []

  constructor(limit = TAIL_BYTES) {
    this.tail = new OutputTail(limit)
  }

  watch(pattern: RegExp): PatternWatch {
    const watch = new PatternWatch(pattern)
    this.watches.push(watch)
    return watch
  }

  append(data: Buffer): void {
    this.tail.append(data)
    for (const watch of this.watches) watch.feed(data)
  }
}
