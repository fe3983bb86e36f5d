// How the stages word their own failures and how the pipeline composes them (src/stage.ts): the step's
// failures are the stages' problems in order, and nothing else. Only stages that fail before they reach
// the engine run here (the client points at a socket that does not exist and is never dialled).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compareWithBaseline } from '../src/audit/drift.js'
import { buildImage } from '../src/build/build.js'
import type { BuildOptions, RunEnvironment } from '../src/config.js'
import { EngineClient } from '../src/engine/client.js'
import type { EngineFacts } from '../src/engine/check.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import { pushGate } from '../src/push/push.js'
import { problemsOf, stageTimes, type StageResult } from '../src/stage.js'
import { RecordingLog } from './helpers/recording-log.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'preflight-stage-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const nowhere = new EngineClient(resolveEndpoint(`unix:///nonexistent/preflight-${process.pid}.sock`, {}))

function buildOptions(overrides: Partial<BuildOptions>): BuildOptions {
  return {
    mode: 'true',
    context: dir,
    file: join(dir, 'Dockerfile'),
    tags: ['app:1'],
    buildArgs: {},
    labels: {},
    noCache: false,
    pull: false,
    builder: 'auto',
    secrets: [],
    buildContexts: [],
    cacheFrom: [],
    ...overrides
  }
}

function environment(): RunEnvironment {
  return { actions: false, workspace: dir, tempDir: dir, runId: 'unit' }
}

function stage(problems: string[]): StageResult {
  return { status: problems.length ? 'failed' : 'passed', problems, ...stageTimes(Date.now()) }
}

test("the run's failures are every stage's problems, in the order given; stages that did not run add none", () => {
  expect(problemsOf(stage(['a', 'b']), undefined, stage([]), stage(['c']))).toEqual(['a', 'b', 'c'])
  expect(problemsOf()).toEqual([])
})

test('stageTimes: ISO start and end, and the duration between them', () => {
  expect(stageTimes(Date.parse('2024-05-01T12:00:00Z'), Date.parse('2024-05-01T12:00:02.5Z'))).toEqual({
    startedAt: '2024-05-01T12:00:00.000Z',
    finishedAt: '2024-05-01T12:00:02.500Z',
    durationMs: 2500
  })
})

describe('the build stage words its failure and annotates it', () => {
  test('no Dockerfile with build: true: one problem, one annotation on the file, times set', async () => {
    const log = new RecordingLog()
    const before = Date.now()
    const result = await buildImage({
      client: nowhere,
      options: buildOptions({ file: join(dir, 'missing.Dockerfile') }),
      env: environment(),
      log,
      labels: {},
      processEnv: {}
    })
    const message =
      "There is no Dockerfile at missing.Dockerfile. Set the file input to the Dockerfile's path, or build: auto to skip the build when there is none."
    expect(result.status).toBe('failed')
    expect(result.problems).toEqual([`Build failed: ${message}`])
    expect(log.annotations).toEqual([
      { level: 'error', message, target: { title: 'Build failed', file: 'missing.Dockerfile' } }
    ])
    expect(Date.parse(result.startedAt)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(result.finishedAt)).toBeGreaterThanOrEqual(Date.parse(result.startedAt))
  })

  // The classic builder checks the target before asking the engine anything (BuildKit's build is started
  // first and stopped: __tests__/build.test.ts).
  test('a target the Dockerfile does not name fails the same way (classic builder, no engine asked)', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox AS base\nRUN true\n')
    const log = new RecordingLog()
    const result = await buildImage({
      client: nowhere,
      options: buildOptions({ target: 'prod', builder: 'classic' }),
      env: environment(),
      log,
      labels: {},
      processEnv: {}
    })
    expect(result.problems).toEqual([
      'Build failed: The target stage "prod" is not in Dockerfile (its named stages: base).'
    ])
    expect(log.annotations.map(a => a.level)).toEqual(['error'])
  })

  test('build: false is skipped: no problem, no annotation, no time', async () => {
    const log = new RecordingLog()
    const result = await buildImage({
      client: nowhere,
      options: buildOptions({ mode: 'false' }),
      env: environment(),
      log,
      labels: {},
      processEnv: {}
    })
    expect(result).toMatchObject({ status: 'skipped', problems: [], durationMs: 0 })
    expect(result.startedAt).toBe(result.finishedAt)
    expect(log.annotations).toEqual([])
  })
})

describe('drift words its own problems', () => {
  const facts = { info: {}, version: {} } as unknown as EngineFacts
  test('a missing baseline is a problem only when fail-on-drift asks for a comparison', async () => {
    const baseline = join(dir, 'no-such-report.json')
    const lenient = await compareWithBaseline({
      facts,
      options: { baseline, failOnDrift: { kind: 'none' }, diskUsage: false }
    })
    expect(lenient).toMatchObject({ status: 'missing', problems: [] })
    const strict = await compareWithBaseline({
      facts,
      options: { baseline, failOnDrift: { kind: 'any' }, diskUsage: false }
    })
    expect(strict?.problems).toEqual([
      `No baseline report at ${baseline} (expected on a first run); engine facts were not compared, and fail-on-drift needs a baseline to compare with`
    ])
  })
})

describe('the push gate', () => {
  const built = { status: 'built' as const, imageId: 'sha256:abc' }
  test('pushes only a built image when nothing failed', () => {
    const log = new RecordingLog()
    expect(pushGate([], built, log)).toEqual({ imageId: 'sha256:abc' })
    expect(log.annotations).toEqual([])
  })

  test('names the first failure and how many there were, and warns', () => {
    const log = new RecordingLog()
    const one = pushGate(['Build failed: x'], built, log)
    expect(one).toMatchObject({
      notPushed: { status: 'not-pushed', problems: [], reason: 'a check failed: Build failed: x', pushed: [] }
    })
    const two = pushGate(['first', 'second'], built, log)
    expect(two).toMatchObject({ notPushed: { reason: '2 checks failed: first' } })
    expect(log.annotations.map(a => a.message)).toEqual([
      'Not pushed: a check failed: Build failed: x',
      'Not pushed: 2 checks failed: first'
    ])
  })

  test('says why when nothing was built', () => {
    const log = new RecordingLog()
    expect(pushGate([], { status: 'skipped', skippedReason: 'build is false' }, log)).toMatchObject({
      notPushed: { reason: 'nothing was built (build is false)' }
    })
  })
})
