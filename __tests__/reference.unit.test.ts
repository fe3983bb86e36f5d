// One image reference value: every place that compares or rewrites references agrees with this table.
import { describe, expect, test } from '@jest/globals'
import { registryOf } from '../src/build/credentials.js'
import { parseDockerfile, stageWithBase } from '../src/build/dockerfile.js'
import {
  ImageReference,
  familiarReference,
  isImageId,
  isValidTag,
  sameReference
} from '../src/image/reference.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

// text, registry, path, canonical, familiar
const TABLE: [string, string, string, string, string][] = [
  ['busybox', 'docker.io', 'library/busybox', 'docker.io/library/busybox:latest', 'busybox:latest'],
  ['busybox:1.36', 'docker.io', 'library/busybox', 'docker.io/library/busybox:1.36', 'busybox:1.36'],
  ['docker.io/busybox', 'docker.io', 'library/busybox', 'docker.io/library/busybox:latest', 'busybox:latest'],
  [
    'docker.io/library/busybox',
    'docker.io',
    'library/busybox',
    'docker.io/library/busybox:latest',
    'busybox:latest'
  ],
  [
    'index.docker.io/library/busybox:latest',
    'docker.io',
    'library/busybox',
    'docker.io/library/busybox:latest',
    'busybox:latest'
  ],
  ['library/busybox', 'docker.io', 'library/busybox', 'docker.io/library/busybox:latest', 'busybox:latest'],
  ['team/app:2', 'docker.io', 'team/app', 'docker.io/team/app:2', 'team/app:2'],
  ['docker.io/library/a/b', 'docker.io', 'library/a/b', 'docker.io/library/a/b:latest', 'library/a/b:latest'],
  ['ghcr.io/o/i', 'ghcr.io', 'o/i', 'ghcr.io/o/i:latest', 'ghcr.io/o/i:latest'],
  [
    '127.0.0.1:5000/busybox',
    '127.0.0.1:5000',
    'busybox',
    '127.0.0.1:5000/busybox:latest',
    '127.0.0.1:5000/busybox:latest'
  ],
  ['localhost/i', 'localhost', 'i', 'localhost/i:latest', 'localhost/i:latest'],
  ['localhost:5000/a/b:t', 'localhost:5000', 'a/b', 'localhost:5000/a/b:t', 'localhost:5000/a/b:t'],
  [
    'registry-1.docker.io/x',
    'registry-1.docker.io',
    'x',
    'registry-1.docker.io/x:latest',
    'registry-1.docker.io/x:latest'
  ],
  [
    `busybox@${DIGEST}`,
    'docker.io',
    'library/busybox',
    `docker.io/library/busybox@${DIGEST}`,
    `busybox@${DIGEST}`
  ],
  [
    `busybox:1@${DIGEST}`,
    'docker.io',
    'library/busybox',
    `docker.io/library/busybox:1@${DIGEST}`,
    `busybox:1@${DIGEST}`
  ]
]

describe('ImageReference', () => {
  test.each(TABLE)('%s', (text, registry, path, canonical, familiar) => {
    const ref = ImageReference.parse(text)!
    expect(ref).toBeDefined()
    expect([ref.registry, ref.path, ref.canonical, ref.familiar]).toEqual([
      registry,
      path,
      canonical,
      familiar
    ])
    expect(ref.equals(canonical)).toBe(true)
    expect(ref.equals(familiar)).toBe(true)
    expect(registryOf(text)).toBe(registry)
  })

  test.each(['', 'Busybox', 'busybox:', 'a b', 'busybox@sha256:12', 'a@b@c', ':tag'])(
    '%p is not a reference',
    text => expect(ImageReference.parse(text)).toBeUndefined()
  )

  test('different names, tags, registries and digests are different', () => {
    expect(sameReference('busybox', 'busybox:1')).toBe(false)
    expect(sameReference('busybox', 'team/busybox')).toBe(false)
    expect(sameReference('busybox', '127.0.0.1:5000/busybox')).toBe(false)
    expect(sameReference('busybox', `busybox@${DIGEST}`)).toBe(false)
    expect(sameReference('not a ref', 'not a ref')).toBe(false)
  })

  test('tags (for the tags input) and image IDs', () => {
    expect(isValidTag('127.0.0.1:5000/app:1.2')).toBe(true)
    expect(isValidTag(`busybox@${DIGEST}`)).toBe(false)
    expect(isImageId('0123456789ab')).toBe(true)
    expect(isImageId(DIGEST)).toBe(true)
    expect(isImageId('busybox')).toBe(false)
  })
})

test('FROM docker.io/busybox, FROM busybox and FROM index.docker.io/library/busybox:latest are one base image', async () => {
  for (const from of ['docker.io/busybox', 'busybox', 'index.docker.io/library/busybox:latest']) {
    const dockerfile = await parseDockerfile(`FROM ${from} AS base\nRUN true\n`)
    // The engine names the missing image in any of these spellings.
    for (const named of ['busybox:latest', 'docker.io/library/busybox:latest', 'index.docker.io/busybox']) {
      expect(stageWithBase(dockerfile, named, {})?.name).toBe('base')
    }
  }
})

describe('familiarReference: names as the docker CLI shows them (Podman reports them fully qualified)', () => {
  test.each([
    ['docker.io/library/busybox:latest', 'busybox:latest'],
    ['docker.io/library/preflight-inv:test', 'preflight-inv:test'],
    ['docker.io/team/app:1', 'team/app:1'],
    ['busybox', 'busybox'],
    ['busybox:latest', 'busybox:latest'],
    ['127.0.0.1:5000/app:1', '127.0.0.1:5000/app:1'],
    ['localhost/hc:1', 'localhost/hc:1'],
    ['docker.io/library/busybox@sha256:' + 'a'.repeat(64), 'busybox@sha256:' + 'a'.repeat(64)],
    ['sha256:' + 'b'.repeat(64), 'sha256:' + 'b'.repeat(64)],
    ['76ffe6e85c71', '76ffe6e85c71'],
    ['not a reference', 'not a reference']
  ])('%s → %s', (given, shown) => {
    expect(familiarReference(given)).toBe(shown)
  })
})
