// The output plumbing without an engine: the multiplexed-stream demuxer, the bounded tail, and pattern
// watching across chunk boundaries.
import { FrameDemuxer, OutputCollector, OutputTail, PatternWatch } from '../src/smoke/output.js'

function frame(kind: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text)
  const header = Buffer.alloc(8)
  header[0] = kind
  header.writeUInt32BE(payload.length, 4)
  return Buffer.concat([header, payload])
}

describe('FrameDemuxer', () => {
  test('frames split anywhere, several per chunk, stdout and stderr', () => {
    const stream = Buffer.concat([frame(1, 'hello '), frame(2, 'warning\n'), frame(1, 'world\n')])
    for (const size of [1, 3, 7, 8, 9, 100]) {
      const seen: string[] = []
      const demuxer = new FrameDemuxer((payload, kind) => seen.push(`${kind}:${payload.toString()}`))
      for (let offset = 0; offset < stream.length; offset += size)
        demuxer.push(stream.subarray(offset, offset + size))
      // Payloads may arrive in pieces; joined, and per kind, they are whole.
      expect(seen.map(s => s.replace(/^\w+:/, '')).join('')).toBe('hello warning\nworld\n')
      expect(
        seen
          .filter(s => s.startsWith('stderr:'))
          .map(s => s.slice(7))
          .join('')
      ).toBe('warning\n')
      expect(demuxer.incomplete).toBe(false)
    }
  })

  test('a stream cut mid-frame is reported incomplete', () => {
    const demuxer = new FrameDemuxer(() => {})
    demuxer.push(frame(1, 'truncated').subarray(0, 12))
    expect(demuxer.incomplete).toBe(true)
  })
})

describe('OutputTail', () => {
  test('keeps only the last bytes, and says so', () => {
    const tail = new OutputTail(10)
    tail.append(Buffer.from('0123456789'))
    expect([tail.text(), tail.truncated]).toEqual(['0123456789', false])
    tail.append(Buffer.from('abc'))
    expect([tail.text(), tail.truncated, tail.totalBytes]).toEqual(['3456789abc', true, 13])
    tail.append(Buffer.from('x'.repeat(25)))
    expect(tail.text()).toBe('x'.repeat(10))
  })

  test('many small writes stay bounded; a cut multi-byte character is dropped, not mangled', () => {
    const tail = new OutputTail(1024)
    for (let i = 0; i < 100_000; i++) tail.append(Buffer.from('é'))
    expect(tail.bytes().length).toBe(1024)
    expect(tail.text()).toBe('é'.repeat(512))
    const odd = new OutputTail(5)
    odd.append(Buffer.from('aéééé'))
    expect(odd.text()).toBe('éé')
  })
})

describe('PatternWatch', () => {
  test('finds a match that spans chunks, and a multi-byte character split between them', () => {
    const watch = new PatternWatch(/^listening on :\d+$/m)
    const text = Buffer.from('starting\nlistening on :8080\n')
    for (let i = 0; i < text.length; i += 3) watch.feed(text.subarray(i, i + 3))
    expect(watch.matched).toBe(true)

    const accented = new PatternWatch(/prêt/)
    const bytes = Buffer.from('prêt')
    accented.feed(bytes.subarray(0, 3))
    accented.feed(bytes.subarray(3))
    expect(accented.matched).toBe(true)
  })

  test('the collector keeps the tail and feeds every watch', () => {
    const collector = new OutputCollector(16)
    const early = collector.watch(/^first line$/m)
    const late = collector.watch(/THE END/)
    let calls = 0
    late.onMatch(() => calls++)
    collector.append(Buffer.from('first line\n' + 'x'.repeat(10_000) + '\nTHE END\n'))
    expect([early.matched, late.matched, calls]).toEqual([true, true, 1])
    expect(collector.tail.text()).toBe('xxxxxxx\nTHE END\n')
  })
})
