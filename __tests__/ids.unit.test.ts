// src/ids.ts: random tokens without node:crypto, and the build's stable session key.
import { expect, test } from '@jest/globals'
import { randomBytes as cryptoRandomBytes } from 'node:crypto'
import { nodeCrypto, randomBytes, randomHex, randomUuid, stableKey } from '../src/ids.js'

test('random bytes: the size asked for, different every time, spread over all byte values', () => {
  expect(randomBytes(0)).toHaveLength(0)
  expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/)
  const seen = new Set(Array.from({ length: 50 }, () => randomHex(8)))
  expect(seen.size).toBe(50)
  // 64 KiB of them: every byte value turns up (a constant or a short cycle would not).
  expect(new Set(randomBytes(65536)).size).toBe(256)
})

test('random UUIDs are version 4, variant 1, like crypto.randomUUID()', () => {
  for (let i = 0; i < 20; i++)
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(randomUuid()).not.toBe(randomUuid())
})

test('stableKey is 64-bit FNV-1a: the published vectors, and the same text gives the same key', () => {
  expect(stableKey('')).toBe('cbf29ce484222325')
  expect(stableKey('a')).toBe('af63dc4c8601ec8c')
  expect(stableKey('foobar')).toBe('85944171f73967e8')
  const text = `runner:/home/runner/work/${cryptoRandomBytes(8).toString('hex')}`
  expect(stableKey(text)).toBe(stableKey(text))
  expect(stableKey(`${text}x`)).not.toBe(stableKey(text))
})

test('nodeCrypto is node:crypto itself', () => {
  expect(nodeCrypto().createHash('sha256').update('x').digest('hex')).toBe(
    '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881'
  )
})
