// HPACK (RFC 7541) for the session's HTTP/2 server: a decoder for what BuildKit's grpc-go client sends
// (indexed fields, the dynamic table, Huffman-coded strings) and the few fields this side sends, written
// as literals that never touch the peer's dynamic table.

import { huffmanDecode } from './huffman.js'

/** A header field; each byte of name and value as one Latin-1 character, as node's raw headers are. */
export type HeaderField = [name: string, value: string]

/** RFC 7541 Appendix A: index 1 is the first entry. */
const STATIC_TABLE: readonly HeaderField[] = [
  [':authority', ''],
  [':method', 'GET'],
  [':method', 'POST'],
  [':path', '/'],
  [':path', '/index.html'],
  [':scheme', 'http'],
  [':scheme', 'https'],
  [':status', '200'],
  [':status', '204'],
  [':status', '206'],
  [':status', '304'],
  [':status', '400'],
  [':status', '404'],
  [':status', '500'],
  ['accept-charset', ''],
  ['accept-encoding', 'gzip, deflate'],
  ...[
    'accept-language',
    'accept-ranges',
    'accept',
    'access-control-allow-origin',
    'age',
    'allow',
    'authorization',
    'cache-control',
    'content-disposition',
    'content-encoding',
    'content-language',
    'content-length',
    'content-location',
    'content-range',
    'content-type',
    'cookie',
    'date',
    'etag',
    'expect',
    'expires',
    'from',
    'host',
    'if-match',
    'if-modified-since',
    'if-none-match',
    'if-range',
    'if-unmodified-since',
    'last-modified',
    'link',
    'location',
    'max-forwards',
    'proxy-authenticate',
    'proxy-authorization',
    'range',
    'referer',
    'refresh',
    'retry-after',
    'server',
    'set-cookie',
    'strict-transport-security',
    'transfer-encoding',
    'user-agent',
    'vary',
    'via',
    'www-authenticate'
  ].map((name): HeaderField => [name, ''])
]

/** The dynamic table's size when the peer sets none (SETTINGS_HEADER_TABLE_SIZE's default, which we keep). */
export const DEFAULT_TABLE_SIZE = 4096

export class HpackError extends Error {}

/** Decodes header blocks; one per connection, fed every block in order (they share the dynamic table). */
export class HpackDecoder {
  /** Newest first: HPACK index 62 is entries[0]. */
  private entries: HeaderField[] = []
  private size = 0
  private maxSize = DEFAULT_TABLE_SIZE

  decode(block: Uint8Array): HeaderField[] {
    const fields: HeaderField[] = []
    const reader = new Reader(block)
    while (!reader.done()) {
      const first = reader.peek()
      if (first & 0x80) {
        fields.push(this.field(reader.integer(7)))
      } else if (first & 0x40) {
        const field = this.literal(reader, 6)
        this.add(field)
        fields.push(field)
      } else if (first & 0x20) {
        const size = reader.integer(5)
        if (size > DEFAULT_TABLE_SIZE) throw new HpackError(`HPACK table size ${size} above the limit`)
        this.maxSize = size
        this.evict()
      } else {
        // Without indexing (0000) or never indexed (0001): the same to a decoder.
        fields.push(this.literal(reader, 4))
      }
    }
    return fields
  }

  private field(index: number): HeaderField {
    if (index >= 1 && index <= STATIC_TABLE.length) return STATIC_TABLE[index - 1]!
    const entry = this.entries[index - STATIC_TABLE.length - 1]
    if (index === 0 || !entry) throw new HpackError(`HPACK index ${index} is not in the table`)
    return entry
  }

  private literal(reader: Reader, prefix: number): HeaderField {
    const index = reader.integer(prefix)
    const name = index === 0 ? reader.string() : this.field(index)[0]
    return [name, reader.string()]
  }

  private add(field: HeaderField): void {
    this.entries.unshift(field)
    this.size += entrySize(field)
    this.evict()
  }

  private evict(): void {
    while (this.size > this.maxSize) this.size -= entrySize(this.entries.pop()!)
  }
}

/** RFC 7541 §4.1: the name's and value's octets plus 32. */
function entrySize([name, value]: HeaderField): number {
  return name.length + value.length + 32
}

class Reader {
  private offset = 0
  constructor(private readonly bytes: Uint8Array) {}

  done(): boolean {
    return this.offset >= this.bytes.length
  }

  peek(): number {
    return this.bytes[this.offset]!
  }

  private byte(): number {
    if (this.offset >= this.bytes.length) throw new HpackError('HPACK block ends inside a field')
    return this.bytes[this.offset++]!
  }

  /** RFC 7541 §5.1: an integer in the low `prefix` bits of the current byte, continued 7 bits a byte. */
  integer(prefix: number): number {
    const max = (1 << prefix) - 1
    let value = this.byte() & max
    if (value < max) return value
    for (let shift = 0; ; shift += 7) {
      if (shift > 28) throw new HpackError('HPACK integer too large')
      const byte = this.byte()
      value += (byte & 0x7f) * 2 ** shift
      if (!(byte & 0x80)) return value
    }
  }

  /** RFC 7541 §5.2: a length-prefixed string, Huffman-coded when the top bit is set. */
  string(): string {
    const huffman = (this.peek() & 0x80) !== 0
    const length = this.integer(7)
    if (this.offset + length > this.bytes.length) throw new HpackError('HPACK string runs past its block')
    const raw = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return Buffer.from(huffman ? huffmanDecode(raw) : raw).toString('latin1')
  }
}

/**
 * A header block of literal fields that are never indexed (RFC 7541 §6.2.2, no Huffman coding), except
 * `:status: 200`, which is the static table's entry 8. Names and values are Latin-1 strings.
 */
export function encodeHeaderBlock(fields: readonly HeaderField[]): Buffer {
  const parts: Buffer[] = []
  for (const [name, value] of fields) {
    if (name === ':status' && value === '200') {
      parts.push(Buffer.from([0x88]))
      continue
    }
    parts.push(Buffer.from([0x10]), encodeString(name), encodeString(value))
  }
  return Buffer.concat(parts)
}

function encodeString(text: string): Buffer {
  const bytes = Buffer.from(text, 'latin1')
  return Buffer.concat([encodeInteger(bytes.length, 7, 0), bytes])
}

function encodeInteger(value: number, prefix: number, flags: number): Buffer {
  const max = (1 << prefix) - 1
  if (value < max) return Buffer.from([flags | value])
  const bytes = [flags | max]
  let rest = value - max
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80)
    rest = Math.floor(rest / 0x80)
  }
  bytes.push(rest)
  return Buffer.from(bytes)
}
