import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { BuildResult } from '../src/build/build.js'
import { CancelledError } from '../src/errors.js'
import { checkImageSize } from '../src/inventory/budget.js'
import { instruction, takeInventory, type Inventory } from '../src/inventory/inventory.js'
import { LABEL_MANAGED, LABEL_RUN } from '../src/labels.js'
import type { SmokeResult } from '../src/smoke/run.js'
import { testClient, testDocker } from './helpers/engine.js'

// The inventory against the real engine: a small image built here with three layers of known sizes,
// containers labelled with this file's run id (exited, created, running with a published port), and a
// smoke record of a container that cleanup already removed.

const docker = testDocker()

const client = testClient()
const suffix = Math.random().toString(16).slice(2, 10)
const runId = `test-inv-${suffix}`
const tag = `preflight-inv-${suffix}:test`
const names = {
  exited: `pf-inv-exited-${suffix}`,
  created: `pf-inv-created-${suffix}`,
  running: `pf-inv-up-${suffix}`
}
const labels = { [LABEL_MANAGED]: 'true', [LABEL_RUN]: runId, 'io.docker-preflight.role': 'smoke' }
const dir = mkdtempSync(join(tmpdir(), 'preflight-inv-'))
let imageId = ''
let imageSize = 0
const removedRecord = {
  id: 'f'.repeat(64),
  name: `pf-inv-gone-${suffix}`,
  command: 'echo gone',
  created: '2024-05-01T12:00:00.000Z',
  state: 'exited',
  ports: [],
  removed: true
}

beforeAll(async () => {
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      'FROM busybox:latest',
      'LABEL org.example.note="<script>alert(1)</script> | `x`"',
      'RUN head -c 300000 /dev/urandom > /big',
      'RUN head -c 200000 /dev/urandom > /mid',
      'RUN head -c 100000 /dev/urandom > /small',
      'COPY note.txt /note.txt',
      'CMD ["sleep", "60"]'
    ].join('\n')
  )
  writeFileSync(join(dir, 'note.txt'), 'hi\n')
  execFileSync('docker', ['build', '-q', '--label', `${LABEL_RUN}=${runId}`, '-t', tag, dir], {
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const inspected = await docker.getImage(tag).inspect()
  imageId = inspected.Id
  // The size as `docker image ls` shows it (see src/inventory/image-size.ts); on the containerd image
  // store inspect's Size is another number.
  const [listed] = await docker.listImages({ filters: { reference: [tag] } })
  imageSize = listed!.Size

  const create = (name: string, cmd: string[], extra: Record<string, unknown> = {}) =>
    docker.createContainer({ name, Image: tag, Cmd: cmd, Labels: labels, ...extra })
  const exited = await create(names.exited, ['sh', '-c', 'exit 3'])
  await exited.start()
  await exited.wait()
  await create(names.created, ['echo', '<b>|`hostile command`|</b>'])
  const running = await create(names.running, ['sleep', '60'], {
    ExposedPorts: { '8080/tcp': {} },
    HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } }
  })
  await running.start()
})

afterAll(async () => {
  for (const name of Object.values(names)) {
    await docker
      .getContainer(name)
      .remove({ force: true })
      .catch(() => {})
  }
  await docker
    .getImage(tag)
    .remove({ force: true })
    .catch(() => {})
  rmSync(dir, { recursive: true, force: true })
})

function built(): BuildResult {
  return {
    status: 'built',
    imageId,
    tags: [tag],
    sizeBytes: imageSize,
    problems: [],
    startedAt: '2024-05-01T12:00:00.000Z',
    finishedAt: '2024-05-01T12:00:01.200Z',
    durationMs: 1200,
    builder: 'classic',
    steps: []
  }
}

function smokeWithRemoved(): SmokeResult {
  return {
    status: 'passed',
    problems: [],
    startedAt: '2024-05-01T12:00:00.000Z',
    finishedAt: '2024-05-01T12:00:00.500Z',
    passed: true,
    durationMs: 500,
    results: [
      {
        name: 'gone',
        image: 'busybox',
        passed: true,
        exitCode: 0,
        durationMs: 500,
        reason: 'exited 0',
        outputTail: 'gone\n',
        outputTruncated: false,
        container: removedRecord
      }
    ]
  }
}

async function inventory(scope: 'run' | 'all', extra: { usedImages?: string[] } = {}): Promise<Inventory> {
  return takeInventory({
    client,
    scope,
    runId,
    build: built(),
    smoke: smokeWithRemoved(),
    usedImages: extra.usedImages ?? ['busybox'],
    signal: AbortSignal.timeout(30_000)
  })
}

describe('inventory, report-scope run', () => {
  let result: Inventory
  beforeAll(async () => {
    result = await inventory('run')
  })

  test('lists the built image first, with its layers in Dockerfile order, and the images it used', () => {
    expect(result.errors).toEqual([])
    const [image, ...others] = result.images
    expect(image).toMatchObject({
      id: imageId,
      shortId: imageId.slice(7, 19),
      tags: [tag],
      sizeBytes: imageSize,
      built: true,
      labels: expect.objectContaining({ 'org.example.note': '<script>alert(1)</script> | `x`' })
    })
    expect(image!.shortId).toMatch(/^[0-9a-f]{12}$/)
    expect(image!.created).toMatch(/^\d{4}-\d\d-\d\dT/)
    const instructions = image!.layers!.map(l => l.createdBy)
    const big = instructions.indexOf('RUN head -c 300000 /dev/urandom > /big')
    expect(big).toBeGreaterThanOrEqual(0)
    expect(instructions.slice(big)).toEqual([
      'RUN head -c 300000 /dev/urandom > /big',
      'RUN head -c 200000 /dev/urandom > /mid',
      'RUN head -c 100000 /dev/urandom > /small',
      expect.stringMatching(/^COPY file:[0-9a-f]+ in \/note\.txt$/),
      'CMD ["sleep" "60"]',
      `LABEL ${LABEL_RUN}=${runId}`
    ])
    expect(image!.layers![big]!.sizeBytes).toBeGreaterThanOrEqual(300_000)
    // busybox (used by a smoke entry, written without a tag), and nothing that this run did not touch.
    expect(others.map(i => i.tags).flat()).toContain('busybox:latest')
    expect(others.every(i => i.tags.some(t => t.includes('busybox')) || i.id === imageId)).toBe(true)
  })

  test('lists the run’s containers by label, and the ones cleanup removed from the smoke record', () => {
    const byName = new Map(result.containers.map(c => [c.name, c]))
    expect([...byName.keys()].sort()).toEqual(
      [names.exited, names.created, names.running, removedRecord.name].sort()
    )
    expect(byName.get(names.exited)).toMatchObject({
      image: tag,
      command: "sh -c 'exit 3'",
      state: 'exited',
      status: expect.stringMatching(/^Exited \(3\)/),
      exitCode: 3,
      ports: [],
      removed: false
    })
    expect(byName.get(names.created)).toMatchObject({ state: 'created', exitCode: undefined, removed: false })
    expect(byName.get(names.created)!.command).toContain('<b>|`hostile command`|</b>')
    expect(byName.get(names.running)).toMatchObject({ state: 'running', removed: false })
    expect(byName.get(names.running)!.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+->8080\/tcp$/)])
    expect(byName.get(removedRecord.name)).toMatchObject({
      id: removedRecord.id,
      image: 'busybox',
      command: 'echo gone',
      state: 'removed',
      exitCode: 0,
      created: removedRecord.created,
      removed: true
    })
    for (const c of result.containers) expect(c.created).toMatch(/^\d{4}-\d\d-\d\dT/)
  })
})

describe('inventory, report-scope all', () => {
  test('lists every image and container on the engine, ours among them', async () => {
    const result = await inventory('all')
    const tags = result.images.flatMap(i => i.tags)
    expect(tags).toEqual(expect.arrayContaining([tag, 'busybox:latest', 'hello-world:latest']))
    expect(result.images[0]!.built).toBe(true)
    expect(result.images.filter(i => i.layers).length).toBe(1)
    const containerNames = result.containers.map(c => c.name)
    expect(containerNames).toEqual(expect.arrayContaining([...Object.values(names), removedRecord.name]))
    // The seeded images by ID, as `docker image ls` shows them.
    const seeded = await Promise.all(
      ['busybox:latest', 'hello-world:latest'].map(r => docker.getImage(r).inspect())
    )
    for (const image of seeded) expect(result.images.map(i => i.id)).toContain(image.Id)
  })

  test('a cancelled inventory rejects with CancelledError', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      takeInventory({ client, scope: 'all', runId, usedImages: [], signal: controller.signal })
    ).rejects.toBeInstanceOf(CancelledError)
  })
})

describe('max-image-size against the built image', () => {
  test('passes when the image fits', async () => {
    const result = await inventory('run')
    expect(checkImageSize({ maxBytes: imageSize, build: built(), inventory: result })).toMatchObject({
      status: 'passed',
      problems: [],
      sizeBytes: imageSize
    })
    expect(checkImageSize({ maxBytes: undefined, build: built(), inventory: result })).toMatchObject({
      status: 'skipped',
      problems: []
    })
  })

  test('fails when larger, naming both sizes and the three largest layers with their instructions', async () => {
    const result = await inventory('run')
    const checked = checkImageSize({ maxBytes: 1_000_000, build: built(), inventory: result })
    expect(checked).toMatchObject({ status: 'failed', sizeBytes: imageSize, maxBytes: 1_000_000 })
    expect(checked.problems).toHaveLength(1)
    const message = checked.problems[0]!
    expect(message).toContain(`Image ${tag} is `)
    expect(message).toContain(
      `(${imageSize.toLocaleString('en-US')} bytes), over max-image-size 1MB (1,000,000 bytes).`
    )
    // The three largest layers here are busybox's base layer and the 300 kB and 200 kB RUN layers. A
    // graph driver's history counts the files' bytes; the containerd store's counts the snapshot's disk
    // use, whole 4 KiB blocks (moby daemon/containerd/image_history.go): 300,000 bytes are 307 kB there.
    const largest = /Largest layers: (.*)\.$/.exec(message)![1]!.split('; ')
    expect(largest).toHaveLength(3)
    expect(largest[1]).toMatch(/^3\d\dkB RUN head -c 300000 \/dev\/urandom > \/big$/)
    expect(largest[2]).toMatch(/^2\d\dkB RUN head -c 200000 \/dev\/urandom > \/mid$/)
    expect(message).not.toContain('/small')
  })
})

test('history instructions are trimmed to one line, as a Dockerfile says them', () => {
  expect(instruction('/bin/sh -c #(nop)  CMD ["sh"]')).toBe('CMD ["sh"]')
  expect(instruction('/bin/sh -c #(nop) COPY file:abc in / ')).toBe('COPY file:abc in /')
  expect(instruction('/bin/sh -c apk add \\\n    curl')).toBe('RUN apk add \\ curl')
  expect(instruction('|2 A=1 B=two /bin/sh -c make')).toBe('RUN make')
  expect(instruction('RUN /bin/sh -c make # buildkit')).toBe('RUN make')
  expect(instruction('COPY . /app # buildkit')).toBe('COPY . /app')
  expect(instruction('')).toBe('')
})
