// The build stage against the real engine, with both builders.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { buildImage, type BuildResult } from '../src/build/build.js'
import { removeImageAndParents } from '../src/cleanup/remove-image.js'
import { CancelledError } from '../src/errors.js'
import { LABEL_RUN } from '../src/labels.js'
import { EngineClient } from '../src/engine/client.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import { httpResponse, startFailingProxy } from './helpers/fake-engine.js'
import { REGISTRY, testClient, testDocker } from './helpers/engine.js'
import {
  buildInput,
  containersMentioning,
  drain,
  filesInImage,
  makeTree,
  removeImages,
  suffix
} from './fixtures/build-support/helpers.js'

const docker = testDocker()
const client = testClient()
const images: (string | undefined)[] = []
const cleanups: (() => void)[] = []
afterAll(async () => {
  await removeImages(docker, images)
  for (const cleanup of cleanups) cleanup()
})

function tree(files: Record<string, string>): string {
  const made = makeTree(files)
  cleanups.push(made.cleanup)
  return made.dir
}

/** The untagged images `id` was built on, nearest first (the classic builder's intermediate images). */
async function untaggedAncestors(id: string): Promise<string[]> {
  const all = new Map((await client.images.list(undefined, undefined, { all: true })).map(i => [i.Id, i]))
  const found: string[] = []
  for (let parent = all.get(id)?.ParentId; parent; parent = all.get(parent)?.ParentId) {
    const image = all.get(parent)
    if (!image || (image.RepoTags ?? []).some(t => t !== '<none>:<none>')) break
    found.push(parent)
  }
  return found
}

function remember(result: BuildResult): BuildResult {
  if (result.status === 'built') images.push(...result.tags)
  images.push(result.imageId)
  return result
}

// A base image only the local registry has: pushed there, then removed from the engine, so a build
// FROM it must pull it.
const registryBase = `${REGISTRY}/pf-build-base:${suffix()}`
beforeAll(async () => {
  const dir = tree({ Dockerfile: `FROM busybox:latest\nRUN head -c 2000000 /dev/urandom > /blob\n` })
  const result = await buildImage(buildInput(client, dir, { tags: [registryBase], builder: 'classic' }))
  expect(result.status).toBe('built')
  // The registry needs no login, but the push endpoint insists on an X-Registry-Auth header.
  await drain(
    (await docker
      .getImage(registryBase)
      .push({ authconfig: { serveraddress: REGISTRY } })) as NodeJS.ReadableStream
  )
  await removeImages(docker, [registryBase])
})
afterAll(async () => {
  await removeImages(docker, [registryBase])
  // And from the registry, so runs do not pile up tags there.
  const [name, tag] = registryBase.slice(REGISTRY.length + 1).split(':')
  const manifest = `http://${REGISTRY}/v2/${name}/manifests`
  const head = await fetch(`${manifest}/${tag}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' }
  })
  const digest = head.headers.get('docker-content-digest')
  if (digest) await fetch(`${manifest}/${digest}`, { method: 'DELETE' })
})

describe.each(['buildkit', 'classic'] as const)('%s builder', builder => {
  test('builds a multi-stage Dockerfile up to the target, with build-args, tags and labels', async () => {
    const dir = tree({
      Dockerfile: [
        'FROM busybox:latest AS base',
        'ARG GREETING=hello',
        'RUN echo "$GREETING" > /greeting',
        'FROM base AS app',
        'RUN cp /greeting /app-greeting',
        'FROM app AS extra',
        'RUN touch /extra'
      ].join('\n')
    })
    const tags = [`pf-build-test/multi:${suffix()}`, `pf-build-test/multi:${suffix()}`]
    const input = buildInput(client, dir, {
      tags,
      target: 'app',
      buildArgs: { GREETING: 'bonjour' },
      labels: { 'org.example.team': 'platform' },
      builder
    })
    const result = remember(await buildImage(input))

    expect(result.failure).toBeUndefined()
    expect(result).toMatchObject({ status: 'built', builder, tags })
    expect(result.imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
    const image = await docker.getImage(tags[1]!).inspect()
    expect(image.Id).toBe(result.imageId)
    // The size `docker image ls` shows (README "Image size"): on the containerd store, not inspect's.
    const listed = await client.images.list({ reference: [tags[1]!] })
    expect(listed.map(i => i.Size)).toEqual([result.sizeBytes])
    expect(result.layers).toBe(image.RootFS.Layers?.length)
    expect(image.Config.Labels).toMatchObject({
      'org.example.team': 'platform',
      [LABEL_RUN]: input.env.runId
    })
    // Built up to `app`: its file is there, the later stage's is not; the build-arg reached RUN.
    expect(await filesInImage(docker, result.imageId!, '/app-greeting')).toEqual([])
    await expect(filesInImage(docker, result.imageId!, '/extra')).rejects.toThrow()
    const run = result.steps.find(s => s.instruction.includes('/app-greeting'))
    expect(run).toMatchObject({ line: 5 })
    expect(result.steps.find(s => s.instruction.includes('touch /extra'))).toBeUndefined()
    expect(result.steps.every(s => s.line !== undefined)).toBe(true)
    expect(input.log.groups).toContain(`Build ${tags[0]}`)

    // Built again: the steps come from the cache, and the builder says so.
    const again = remember(
      await buildImage(
        buildInput(client, dir, {
          tags: [tags[0]!],
          target: 'app',
          buildArgs: { GREETING: 'bonjour' },
          builder
        })
      )
    )
    expect(again.status).toBe('built')
    expect(again.steps.find(s => s.line === 5)?.cached).toBe(true)

    // Removed as the action's cleanup removes its images, the rebuild first (it shares the first build's
    // cached steps, and on the containerd store the engine's own pruning took those from under the first
    // build): neither image nor any untagged image they were built on is left.
    const made = [
      again.imageId!,
      result.imageId!,
      ...(await untaggedAncestors(again.imageId!)),
      ...(await untaggedAncestors(result.imageId!))
    ]
    if (builder === 'classic') expect(made.length).toBeGreaterThan(2) // the steps' intermediate images
    await removeImageAndParents(client, again.imageId!)
    await removeImageAndParents(client, result.imageId!)
    // Kept only where an image of another build (another test's, on the shared engine) builds on it.
    const left = await client.images.list(undefined, undefined, { all: true })
    const builtOnElsewhere = (id: string) => left.some(i => i.ParentId === id && !made.includes(i.Id))
    expect(made.filter(id => left.some(i => i.Id === id) && !builtOnElsewhere(id))).toEqual([])
  })

  test('.dockerignore patterns, ** and ! exceptions decide what is inside the image', async () => {
    const dir = tree({
      Dockerfile: 'FROM busybox:latest\nCOPY . /ctx\n',
      '.dockerignore': [
        '# build output and secrets stay out',
        '**/*.log',
        'secrets',
        '!**/keep.txt',
        'node_modules',
        '!node_modules/keep/**',
        'docs/*.md',
        '!docs/README.md',
        'Dockerfile'
      ].join('\n'),
      'app.js': 'x',
      'debug.log': 'x',
      'src/a.js': 'x',
      'src/deep/trace.log': 'x',
      'secrets/key.pem': 'x',
      'secrets/keep.txt': 'x',
      'node_modules/pkg/index.js': 'x',
      'node_modules/keep/index.js': 'x',
      'docs/guide.md': 'x',
      'docs/README.md': 'x',
      'docs/sub/notes.md': 'x'
    })
    const result = remember(
      await buildImage(buildInput(client, dir, { tags: [`pf-build-test/ignore:${suffix()}`], builder }))
    )
    expect(result.failure).toBeUndefined()
    const files = (await filesInImage(docker, result.imageId!, '/ctx')).filter(f => !f.endsWith('/'))
    // As with docker build: the Dockerfile named in .dockerignore stays out with both builders. The
    // classic CLI skips `secrets` whole (no exception starts with `secrets/`); BuildKit's file sync enters
    // it, since the exception `**/keep.txt` has a wildcard, and finds keep.txt (checked against docker
    // build in build-differential.test.ts).
    expect(files).toEqual([
      '.dockerignore',
      'app.js',
      'docs/README.md',
      'docs/sub/notes.md',
      'node_modules/keep/index.js',
      ...(builder === 'buildkit' ? ['secrets/keep.txt'] : []),
      'src/a.js'
    ])
    // Classic: the tar carries the Dockerfile too (the engine removes it once read). BuildKit: the files
    // whose content it asked for, secrets/keep.txt among them.
    expect(result.context).toMatchObject({ files: 7 })
  })

  test('a failing RUN points at its Dockerfile line, and leaves no container behind', async () => {
    const marker = `pf-fail-${suffix()}`
    const dir = tree({
      Dockerfile: [
        '# syntax is plain',
        'FROM busybox:latest',
        '',
        'RUN echo preparing',
        '# the next instruction fails',
        `RUN echo "about to fail ${marker}" && \\`,
        '    exit 3',
        'RUN echo never'
      ].join('\n')
    })
    const input = buildInput(client, dir, {
      tags: [`pf-build-test/fail:${suffix()}`],
      builder,
      noCache: true
    })
    const result = remember(await buildImage(input))
    expect(result.status).toBe('failed')
    expect(result.imageId).toBeUndefined()
    expect(result.failure).toMatchObject({ file: 'Dockerfile', line: 6 })
    expect(result.failure!.instruction).toMatch(/^RUN echo "about to fail .*exit 3$/)
    expect(result.failure!.message).toMatch(/exit code: 3|non-zero code: 3/)
    expect(result.failure!.tail.some(l => l.includes(`about to fail ${marker}`))).toBe(true)
    expect(result.failure!.tail.length).toBeLessThanOrEqual(30)
    expect(await containersMentioning(docker, marker)).toEqual([])
  })

  test('a Dockerfile syntax error points at the bad line', async () => {
    const dir = tree({ Dockerfile: 'FROM busybox:latest\nRUN echo ok\n\nCOPYY a b\n' })
    const result = await buildImage(
      buildInput(client, dir, { tags: [`pf-build-test/parse:${suffix()}`], builder })
    )
    expect(result.status).toBe('failed')
    expect(result.failure).toMatchObject({ line: 4, instruction: 'COPYY a b' })
    expect(result.failure!.message).toMatch(/unknown instruction: COPYY/i)
  })

  test('a base image that no registry has is reported at its FROM line', async () => {
    const missing = `${REGISTRY}/pf-no-such-image-${suffix()}:1`
    const dir = tree({ Dockerfile: `# base\nFROM ${missing}\nRUN true\n` })
    const result = await buildImage(
      buildInput(client, dir, { tags: [`pf-build-test/nobase:${suffix()}`], builder })
    )
    expect(result.status).toBe('failed')
    expect(result.failure).toMatchObject({ line: 2, instruction: `FROM ${missing}` })
    expect(result.failure!.message).toContain(`The base image ${missing} could not be pulled`)
  })

  test('pulls a base image from the local registry', async () => {
    const dir = tree({ Dockerfile: `FROM ${registryBase}\nRUN test -s /blob\n` })
    const input = buildInput(client, dir, {
      tags: [`pf-build-test/fromreg:${suffix()}`],
      builder,
      pull: true
    })
    const result = remember(await buildImage(input))
    images.push(registryBase) // the classic builder tags what it pulled
    expect(result.failure).toBeUndefined()
    expect(result.status).toBe('built')
    const log = input.log.untrustedText.join('\n')
    // Layers another test already pulled show as "Already exists" (BuildKit shares the layer store).
    expect(log).toMatch(
      builder === 'classic'
        ? /Pulling from pf-build-base[\s\S]*Downloaded newer image/
        : /sha256:[0-9a-f]{64}: done/
    )
    // Compact pull progress: a line per phase, not one per progress event.
    expect(log.split('\n').filter(l => /Downloading|Extracting/.test(l)).length).toBeLessThan(10)
  })

  test('build output that looks like workflow commands goes only through the untrusted block', async () => {
    const dir = tree({
      Dockerfile:
        'FROM busybox:latest\nRUN echo "::set-output name=x::y" && echo "text ##[error]boom" && echo "::add-mask::abc"\n'
    })
    const input = buildInput(client, dir, {
      tags: [`pf-build-test/untrusted:${suffix()}`],
      builder,
      noCache: true
    })
    const result = remember(await buildImage(input))
    expect(result.status).toBe('built')
    const untrusted = input.log.untrustedText.join('\n')
    expect(untrusted).toContain('\n::set-output name=x::y')
    expect(untrusted).toContain('text ##[error]boom')
    expect(untrusted).toContain('::add-mask::abc')
    const trusted = [...input.log.lines, ...input.log.annotations.map(a => a.message)].join('\n')
    expect(trusted).not.toMatch(/set-output|##\[error\]|add-mask/)
  })

  test('a cancelled build rejects with CancelledError and leaves no container and no image', async () => {
    const marker = `pf-cancel-${suffix()}`
    const tag = `pf-build-test/cancel:${suffix()}`
    const dir = tree({
      Dockerfile: `FROM busybox:latest\nRUN echo go-${marker}\nRUN echo started-${marker} && sleep 60\n`
    })
    const controller = new AbortController()
    const input = buildInput(
      client,
      dir,
      { tags: [tag], builder, noCache: true },
      { signal: controller.signal }
    )
    const watcher = setInterval(() => {
      if (input.log.untrustedText.some(t => t.includes(`started-${marker}`) && !t.includes('RUN')))
        controller.abort()
    }, 50)
    try {
      await expect(buildImage(input)).rejects.toBeInstanceOf(CancelledError)
    } finally {
      clearInterval(watcher)
    }
    expect(await containersMentioning(docker, marker)).toEqual([])
    await expect(docker.getImage(tag).inspect()).rejects.toMatchObject({ statusCode: 404 })
    // No intermediate image of this build either (the classic builder makes one per step).
    // Through the client: it lists again when the containerd store loses an image other tests remove.
    const leftovers = await client.images.list(undefined, undefined, { all: true })
    const histories = await Promise.all(
      leftovers
        .filter(i => i.Created * 1000 > Date.now() - 120_000)
        .map(i =>
          docker
            .getImage(i.Id)
            .inspect()
            .catch(() => undefined)
        )
    )
    expect(histories.filter(h => JSON.stringify(h?.ContainerConfig ?? {}).includes(marker))).toEqual([])
  })
})

describe('classic builder: an image the engine lost while it looked for cached steps', () => {
  // What dockerd 20.10 answered in CI when another test removed an image during the cache lookup.
  const lost = `unable to find image "sha256:${'0'.repeat(64)}"`
  // A build's reply: a 200, then the steps and the error as JSON lines, as the engine streams them.
  const engineSays = (message: string): string =>
    httpResponse(
      200,
      [
        { stream: 'Step 1/2 : FROM busybox:latest\n' },
        { stream: 'Step 2/2 : COPY . /ctx/\n' },
        { errorDetail: { message }, error: message }
      ]
        .map(line => `${JSON.stringify(line)}\r\n`)
        .join('')
    )
  const run = async (reply: string, times: number) => {
    const proxy = await startFailingProxy(/^POST \S*\/build\?/, reply, { times })
    try {
      const dir = tree({ Dockerfile: 'FROM busybox:latest\nCOPY . /ctx/\n', 'a.txt': 'a\n' })
      const proxied = new EngineClient(resolveEndpoint(proxy.host, process.env))
      const input = buildInput(proxied, dir, { tags: [`pf-build-test/lost:${suffix()}`], builder: 'classic' })
      const result = remember(await buildImage(input))
      const builds = proxy.requests.filter(r => r.method === 'POST' && r.path.startsWith('/build?')).length
      return { result, log: input.log, builds }
    } finally {
      await proxy.close()
    }
  }

  test('is built again, once, saying why; the second build is the result', async () => {
    const { result, log, builds } = await run(engineSays(lost), 1)
    expect(builds).toBe(2)
    expect(result).toMatchObject({ status: 'built', builder: 'classic', problems: [] })
    expect(log.lines).toContain(
      `The engine lost an image while it looked for cached build steps (${lost}): something removed images meanwhile. Building again.`
    )
    expect(log.annotations).toEqual([])
  })

  test('losing one again fails the build with the engine’s words: no third try', async () => {
    const { result, builds } = await run(engineSays(lost), 2)
    expect(builds).toBe(2)
    expect(result).toMatchObject({ status: 'failed', problems: [`Build failed: ${lost}`] })
  })

  test('any other engine error is not built again', async () => {
    const { result, log, builds } = await run(engineSays('no space left on device'), 1)
    expect(builds).toBe(1)
    expect(result.status).toBe('failed')
    expect(log.lines.join('\n')).not.toContain('Building again')
  })
})

describe('what is built and what is not', () => {
  test('build: auto without a Dockerfile skips the build, with the reason', async () => {
    const dir = tree({ 'README.md': 'no Dockerfile here' })
    const result = await buildImage(buildInput(client, dir, { tags: ['pf-build-test/none:1'], mode: 'auto' }))
    expect(result).toMatchObject({ status: 'skipped', skippedReason: 'there is no Dockerfile at Dockerfile' })
  })

  test('build: true without a Dockerfile fails with a clear message', async () => {
    const dir = tree({ 'README.md': 'no Dockerfile here' })
    const result = await buildImage(buildInput(client, dir, { tags: ['pf-build-test/none:1'], mode: 'true' }))
    expect(result.status).toBe('failed')
    expect(result.failure!.message).toMatch(/^There is no Dockerfile at Dockerfile\. Set the file input/)
  })

  test('build: false skips the build', async () => {
    const dir = tree({ Dockerfile: 'FROM busybox:latest\n' })
    const result = await buildImage(
      buildInput(client, dir, { tags: ['pf-build-test/none:1'], mode: 'false' })
    )
    expect(result).toMatchObject({ status: 'skipped', skippedReason: 'build is false' })
  })

  // The classic builder's request carries the base images' credentials, so its Dockerfile is parsed (and
  // the target checked) before anything is sent; BuildKit's build starts first and is stopped.
  test.each(['classic', 'buildkit'] as const)(
    'an unknown target fails naming the stages there are, and builds nothing (%s)',
    async builder => {
      const dir = tree({ Dockerfile: 'FROM busybox:latest AS build\nFROM build AS runtime\n' })
      const tag = `pf-build-test/none:${suffix()}`
      const result = await buildImage(buildInput(client, dir, { tags: [tag], target: 'tests', builder }))
      expect(result.status).toBe('failed')
      expect(result.failure!.message).toBe(
        'The target stage "tests" is not in Dockerfile (its named stages: build, runtime).'
      )
      expect(await client.images.inspect(tag)).toBeUndefined()
    }
  )

  test('a Dockerfile outside the context is sent along, as with docker build -f', async () => {
    const dir = tree({
      'docker/app.Dockerfile': 'FROM busybox:latest\nCOPY . /ctx\n',
      'app/main.txt': 'main'
    })
    const tag = `pf-build-test/outside:${suffix()}`
    const result = remember(
      await buildImage(
        buildInput(client, dir, {
          tags: [tag],
          context: join(dir, 'app'),
          file: join(dir, 'docker/app.Dockerfile')
        })
      )
    )
    expect(result.failure).toBeUndefined()
    const files = await filesInImage(docker, result.imageId!, '/ctx')
    expect(files).toContain('main.txt')
  })
})
