// cache-from on a real engine: an image pushed to the local registry and gone from the engine that builds
// serves as the cache of a later build of the same Dockerfile, and the build's steps say so (CACHED /
// "Using cache" in the log, cached steps in the result the summary counts). Each run pushes to a
// repository of its own, so runs never find each other's images.
import { afterAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { buildImage } from '../src/build/build.js'
import type { BuildResult } from '../src/build/types.js'
import { EngineClient } from '../src/engine/client.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import Docker from 'dockerode'
import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { REGISTRY, testClient, testDocker } from './helpers/engine.js'
import { imageStoreOf } from '../src/engine/image-store.js'
import { compareVersions } from '../src/engine/version.js'
import { secondEngineUnavailable, startSecondEngine } from './helpers/second-dockerd.js'
import { buildInput, drain, makeTree, removeImages, suffix } from './fixtures/build-support/helpers.js'

const run = promisify(execFile)
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

// dockerd 20.10 embeds BuildKit 0.8; the engine bed's dockerd 28.5 (either store) a current BuildKit.
const version = await client.system.version()
const legacyBuildKit =
  (compareVersions(String(version.Version ?? '0').replace(/[^0-9.].*$/, ''), '23.0') ?? -1) < 0
// The other daemon that makes the cache image: one of the same BuildKit generation (see below).
const producer = legacyBuildKit
  ? 'dockerd 20.10'
  : store === 'containerd'
    ? 'dockerd 28'
    : 'dockerd 28 (containerd store)'

/** A disposable dockerd 20.10 beside a 20.10 engine; beside a dockerd 28, the engine bed's other one. */
async function otherDaemon(): Promise<{
  client: EngineClient
  docker: Docker
  dispose: (ref: string) => Promise<void>
}> {
  if (legacyBuildKit) {
    const other = await startSecondEngine(['busybox:latest'])
    return { client: other.client, docker: other.docker, dispose: () => other.dispose() }
  }
  // Shared: only the image made here is removed from it.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PREFLIGHT_ENGINE: store === 'containerd' ? '28' : '28-containerd'
  }
  delete env.DOCKER_HOST // the script refuses a DOCKER_HOST naming another engine
  execFileSync('bash', ['scripts/engine.sh', 'up'], { env, stdio: 'ignore', timeout: 600_000 })
  const host = execFileSync('bash', ['scripts/engine.sh', 'host'], { env }).toString().trim()
  const endpoint = resolveEndpoint(host, process.env)
  const docker = new Docker(endpoint.options)
  return {
    client: new EngineClient(endpoint),
    docker,
    dispose: ref => removeImages(docker, [ref])
  }
}

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

  // Which daemon makes the cache image matters. dockerd 20.10's BuildKit (0.8) writes inline-cache records
  // without the input selectors a current BuildKit keys RUN steps with, so dockerd 28.5 (graph driver or
  // containerd store) finds no step in such an image, and neither does `docker buildx build --cache-from`
  // against it (measured, and asserted below): docker's behaviour, not the action's. So the cache image
  // is made by a daemon of the engine's own BuildKit generation, as a nightly on a current runner would.
  const unavailable = legacyBuildKit ? secondEngineUnavailable() : undefined
  if (unavailable) console.warn(`BuildKit cache-from test skipped: ${unavailable}`)
  ;(unavailable ? test.skip : test)(
    `BuildKit: an image built by another daemon with inline cache, given as cache-from, makes the steps CACHED (${store} store; made by ${producer})`,
    async () => {
      // The base from the registry: both daemons then see the same manifest, so the same cache keys (a
      // base loaded into each store separately has a digest of that store's making).
      const { dir, cleanup } = makeTree(dockerfile(`${REGISTRY}/busybox:latest`))
      cleanups.push(cleanup)
      const cacheRef = `${REGISTRY}/pf-cache-from-${suffix()}:buildkit`
      // Built and pushed by another daemon, so this engine's BuildKit has nothing of it cached locally.
      const other = await otherDaemon()
      try {
        await build(other.client, dir, cacheRef, 'buildkit', { buildArgs: { BUILDKIT_INLINE_CACHE: '1' } })
        await push(other.docker, cacheRef)
      } finally {
        await other.dispose(cacheRef)
      }

      const tag = `pf-cache-from/app:${suffix()}`
      images.push(tag)
      const cached = await build(client, dir, tag, 'buildkit', { cacheFrom: [cacheRef] })
      expect(cached.warnings).toEqual([])
      expect(runSteps(cached.result).map(s => s.cached)).toEqual([true, true])
      expect(cached.log).toMatch(/RUN echo [0-9a-f]+ > \/marker.*: cached/)
    },
    240_000
  )

  // The same cache image given to `docker buildx build --cache-from` (buildx 0.29 from Debian forky, as a
  // CLI plugin in a config directory of the test's own) and to the action: each build uses it exactly when
  // the other does. Made by dockerd 20.10, it is used by dockerd 20.10 and by no dockerd 28.5 (see above):
  // the action's result is docker's, with no warning either way.
  const noSecond = secondEngineUnavailable()
  ;(noSecond ? test.skip : test)(
    'BuildKit: a cache image made by dockerd 20.10 is used by the action exactly when docker buildx uses it',
    async () => {
      const { stdout } = await run('bash', ['scripts/forky.sh', 'fetch', 'docker-buildx'], {
        maxBuffer: 16 * 1024 * 1024
      })
      const config = mkdtempSync(join(tmpdir(), 'pf-cache-config-'))
      cleanups.push(() => rmSync(config, { recursive: true, force: true }))
      mkdirSync(join(config, 'cli-plugins'))
      symlinkSync(
        join(stdout.trim().split('\n').pop()!, 'usr/libexec/docker/cli-plugins/docker-buildx'),
        join(config, 'cli-plugins/docker-buildx')
      )
      // Two Dockerfiles with steps of their own, so neither build finds the other's steps in this
      // engine's local cache.
      const trees = [
        makeTree(dockerfile(`${REGISTRY}/busybox:latest`)),
        makeTree(dockerfile(`${REGISTRY}/busybox:latest`))
      ]
      for (const tree of trees) cleanups.push(tree.cleanup)
      const refs = trees.map((_, i) => `${REGISTRY}/pf-cache-from-${suffix()}:v20-${i}`)
      const other = await startSecondEngine(['busybox:latest'])
      try {
        for (const [i, tree] of trees.entries()) {
          await build(other.client, tree.dir, refs[i]!, 'buildkit', {
            buildArgs: { BUILDKIT_INLINE_CACHE: '1' }
          })
          await push(other.docker, refs[i]!)
        }
      } finally {
        await other.dispose()
      }

      const theirs = `pf-cache-from/buildx:${suffix()}`
      images.push(theirs)
      const { stdout: buildxLog, stderr } = await run(
        'docker',
        [
          'buildx',
          'build',
          '--progress=plain',
          '--load',
          '--cache-from',
          `type=registry,ref=${refs[0]}`,
          '-t',
          theirs,
          trees[0]!.dir
        ],
        {
          env: { ...process.env, DOCKER_CONFIG: config, DOCKER_CLI_HINTS: 'false' },
          maxBuffer: 16 * 1024 * 1024
        }
      )
      // Plain progress: `#6 [2/3] RUN echo ... > /marker`, then `#6 CACHED` when the step came from cache.
      const output = buildxLog + stderr
      const buildxCached = [/RUN echo [0-9a-f]+ > \/marker$/, /RUN cp \/marker \/copy$/].map(step => {
        const line = output.split('\n').find(l => /^#\d+ \[/.test(l) && step.test(l))
        const id = line?.match(/^#(\d+) /)?.[1]
        return id !== undefined && output.split('\n').includes(`#${id} CACHED`)
      })

      const tag = `pf-cache-from/app:${suffix()}`
      images.push(tag)
      const ours = await build(client, trees[1]!.dir, tag, 'buildkit', { cacheFrom: [refs[1]!] })
      expect(ours.warnings).toEqual([])
      expect({ store, cached: runSteps(ours.result).map(s => s.cached) }).toEqual({
        store,
        cached: buildxCached
      })
      expect(buildxCached).toEqual(legacyBuildKit ? [true, true] : [false, false])
    },
    300_000
  )
})
