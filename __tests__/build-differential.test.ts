// Differential: random file trees and random .dockerignore files, built by `docker build` (buildx 0.29 from
// Debian forky as a CLI plugin in a private DOCKER_CONFIG, and the classic builder with DOCKER_BUILDKIT=0)
// and by this action's build stage with the same builder; what `COPY . /ctx/` put in the image (path,
// type, mode, content checksum, link target) must be identical. Seeded: set PREFLIGHT_DIFF_SEED to replay
// a failure (the seed is in the failure message). Many cases are batched into one build: each case is a
// subtree `cN/` whose .dockerignore lines are prefixed with `cN/`, beside a few lines for the whole context
// (`*`, `Dockerfile`, `.dockerignore`, ...), so hundreds of cases take a few builds per builder.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { buildImage } from '../src/build/build.js'
import { readIgnoreFile } from '../src/build/ignore.js'
import { fsutilWalk } from '../src/build/walk.js'
import { testClient, testDocker } from './helpers/engine.js'
import { buildInput, eachEntryInImage, removeImages, suffix } from './fixtures/build-support/helpers.js'

const run = promisify(execFile)
const docker = testDocker()
const client = testClient()
const SEED = Number(process.env.PREFLIGHT_DIFF_SEED ?? Math.floor(Math.random() * 2 ** 31))
const BATCHES = Number(process.env.PREFLIGHT_DIFF_BATCHES ?? 6)
const CASES_PER_BATCH = Number(process.env.PREFLIGHT_DIFF_CASES ?? 40)
const images: string[] = []
const dirs: string[] = []
let dockerConfig = ''

/** mulberry32: small, seedable, good enough to pick trees. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const NAMES = [
  'a',
  'b',
  'c',
  'ab',
  'x.go',
  'y.md',
  'z.tmp',
  'Dockerfile',
  'ü',
  '日本',
  'sp ace',
  '.hidden',
  'a*b',
  'q[1]',
  'node_modules',
  'keep',
  'e!',
  // For character classes: digits, capitals, punctuation, a space class, non-ASCII letters.
  'A1',
  'B',
  '9',
  'a-b',
  'x]',
  '_u',
  'Ω',
  'bb',
  'a|b',
  'tab\tx'
]
const MODES = [0o644, 0o755, 0o600, 0o444, 0o700]

interface Gen {
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  int(n: number): number
}

function gen(random: () => number): Gen {
  return {
    pick: items => items[Math.floor(random() * items.length)]!,
    chance: p => random() < p,
    int: n => Math.floor(random() * n)
  }
}

/** A random tree under `root/prefix`: files with modes, empty directories, symlinks (some dangling). */
function makeCaseTree(g: Gen, root: string, prefix: string): string[] {
  const made: string[] = []
  const fill = (dir: string, depth: number): void => {
    const count = 1 + g.int(4)
    const used = new Set<string>()
    for (let i = 0; i < count; i++) {
      const name = g.pick(NAMES)
      if (used.has(name)) continue
      used.add(name)
      const rel = `${dir}/${name}`
      const abs = join(root, rel)
      const kind = g.int(10)
      if (kind < 3 && depth < 3) {
        mkdirSync(abs)
        made.push(rel)
        if (g.chance(0.8)) fill(rel, depth + 1) // else an empty directory
        if (g.chance(0.2)) chmodSync(abs, g.pick([0o755, 0o700, 0o775]))
      } else if (kind < 9) {
        writeFileSync(abs, `${rel} ${g.int(1000)}\n`.repeat(1 + g.int(3)))
        chmodSync(abs, g.pick(MODES))
        made.push(rel)
      } else {
        symlinkSync(g.chance(0.5) ? g.pick(NAMES) : '../nowhere', abs)
        made.push(rel)
      }
    }
  }
  mkdirSync(join(root, prefix))
  fill(prefix, 0)
  return made
}

const SEGMENTS = [
  '*',
  '**',
  '?',
  'a',
  'b',
  'ab',
  '*.go',
  '*.md',
  '*.tmp',
  '[a-c]',
  '[!a]*',
  '[^b]',
  'x.*',
  '\\*',
  'a\\*b',
  'q\\[1]',
  'ü*',
  '日本',
  'sp ace',
  '.hidden',
  'node_modules',
  'keep',
  'Dockerfile',
  '..',
  '.',
  'e!',
  // Character classes as Go's regexp reads them (patternmatcher hands `[...]` to regexp.Compile):
  // POSIX classes, negated ones, ranges, escapes inside classes, Perl classes, `|` and `{n}`, which
  // patternmatcher leaves unescaped.
  '[[:alpha:]]*',
  '[[:digit:]]',
  '[^[:space:]]*',
  '[[:upper:][:digit:]]*',
  '[[:punct:]]*',
  '[[:^alpha:]]*',
  '[[:alnum:]_]?',
  '[!a-c]*',
  '[^a-c]',
  '[a\\-c]*',
  '[\\]x]*',
  '[A-Z]*',
  '\\d',
  '\\w*',
  '*\\s*',
  '[*]',
  'b{2}*',
  'a|b*',
  '\\pL*',
  '\\Qa|b\\E'
]

/** One random .dockerignore line for a case below `prefix` (or for the whole context when prefix is ''). */
function patternLine(g: Gen, prefix: string): string {
  const depth = 1 + g.int(3)
  const segments = Array.from({ length: depth }, () => g.pick(SEGMENTS))
  let body = [prefix, ...segments].filter(Boolean).join('/')
  const lead = g.int(10) // a leading `/` or `./` one time in ten each
  if (lead === 0) body = `/${body}`
  else if (lead === 1) body = `./${body}`
  if (g.chance(0.1)) body += '/'
  const negated = g.chance(0.3)
  let line = negated ? `!${g.chance(0.2) ? ' ' : ''}${body}` : body
  if (g.chance(0.1)) line = ` ${line}`
  if (g.chance(0.1)) line += '  '
  return line
}

interface Batch {
  dir: string
  cases: number
}

function makeBatch(seed: number, batch: number): Batch {
  const g = gen(rng(seed + batch * 7919))
  const dir = mkdtempSync(join(tmpdir(), 'pf-diff-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx/\n')
  const lines: string[] = []
  // Lines for the whole context: the ones that used to leave the Dockerfile and .dockerignore in the image.
  const global = ['*', '**', 'Dockerfile', '.dockerignore', '*.tmp', '!Dockerfile', '# a comment', '', '.*']
  for (let i = 0; i < 2; i++) if (g.chance(0.5)) lines.push(g.pick(global))
  for (let c = 0; c < CASES_PER_BATCH; c++) {
    makeCaseTree(g, dir, `c${c}`)
    const count = g.int(5)
    for (let i = 0; i < count; i++) lines.push(patternLine(g, `c${c}`))
    // `*` as the whole context's first line would hide every case; re-include this one most of the time.
    if (lines.includes('*') || lines.includes('**')) if (g.chance(0.8)) lines.push(`!c${c}`)
  }
  const eol = g.chance(0.3) ? '\r\n' : '\n'
  writeFileSync(join(dir, '.dockerignore'), (g.chance(0.2) ? '\ufeff' : '') + lines.join(eol) + eol)
  return { dir, cases: CASES_PER_BATCH }
}

interface Seen {
  type: string
  mode: string
  sum: string
}

/** What COPY . /ctx/ put in the image: every entry below /ctx, read from a created (never started) container. */
async function seenBy(image: string): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>()
  await eachEntryInImage(docker, image, '/ctx', (header, body) => {
    const hash = createHash('sha256')
    body.on('data', (chunk: unknown) => hash.update(chunk as Buffer))
    body.on('end', () => {
      const path = header.name.replace(/^ctx\/?/, '').replace(/\/$/, '')
      if (path)
        seen.set(path, {
          type: String(header.type),
          mode: (header.mode ?? 0).toString(8),
          sum: header.type === 'symlink' ? `-> ${header.linkname}` : hash.digest('hex').slice(0, 16)
        })
    })
  })
  return seen
}

const EMPTY = createHash('sha256').digest('hex').slice(0, 16)

/**
 * The files fsutil lists but its filterFS.Open refuses (walk.ts's `opens: false`): buildx sends them with
 * no data, so docker's image has them empty.
 */
async function unopenable(dir: string): Promise<Set<string>> {
  const patterns = readIgnoreFile(readFileSync(join(dir, '.dockerignore'), 'utf8')).patterns
  const out = new Set<string>()
  for await (const entry of fsutilWalk(dir, { excludePatterns: patterns }))
    if (entry.opens === false) out.add(entry.path)
  return out
}

function differences(expected: Map<string, Seen>, actual: Map<string, Seen>): string[] {
  const out: string[] = []
  for (const [path, want] of expected) {
    const got = actual.get(path)
    if (!got) out.push(`missing ${path} (${want.type} ${want.mode})`)
    else if (JSON.stringify(got) !== JSON.stringify(want))
      out.push(`${path}: docker build ${JSON.stringify(want)}, action ${JSON.stringify(got)}`)
  }
  for (const path of actual.keys()) if (!expected.has(path)) out.push(`extra ${path}`)
  return out
}

// dockerd 20.10's classic builder looks for a cached `FROM scratch` step by listing every parentless image and
// then reading each one; an image another test file removes in between fails the build with `unable to find
// image "sha256:…"` (daemon/images/cache.go getLocalCachedImage). Both sides build without the cache, which
// changes nothing COPY sees.
function skipsCache(builder: 'buildkit' | 'classic'): boolean {
  return builder === 'classic'
}

async function dockerBuild(builder: 'buildkit' | 'classic', dir: string, tag: string): Promise<void> {
  const env = {
    ...process.env,
    DOCKER_CONFIG: dockerConfig,
    DOCKER_BUILDKIT: builder === 'buildkit' ? '1' : '0',
    DOCKER_CLI_HINTS: 'false'
  }
  const args =
    builder === 'buildkit'
      ? ['buildx', 'build', '--load', '-q', '-t', tag, dir]
      : ['build', '-q', '--no-cache', '-t', tag, dir]
  await run('docker', args, { env, maxBuffer: 16 * 1024 * 1024 })
}

beforeAll(async () => {
  // buildx from Debian forky, as a CLI plugin in a config directory of the test's own.
  const { stdout } = await run('bash', ['scripts/forky.sh', 'fetch', 'docker-buildx'], {
    maxBuffer: 16 * 1024 * 1024
  })
  const prefix = stdout.trim().split('\n').pop()!
  dockerConfig = mkdtempSync(join(tmpdir(), 'pf-diff-config-'))
  mkdirSync(join(dockerConfig, 'cli-plugins'))
  symlinkSync(
    join(prefix, 'usr/libexec/docker/cli-plugins/docker-buildx'),
    join(dockerConfig, 'cli-plugins/docker-buildx')
  )
}, 600_000)

afterAll(async () => {
  await removeImages(docker, images)
  if (!process.env.IG12_KEEP)
    for (const dir of [...dirs, dockerConfig]) if (dir) rmSync(dir, { recursive: true, force: true })
})

describe(`what COPY sees matches docker build (seed ${SEED}, ${BATCHES} x ${CASES_PER_BATCH} cases per builder)`, () => {
  test.each(['buildkit', 'classic'] as const)(
    '%s',
    async builder => {
      const failures: string[] = []
      let cases = 0
      let compared = 0
      const refused: string[] = []
      let entries = 0
      for (let b = 0; b < BATCHES; b++) {
        const batch = makeBatch(SEED, b)
        const theirs = `pf-diff/docker:${suffix()}`
        const ours = `pf-diff/action:${suffix()}`
        images.push(theirs, ours)
        let dockerError: string | undefined
        try {
          await dockerBuild(builder, batch.dir, theirs)
        } catch (error) {
          dockerError = String((error as { stderr?: string }).stderr ?? error)
        }
        const result = await buildImage(
          buildInput(client, batch.dir, { tags: [ours], builder, noCache: skipsCache(builder) })
        )
        cases += batch.cases
        if (dockerError !== undefined) {
          // docker refused this context: the action must refuse it too.
          refused.push(
            `batch ${b}: docker: ${dockerError.trim().split('\n').pop()}; action: ${result.failure?.message}`
          )
          if (result.status !== 'failed')
            failures.push(`batch ${b}: docker build failed (${dockerError.trim()}) but the action built`)
          continue
        }
        if (result.status !== 'built') {
          failures.push(`batch ${b}: docker build built, the action failed: ${result.failure?.message}`)
          continue
        }
        const expected = await seenBy(theirs)
        const predicted = builder === 'buildkit' ? await unopenable(batch.dir) : new Set<string>()
        const diff = differences(expected, await seenBy(ours))
        // Every file the walk predicts empty is empty in docker's image (the prediction is exact).
        for (const path of predicted)
          if (expected.has(path) && expected.get(path)!.sum !== EMPTY && expected.get(path)!.type === 'file')
            diff.push(`${path}: predicted empty (fsutil's Open refuses it) but docker sent its content`)
        compared++
        entries += expected.size
        if (diff.length > 0) failures.push(`batch ${b} (${batch.dir}):\n  ${diff.slice(0, 20).join('\n  ')}`)
      }
      if (failures.length > 0)
        throw new Error(`PREFLIGHT_DIFF_SEED=${SEED} (${builder}, ${cases} cases):\n${failures.join('\n')}`)
      expect(cases).toBe(BATCHES * CASES_PER_BATCH)
      // Every batch is a context docker builds (the generator makes no refused lines): all were compared.
      // A batch docker refuses (e.g. a line whose character class Go rejects) must be refused by both.
      expect({ compared, refused: refused.length }).toEqual({
        compared: BATCHES - refused.length,
        refused: refused.length
      })
      if (refused.length > 0) console.log(refused.join('\n'))
      expect(compared).toBeGreaterThan(0)
      expect(entries).toBeGreaterThan(BATCHES * 10)
    },
    1_200_000
  )
})

describe('the cases the issue names, against docker build', () => {
  /** A context of `files` (relative path → content) beside a Dockerfile that copies all of it. */
  const contextOf = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'pf-diff-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx/\n')
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), content)
    }
    return dir
  }
  /** The context built by docker and by the action: what `COPY . /ctx/` saw in each image. */
  const buildBoth = async (builder: 'buildkit' | 'classic', dir: string) => {
    const theirs = `pf-diff/docker:${suffix()}`
    const ours = `pf-diff/action:${suffix()}`
    images.push(theirs, ours)
    await dockerBuild(builder, dir, theirs)
    const result = await buildImage(
      buildInput(client, dir, { tags: [ours], builder, noCache: skipsCache(builder) })
    )
    expect(result.failure).toBeUndefined()
    return { expected: await seenBy(theirs), actual: await seenBy(ours) }
  }

  test.each(['buildkit', 'classic'] as const)(
    '%s: `*` with exceptions, `Dockerfile` and `.dockerignore` lines leave both files out, as docker does',
    async builder => {
      const dir = contextOf({
        '.dockerignore': '*\n!app\nDockerfile\n.dockerignore\n',
        'app/main.go': 'package main\n',
        'notes.txt': 'left out\n'
      })
      const { expected, actual } = await buildBoth(builder, dir)
      expect([...actual.keys()].sort()).toEqual(['app', 'app/main.go'])
      expect(differences(expected, actual)).toEqual([])
    },
    300_000
  )

  test.each(['buildkit', 'classic'] as const)(
    "%s: a line whose class Go's regexp refuses fails as docker fails, naming the line; one docker never reaches builds",
    async builder => {
      const dir = mkdtempSync(join(tmpdir(), 'pf-diff-'))
      dirs.push(dir)
      writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx/\n')
      writeFileSync(join(dir, 'a.txt'), 'a\n')
      // filepath.Match accepts [z-a] (it never checks a range's order); regexp.Compile does not.
      writeFileSync(join(dir, '.dockerignore'), '# comment\n*.tmp\n[z-a]\n')
      const docker = await dockerBuild(builder, dir, `pf-diff/docker:${suffix()}`).then(
        () => 'built',
        (error: { stderr?: string }) => String(error.stderr)
      )
      expect(docker).toContain('syntax error in pattern')
      const input = buildInput(testClient(), dir, {
        tags: [`pf-diff/action:${suffix()}`],
        builder,
        noCache: skipsCache(builder)
      })
      const result = await buildImage(input)
      expect(result.status).toBe('failed')
      expect(result.failure?.message).toBe(
        '.dockerignore line 3 is refused by docker: syntax error in pattern'
      )
      expect(input.log.lines.join('\n')).not.toContain('Building')

      // After `*`, a plain line is never matched against anything (every path already matched): docker
      // builds, and so does the action, with the same (empty) context.
      writeFileSync(join(dir, '.dockerignore'), '*\n[z-a]\n')
      const { expected, actual } = await buildBoth(builder, dir)
      expect(differences(expected, actual)).toEqual([])
    },
    300_000
  )

  test.each(['buildkit', 'classic'] as const)(
    '%s: a file re-included under a directory a later line leaves out again comes out as docker leaves it',
    async builder => {
      // fsutil's walk lists a/b/f.txt (the exception wins for it) but its filterFS.Open refuses it (a/b,
      // its parent, is matched again): buildx sends it with no data, so docker's image has it empty. The
      // classic builder's walk decides once, and docker's own image says what it decided.
      const dir = contextOf({
        '.dockerignore': 'a\n!a/b/f.txt\na/b\n',
        'a/b/f.txt': 'content docker does not send\n',
        'a/g.txt': 'left out\n',
        'h.txt': 'kept\n'
      })
      const { expected, actual } = await buildBoth(builder, dir)
      if (builder === 'buildkit') expect(expected.get('a/b/f.txt')?.sum).toBe(EMPTY)
      expect(differences(expected, actual)).toEqual([])
    },
    300_000
  )

  test('a bare `!` line is refused as docker refuses it, naming the line, before anything is built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pf-diff-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx/\n')
    writeFileSync(join(dir, '.dockerignore'), '# comment\n*.tmp\n!\n')
    const refusal = (builder: 'buildkit' | 'classic') =>
      dockerBuild(builder, dir, `pf-diff/docker:${suffix()}`).then(
        () => 'built',
        (error: { stderr?: string }) => String(error.stderr)
      )
    // The classic CLI checks the context first; buildx fails while syncing it (usually with the same words).
    expect(await refusal('classic')).toContain('error checking context: illegal exclusion pattern: "!"')
    expect(await refusal('buildkit')).toContain('ERROR: failed to build')
    for (const builder of ['buildkit', 'classic'] as const) {
      const input = buildInput(testClient(), dir, {
        tags: [`pf-diff/action:${suffix()}`],
        builder,
        noCache: skipsCache(builder)
      })
      const result = await buildImage(input)
      expect(result.status).toBe('failed')
      expect(result.failure).toMatchObject({ line: 3, file: '.dockerignore' })
      expect(result.failure?.message).toBe(
        '.dockerignore line 3 is refused by docker: illegal exclusion pattern: "!"'
      )
      expect(input.log.lines.join('\n')).not.toContain('Building') // refused before the engine was asked
    }
  }, 300_000)
})
