// Random tokens and names, and the one stable key a build needs, without node:crypto on the default run:
// loading node:crypto costs ~3.6 MB of memory on Node 24 (its modules and OpenSSL's start-up), and the run
// needs no other part of it (BENCHMARKS.md, issue 14). Random bytes come from the kernel's generator
// (/dev/urandom, what node:crypto's own randomBytes draws on); where there is none (Windows), from
// node:crypto, loaded then.
import { closeSync, openSync, readSync } from 'node:fs'
import module from 'node:module'

/** `size` cryptographically random bytes. */
export function randomBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size)
  let fd: number
  try {
    fd = openSync('/dev/urandom', 'r')
  } catch {
    return nodeCrypto().randomBytes(size)
  }
  try {
    for (let filled = 0; filled < size;) {
      const read = readSync(fd, bytes, filled, size - filled, null)
      if (read <= 0) throw new Error('/dev/urandom returned no bytes')
      filled += read
    }
  } finally {
    closeSync(fd)
  }
  return bytes
}

/**
 * node:crypto, loaded on first call. Synchronously, as an ES module cannot `require`: getBuiltinModule
 * (Node 20.16+), else a require made for this file (written as a property call: the bundler replaces a
 * bare `createRequire(import.meta.url)(…)` with its own resolution, which has no node:crypto).
 */
export function nodeCrypto(): typeof import('node:crypto') {
  const withBuiltins = process as { getBuiltinModule?: (id: string) => unknown }
  const loaded = withBuiltins.getBuiltinModule
    ? withBuiltins.getBuiltinModule('node:crypto')
    : module.createRequire(import.meta.url)('node:crypto')
  return loaded as typeof import('node:crypto')
}

export function randomHex(size: number): string {
  return randomBytes(size).toString('hex')
}

/** A random (version 4) UUID, as crypto.randomUUID() writes one. */
export function randomUuid(): string {
  const bytes = randomBytes(16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * The same 16 hex digits for the same text (64-bit FNV-1a over its UTF-8): a key that only has to be
 * stable and, in practice, distinct — not secret, not collision-proof against someone trying.
 */
export function stableKey(text: string): string {
  let hash = 0xcbf29ce484222325n
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= BigInt(byte)
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return hash.toString(16).padStart(16, '0')
}
