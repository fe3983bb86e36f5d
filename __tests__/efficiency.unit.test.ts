import { diveEfficiency } from '../src/efficiency/dive.js'
import { attachLines, type EfficiencyLayer, type EfficiencyResult } from '../src/efficiency/efficiency.js'

// dive's definition (wagoodman/dive dive/filetree/efficiency.go) on hand-made layer listings.

test('write 300 kB, overwrite it, delete it, beside a 100 kB file written once: by hand', () => {
  // /f: 300 000 + 300 000 + 0 (a whiteout of a file counts 0) = 600 000 cumulative, minimum 0, 3 layers.
  // /keep: 100 000 cumulative, minimum 100 000, 1 layer.
  // wasted = Σ cumulative of paths in ≥ 2 layers = 600 000; score = Σ minimum / Σ cumulative = 100 000 / 700 000.
  const result = diveEfficiency([
    [
      { name: 'f', size: 300_000, isDir: false },
      { name: 'keep', size: 100_000, isDir: false }
    ],
    [{ name: 'f', size: 300_000, isDir: false }],
    [{ name: '.wh.f', size: 0, isDir: false }]
  ])
  expect(result.wastedBytes).toBe(600_000)
  expect(result.score).toBe(100_000 / 700_000)
  expect(result.wastedBytesPerLayer).toEqual([300_000, 300_000, 0])
  expect(result.inefficiencies.map(p => p.path)).toEqual(['/f'])
})

test('a removed directory counts everything under it; a whiteout of a missing path ends its layer', () => {
  // By hand: /d/a (10) and /d/b (20) in layer 0, /d removed in layer 1 → /d counts 0 + 10 + 20 = 30.
  // dive visits only leaves, so /d (a directory with children) is not a path in layer 0: its
  // removal is seen once, not wasted; /d/a and /d/b stay single too.
  const removedDir = diveEfficiency([
    [
      { name: 'd/', size: 0, isDir: true },
      { name: 'd/a', size: 10, isDir: false },
      { name: 'd/b', size: 20, isDir: false }
    ],
    [{ name: '.wh.d', size: 0, isDir: false }]
  ])
  expect(removedDir.wastedBytes).toBe(0)
  // Σ minimum = 10 + 20 + 30, Σ cumulative = 10 + 20 + 30: score 1.
  expect(removedDir.score).toBe(1)
  // A whiteout for a path never written: dive's lookup fails and the layer's later leaves are skipped
  // (`z` sorts after `.wh.missing`), so /z is not counted at all.
  const missing = diveEfficiency([
    [{ name: 'x', size: 5, isDir: false }],
    [
      { name: '.wh.missing', size: 0, isDir: false },
      { name: 'z', size: 7, isDir: false }
    ],
    [{ name: 'x', size: 5, isDir: false }]
  ])
  expect(missing.wastedBytes).toBe(10)
  expect(missing.score).toBe(5 / 10)
})

test('Dockerfile lines go on the layers whatever order the builder reported its steps in', () => {
  // As dockerd 28's BuildKit reported a cached rebuild: FROM first, then the cached steps bottom-up.
  const layer = (number: number, createdBy: string): EfficiencyLayer => ({
    number,
    createdBy,
    sizeBytes: 0,
    wastedBytes: 0
  })
  const result = {
    status: 'passed',
    problems: [],
    startedAt: '',
    finishedAt: '',
    durationMs: 0,
    image: 'x',
    largest: [],
    layers: [
      layer(1, ''),
      layer(2, 'RUN head -c 3 /dev/urandom > /f'),
      layer(3, 'RUN head -c 3 /dev/urandom > /f'),
      layer(4, 'RUN rm /f')
    ]
  } satisfies EfficiencyResult
  attachLines(result, [
    { instruction: 'FROM busybox', line: 1 },
    { instruction: 'RUN rm /f', line: 4 },
    { instruction: 'RUN head -c 3 /dev/urandom > /f', line: 3 },
    { instruction: 'RUN head -c 3 /dev/urandom > /f', line: 2 }
  ])
  expect(result.layers.map(l => [l.number, l.line])).toEqual([
    [1, undefined],
    [2, 2],
    [3, 3],
    [4, 4]
  ])
})
