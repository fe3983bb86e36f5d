import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyseEfficiency } from '../src/efficiency/efficiency.js'
import { testClient } from './helpers/engine.js'

// dive's definition (wagoodman/dive dive/filetree/efficiency.go), written out by hand for the case the
// issue names: layer A writes /f (300 kB), layer B overwrites it (300 kB), layer C deletes it.
// - /f is a leaf in A (300 000), in B (300 000), and a whiteout of a *file* in C, which dive counts as 0.
//   cumulative(/f) = 600 000, minimum(/f) = 0, seen in 3 layers → an inefficiency.
// - wastedBytes = Σ cumulative of inefficiencies = 600 000 (+ nothing from the base, see below).
// - score = Σ minimum / Σ cumulative over every path = (base + 0) / (base + 600 000), where `base` is the
//   Σ of busybox's own file sizes, each written once (minimum = cumulative), plus the COPY'd file.
const FILE = 300_000
const client = testClient()
const tag = `docker-preflight/efficiency-test:${process.pid}`
let dir: string
/** COPY Dockerfile /copied: one more path written once. */
let dockerfileBytes: number

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'efficiency-'))
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      'FROM busybox',
      `RUN head -c ${FILE} /dev/urandom > /f`,
      `RUN head -c ${FILE} /dev/urandom > /f`,
      'RUN rm /f',
      'COPY Dockerfile /copied'
    ].join('\n')
  )
  dockerfileBytes = statSync(join(dir, 'Dockerfile')).size
  execFileSync('docker', ['build', '-q', '--network', 'none', '-t', tag, dir], {
    env: { ...process.env, DOCKER_BUILDKIT: '0' }
  })
})

afterAll(() => {
  execFileSync('docker', ['rmi', '-f', tag])
  rmSync(dir, { recursive: true, force: true })
})

/**
 * Σ of the file sizes in busybox's one layer, read with the docker and tar CLIs, not our reader. The
 * export's manifest.json names the layer (`<id>/layer.tar` on 20.10, `blobs/sha256/<hex>` on the
 * containerd store, where GNU tar sees by itself that it is compressed).
 */
function busyboxBytes(): number {
  const out = mkdtempSync(join(tmpdir(), 'busybox-save-'))
  try {
    execFileSync('sh', ['-c', `docker save busybox | tar -x -C ${out}`])
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { Layers: string[] }[]
    expect(manifest[0]!.Layers).toHaveLength(1)
    const listing = execFileSync('tar', ['-tvf', join(out, manifest[0]!.Layers[0]!)], {
      maxBuffer: 64 * 1024 * 1024
    }).toString()
    let total = 0
    for (const line of listing.split('\n')) {
      const fields = line.trim().split(/\s+/)
      // `-rwxr-xr-x 0/0 1131168 2024-05-01 00:00 bin/busybox`; links and dirs are 0 or not `-`.
      if (fields[0]?.startsWith('-')) total += Number(fields[2])
    }
    return total
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

test('write 300 kB, overwrite it, delete it: wasted bytes and efficiency equal dive’s by hand', async () => {
  const result = await analyseEfficiency({ client, image: tag, name: tag, options: {} })
  expect(result.problems).toEqual([])
  const base = busyboxBytes()
  expect(base).toBeGreaterThan(100_000)
  expect(result.wastedBytes).toBe(2 * FILE)
  const once = base + dockerfileBytes
  expect(result.efficiency).toBeCloseTo(once / (once + 2 * FILE), 12)
  expect(result.largest[0]).toEqual({
    path: '/f',
    wastedBytes: 2 * FILE,
    layers: [
      { number: 2, bytes: FILE, removed: false },
      { number: 3, bytes: FILE, removed: false },
      { number: 4, bytes: 0, removed: true }
    ]
  })
  expect(result.layers.map(l => l.wastedBytes)).toEqual([0, FILE, FILE, 0, 0])
  expect(result.layers[3]!.createdBy).toBe('RUN rm /f')
  expect(result.layers[4]!.createdBy).toMatch(/^COPY /)
})

test('max-wasted-bytes and min-efficiency fail with the figures and the largest path', async () => {
  const result = await analyseEfficiency({
    client,
    image: tag,
    name: tag,
    options: { maxWastedBytes: 500_000, minEfficiency: 0.99 }
  })
  expect(result.status).toBe('failed')
  expect(result.problems).toEqual([
    `Image ${tag} wastes 600kB (600,000 bytes), over max-wasted-bytes 500kB. Largest: /f (600kB in layers 2, 3, 4).`,
    expect.stringMatching(
      new RegExp(
        `^Image ${tag.replace(/[.:/]/g, '\\$&')} is \\d+(\\.\\d+)?% efficient, under min-efficiency 99%\\.`
      )
    )
  ])
  const passing = await analyseEfficiency({
    client,
    image: tag,
    name: tag,
    options: { maxWastedBytes: 600_000, minEfficiency: 0.5 }
  })
  expect(passing.status).toBe('passed')
})

test('an image that is not there is the stage’s error, in one sentence', async () => {
  const result = await analyseEfficiency({
    client,
    image: 'docker-preflight/no-such-image:nope',
    name: 'docker-preflight/no-such-image:nope',
    options: {}
  })
  expect(result.status).toBe('error')
  expect(result.problems).toEqual([
    expect.stringMatching(
      /^Could not analyse the efficiency of docker-preflight\/no-such-image:nope: .*(no such image|not found|reference does not exist)/i
    )
  ])
})
