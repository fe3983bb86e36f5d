// The hand-written protobuf and gRPC framing of the BuildKit session (engine/protowire.ts,
// engine/session.ts, build/filesync.ts), against bytes worked out from the .proto files by hand.
import { expect, test } from '@jest/globals'
import { ProtoWriter, asInt64, asString, asUint, mapEntry, protoFields } from '../src/engine/protowire.js'
import { Deframer, GrpcError, encodeGrpcMessage, metadataOf } from '../src/engine/session.js'
import {
  PACKET_DATA,
  PACKET_FIN,
  PACKET_REQ,
  PACKET_STAT,
  decodePacket,
  encodePacket,
  encodeStat,
  metadataValues
} from '../src/build/filesync.js'

const hex = (parts: Uint8Array[]) => Buffer.concat(parts).toString('hex')

test('fsutil Stat: fields in order, defaults left out, negative modTime as ten bytes, xattrs as map entries', () => {
  const stat = encodeStat({
    path: 'a/b',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: 300,
    modTime: -1,
    linkname: '',
    xattrs: new Map([['user.k', Buffer.from([1, 2])]])
  })
  expect(stat.toString('hex')).toBe(
    '0a03612f62' + // path = "a/b"
      '10a403' + // mode = 420
      '28ac02' + // size = 300
      '30ffffffffffffffffff01' + // modTime = -1 (int64, two's complement)
      '520c' +
      '0a06757365722e6b' +
      '12020102' // xattrs {"user.k": 0x0102}
  )
  const fields = [...protoFields(stat)]
  expect(asString(fields[0]![1])).toBe('a/b')
  expect(asUint(fields[1]![1])).toBe(0o644)
  expect(asInt64(fields[3]![1])).toBe(-1)
  expect(mapEntry(fields[4]![1])).toEqual(['user.k', Buffer.from([1, 2])])
})

test('fsutil Packet: STAT with a stat, the empty STAT that ends the list, DATA with its id and bytes, FIN', () => {
  const stat = { path: 'x', mode: 0, uid: 0, gid: 0, size: 0, modTime: 0, linkname: '' }
  expect(hex(encodePacket(PACKET_STAT, { stat }))).toBe('1203' + '0a0178')
  expect(hex(encodePacket(PACKET_STAT))).toBe('')
  const data = Buffer.alloc(200, 7)
  const parts = encodePacket(PACKET_DATA, { ID: 300, data })
  expect(parts[1]).toBe(data) // the file's bytes are not copied
  expect(Buffer.from(parts[0]!).toString('hex')).toBe('0802' + '18ac02' + '22c801')
  expect(hex(encodePacket(PACKET_DATA, { ID: 5 }))).toBe('08021805')
  expect(hex(encodePacket(PACKET_FIN))).toBe('0803')
  expect(decodePacket(Buffer.from('08011805', 'hex'))).toEqual({
    type: PACKET_REQ,
    ID: 5,
    data: Buffer.alloc(0)
  })
})

test('gRPC framing: messages split and joined across chunks; a compressed one is refused', () => {
  const deframer = new Deframer()
  const stream = Buffer.from('0000000002abcd' + '00000000000000000001ff', 'hex')
  expect(deframer.push(stream.subarray(0, 3))).toEqual([])
  expect(deframer.push(stream.subarray(3, 12))).toEqual([Buffer.from('abcd', 'hex'), Buffer.alloc(0)])
  expect(deframer.push(stream.subarray(12))).toEqual([Buffer.from('ff', 'hex')])
  expect(() => new Deframer().push(Buffer.from('0100000000', 'hex'))).toThrow(GrpcError)
})

test('metadata: repeated headers kept apart, UTF-8 bytes read back, BuildKit’s escaped form undone', () => {
  const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1')
  const raw = [
    ':path',
    '/x',
    'exclude-patterns',
    latin1('ü*'),
    'exclude-patterns',
    'a, b',
    'dir-name',
    'context'
  ]
  const metadata = metadataOf(raw)
  expect(metadata.get('exclude-patterns')).toEqual(['ü*', 'a, b'])
  expect(metadata.has(':path')).toBe(false)
  const escaped = metadataOf(['include-patterns', '%C3%BC+x', 'include-patterns-encoded', '1'])
  expect(metadataValues(escaped, 'include-patterns')).toEqual(['ü x'])
  expect(encodeGrpcMessage('secret ü 100%')).toBe('secret %C3%BC 100%25')
  expect(new ProtoWriter().finish()).toEqual(Buffer.alloc(0))
})
