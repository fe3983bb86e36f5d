// cache-from on a real engine: an image pushed to the local registry and gone from the engine that builds
// serves as the cache of a later build of the same Dockerfile, and the build's steps say so (CACHED /
// "Using cache" in the log, cached steps in the result the summary counts). Each run pushes to a
// repository of its own, so runs never find each other's images.
import { afterAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { buildImage } from '../src/build/build.js'
import type { BuildResult } from '../src/build/types.js'
import type { EngineClient } from '../src/engine/client.js'
import type Docker from 'dockerode'
import { REGISTRY, testClient, testDocker } from './helpers/engine.js'
import { imageStoreOf } from '../src/engine/image-store.js'
import { secondEngineUnavailable, startSecondEngine } from './helpers/second-dockerd.js'
import { buildInput, drain, makeTree, removeImages, suffix } from './fixtures/build-support/helpers.js'

const docker = testDocker()
const client = testClient()
const images: string[] = []
const cleanups: (() => void)[] = []
afterAll(async () => {
  await removeImages(docker, images)
  for (const cleanup of cleanups) cleanup()
})

function dockerfile(base = 'busybox:latest'): Record<string, string> {
  // A value of this run's own, so no other build on the engine has these steps cached.
  const marker = randomBytes(8).toString('hex')
  return {
    Dockerfile: `FROM ${base}\nRUN echo ${marker} > /marker\nRUN cp /marker /copy\n`
  }
}

async function push(on: Docker, ref: string): Promise<void> {
  // The registry needs no login, but the push endpoint insists on an X-Registry-Auth header.
  await drain(
    (await on.getImage(ref).push({ authconfig: { serveraddress: REGISTRY } })) as NodeJS.ReadableStream
  )
}

async function build(
  on: EngineClient,
  dir: string,
  tag: string,
  builder: 'classic' | 'buildkit',
  extra: { cacheFrom?: string[]; buildArgs?: Record<string, string> } = {}
): Promise<{ result: BuildResult; log: string; warnings: string[] }> {
  const input = buildInput(on, dir, { tags: [tag], builder, ...extra })
  const result = await buildImage(input)
  expect(result.failure?.message).toBeUndefined()
  expect(result.status).toBe('built')
  const warnings = input.log.annotations.filter(a => a.level === 'warning').map(a => a.message)
  return { result, log: input.log.untrustedText.join('\n'), warnings }
}

const store = imageStoreOf(await client.system.info())

const runSteps = (result: BuildResult) => (result.steps ?? []).filter(s => /^RUN /i.test(s.instruction))

describe('cache-from', () => {
  test('classic: a pulled image given as cache-from makes the steps "Using cache" (containerd store: built without it, with a warning); without it they run', async () => {
    const { dir, cleanup } = makeTree(dockerfile())
    cleanups.push(cleanup)
    const cacheRef = `${REGISTRY}/pf-cache-from-${suffix()}:classic`
    images.push(cacheRef)
    await build(client, dir, cacheRef, 'classic')
    await push(docker, cacheRef)
    // Gone with its intermediate images (the local cache), then pulled back: a pulled image has no
    // parent chain, so only cache-from can make the classic builder use it.
    await removeImages(docker, [cacheRef])
    await drain((await docker.pull(cacheRef)) as NodeJS.ReadableStream)

    const plainTag = `pf-cache-from/plain:${suffix()}`
    images.push(plainTag)
    const plain = await build(client, dir, plainTag, 'classic')
    expect(runSteps(plain.result).map(s => s.cached)).toEqual([false, false])
    expect(plain.log).not.toContain('Using cache')
    await removeImages(docker, [plainTag])

    const tag = `pf-cache-from/app:${suffix()}`
    images.push(tag)
    if (store === 'containerd') {
      // This store's classic builder fails a build that restores a layer-less cached step (see
      // usableCacheFrom in src/build/build.ts): the action builds without the cache and says why.
      const uncached = await build(client, dir, tag, 'classic', { cacheFrom: [cacheRef] })
      expect(runSteps(uncached.result).map(s => s.cached)).toEqual([false, false])
      expect(uncached.warnings.join('\n')).toMatch(
        /^cache-from is not used: the classic builder on the containerd image store cannot restore cached steps/
      )
      return
    }
    const cached = await build(client, dir, tag, 'classic', { cacheFrom: [cacheRef] })
    expect(cached.warnings).toEqual([])
    expect(runSteps(cached.result).map(s => s.cached)).toEqual([true, true])
    expect(cached.log).toMatch(/RUN echo [0-9a-f]+ > \/marker\n ---> Using cache\n/)
    expect(cached.log).toMatch(/RUN cp \/marker \/copy\n ---> Using cache\n/)
  }, 180_000)

  // Open defect (issue 12): on dockerd 28 with the containerd image store, the same build's steps come
  // back not cached; not yet understood, so it is skipped there by name rather than asserted either way.
  const unavailable =
    secondEngineUnavailable() ??
    (store === 'containerd'
      ? 'cache-from with BuildKit is not honoured on the containerd image store yet (open in issue 12)'
      : undefined)
  if (unavailable) console.warn(`BuildKit cache-from test skipped: ${unavailable}`)
  ;(unavailable ? test.skip : test)(
    'BuildKit: an image built elsewhere with inline cache, given as cache-from, makes the steps CACHED',
    async () => {
      // The base from the registry: both daemons then see the same manifest, so the same cache keys (a
      // base loaded into each store separately has a digest of that store's making).
      const { dir, cleanup } = makeTree(dockerfile(`${REGISTRY}/busybox:latest`))
      cleanups.push(cleanup)
      const cacheRef = `${REGISTRY}/pf-cache-from-${suffix()}:buildkit`
      // Built and pushed by another daemon, so this engine's BuildKit has nothing of it cached locally.
      const other = await startSecondEngine(['busybox:latest'])
      try {
        await build(other.client, dir, cacheRef, 'buildkit', { buildArgs: { BUILDKIT_INLINE_CACHE: '1' } })
        await push(other.docker, cacheRef)
      } finally {
        await other.dispose()
      }

      const tag = `pf-cache-from/app:${suffix()}`
      images.push(tag)
      const cached = await build(client, dir, tag, 'buildkit', { cacheFrom: [cacheRef] })
      expect(runSteps(cached.result).map(s => s.cached)).toEqual([true, true])
      expect(cached.log).toMatch(/RUN echo [0-9a-f]+ > \/marker.*: cached/)
    },
    240_000
  )
})
