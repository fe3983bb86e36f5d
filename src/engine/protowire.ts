// The protobuf wire format, for the handful of small messages the BuildKit session and control API
// exchange (fsutil's Packet/Stat, secrets, auth, health, Solve): varints, 64-bit varints (int64 fields may
// be negative, which proto encodes as ten bytes of two's complement) and length-delimited fields.
// Written by hand so a build loads no protobuf library; proto3 rules: a field at its default is omitted.

const WIRE_VARINT = 0
const WIRE_I64 = 1
const WIRE_LEN = 2
const WIRE_I32 = 5

/** Builds one message; nested messages are encoded on their own and added as bytes. */
export class ProtoWriter {
  private readonly parts: Buffer[] = []
  private scratch = Buffer.allocUnsafe(64)
  private used = 0

  private reserve(n: number): void {
    if (this.used + n <= this.scratch.length) return
    this.flushScratch()
    if (n > this.scratch.length) this.scratch = Buffer.allocUnsafe(n)
  }

  private flushScratch(): void {
    if (this.used === 0) return
    this.parts.push(Buffer.from(this.scratch.subarray(0, this.used)))
    this.scratch = Buffer.allocUnsafe(Math.max(64, this.scratch.length))
    this.used = 0
  }

  private rawVarint(value: number): void {
    this.reserve(10)
    let v = value
    while (v > 0x7f) {
      this.scratch[this.used++] = (v % 128) | 0x80
      v = Math.floor(v / 128)
    }
    this.scratch[this.used++] = v
  }

  private tag(field: number, wire: number): void {
    this.rawVarint(field * 8 + wire)
  }

  /** uint32, enum, bool, or a non-negative integer up to 2^53. */
  uint(field: number, value: number): this {
    if (!value) return this
    this.tag(field, WIRE_VARINT)
    this.rawVarint(value)
    return this
  }

  /** int64: negative values as 64-bit two's complement. */
  int64(field: number, value: number | bigint): this {
    if (value === 0 || value === 0n) return this
    if (typeof value === 'number' && value > 0 && Number.isSafeInteger(value)) return this.uint(field, value)
    let v = BigInt.asUintN(64, BigInt(value))
    this.tag(field, WIRE_VARINT)
    this.reserve(10)
    while (v > 0x7fn) {
      this.scratch[this.used++] = Number(v & 0x7fn) | 0x80
      v >>= 7n
    }
    this.scratch[this.used++] = Number(v)
    return this
  }

  bytes(field: number, value: Uint8Array | undefined): this {
    if (!value || value.length === 0) return this
    this.tag(field, WIRE_LEN)
    this.rawVarint(value.length)
    this.flushScratch()
    this.parts.push(
      Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.length)
    )
    return this
  }

  string(field: number, value: string | undefined): this {
    if (!value) return this
    return this.bytes(field, Buffer.from(value, 'utf8'))
  }

  /** A nested message; `always` keeps an empty one (present but at defaults), which proto3 allows. */
  message(field: number, value: Uint8Array | undefined, always = false): this {
    if (value === undefined) return this
    if (value.length === 0 && !always) return this
    this.tag(field, WIRE_LEN)
    this.rawVarint(value.length)
    if (value.length > 0) {
      this.flushScratch()
      this.parts.push(Buffer.from(value.buffer, value.byteOffset, value.length))
    }
    return this
  }

  /** map<string, string> or map<string, bytes>: one entry message (key 1, value 2) per pair. */
  map(field: number, entries: Iterable<[string, string | Uint8Array]> | undefined): this {
    if (!entries) return this
    for (const [key, value] of entries) {
      const entry = new ProtoWriter().string(1, key)
      if (typeof value === 'string') entry.string(2, value)
      else entry.bytes(2, value)
      this.message(field, entry.finish(), true)
    }
    return this
  }

  finish(): Buffer {
    this.flushScratch()
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts)
  }
}

/** The bytes of a varint (for hand-built frame headers). */
export function varint(value: number): Buffer {
  const out: number[] = []
  let v = value
  while (v > 0x7f) {
    out.push((v % 128) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return Buffer.from(out)
}

export type ProtoValue =
  { wire: 'varint'; value: bigint } | { wire: 'bytes'; value: Buffer } | { wire: 'fixed'; value: Buffer }

/** Each field of a message, in order (repeated fields appear once per value). */
export function* protoFields(message: Buffer): Generator<[number, ProtoValue]> {
  let at = 0
  const readVarint = (): bigint => {
    let result = 0n
    let shift = 0n
    for (;;) {
      if (at >= message.length) throw new Error('truncated protobuf message')
      const byte = message[at++]!
      result |= BigInt(byte & 0x7f) << shift
      if ((byte & 0x80) === 0) return result
      shift += 7n
      if (shift > 63n) throw new Error('protobuf varint too long')
    }
  }
  while (at < message.length) {
    const key = Number(readVarint())
    const field = key >>> 3
    const wire = key & 7
    if (wire === WIRE_VARINT) yield [field, { wire: 'varint', value: readVarint() }]
    else if (wire === WIRE_LEN) {
      const length = Number(readVarint())
      if (at + length > message.length) throw new Error('truncated protobuf message')
      yield [field, { wire: 'bytes', value: message.subarray(at, at + length) }]
      at += length
    } else if (wire === WIRE_I64 || wire === WIRE_I32) {
      const length = wire === WIRE_I64 ? 8 : 4
      if (at + length > message.length) throw new Error('truncated protobuf message')
      yield [field, { wire: 'fixed', value: message.subarray(at, at + length) }]
      at += length
    } else throw new Error(`unsupported protobuf wire type ${wire}`)
  }
}

/** A varint field as a uint32/enum/bool. */
export function asUint(value: ProtoValue): number {
  return value.wire === 'varint' ? Number(BigInt.asUintN(32, value.value)) : 0
}

/** A varint field as a (signed) int64, in a number when safe. */
export function asInt64(value: ProtoValue): number | bigint {
  if (value.wire !== 'varint') return 0
  const signed = BigInt.asIntN(64, value.value)
  return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(signed)
    : signed
}

export function asBytes(value: ProtoValue): Buffer {
  return value.wire === 'bytes' ? value.value : Buffer.alloc(0)
}

export function asString(value: ProtoValue): string {
  return asBytes(value).toString('utf8')
}

/** A map entry's key (field 1) and value (field 2) as bytes. */
export function mapEntry(value: ProtoValue): [string, Buffer] {
  let key = ''
  let entry: Buffer = Buffer.alloc(0)
  for (const [field, v] of protoFields(asBytes(value))) {
    if (field === 1) key = asString(v)
    else if (field === 2) entry = asBytes(v)
  }
  return [key, entry]
}
