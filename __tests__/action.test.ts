import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import module from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { randomBytes } from 'node:crypto'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import { cell } from '../src/report/escape.js'
import { runAction, type ActionRun } from './helpers/action-runner.js'
import { LABEL_RUN } from '../src/labels.js'
import { testClient, testDocker } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'

// The bundled dist/index.js, run the way the runner runs it. `npm run bundle` must have been run
// (.ci/run does, and check-dist keeps the committed dist/ in step with src/).

describe('dist/index.js as the runner runs it', () => {
  test('a healthy engine: outputs, state for the post step, and the Engine summary', async () => {
    const run = await runAction({
      build: 'false',
      'min-docker-version': '19.03',
      'require-info': 'OSType=linux'
    })
    expect(run.stderr).not.toMatch(/ReferenceError|__dirname/)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['docker-version']).toMatch(/^\d+\.\d+/)
    expect(run.outputs['api-version']).toMatch(/^1\.\d+$/)
    expect(run.outputs['client-version']).toMatch(/^\d+\.\d+/)
    expect(JSON.parse(run.outputs['info']!).OSType).toBe('linux')
    expect(run.state['phase']).toBe('main')
    expect(run.state['run-id']).toMatch(/^42-1-[0-9a-f]{8}$/)
    expect(run.summary).toContain('<h3>Engine</h3>')
    expect(run.summary).toContain('<th>Fact</th>')
    // The Engine table names the storage driver and the image store the engine reports in /info.
    const info = JSON.parse(run.outputs['info']!) as { Driver: string; DriverStatus: string[][] }
    const containerdStore = info.DriverStatus.some(
      ([k, v]) => k === 'driver-type' && v === 'io.containerd.snapshotter.v1'
    )
    expect(run.summary).toContain(
      `<td>Storage</td><td>${cell(`${info.Driver} (${containerdStore ? 'containerd image store' : 'graph driver'})`, 300)}</td>`
    )
    expect(run.summary).toContain('<code>OSType=linux</code>')
    expect(run.stdout).toContain('::group::Engine')
  })

  // Node 22.1+ only (module.enableCompileCache): CI runs this file on Node 24; Node 20 skips it.
  const withCompileCache = 'enableCompileCache' in module ? test : test.skip
  withCompileCache(
    'Node 24 keeps the compiled bundle in the runner’s tool cache, which outlives the job, not in RUNNER_TEMP',
    async () => {
      const toolCache = mkdtempSync(join(tmpdir(), 'preflight-tool-cache-'))
      try {
        const run = await runAction({ build: 'false' }, { env: { RUNNER_TOOL_CACHE: toolCache } })
        expect(run.exitCode).toBe(0)
        const cache = join(toolCache, 'docker-preflight-compile-cache')
        // One directory per node version, holding the compiled entries.
        const entries = readdirSync(cache, { recursive: true, withFileTypes: true }).filter(e => e.isFile())
        expect(entries.length).toBeGreaterThan(0)
        expect(existsSync(join(run.dir, 'docker-preflight-compile-cache'))).toBe(false)
      } finally {
        rmSync(toolCache, { recursive: true, force: true })
      }
    }
  )

  test('an engine below min-docker-version fails the step, saying found and required', async () => {
    const run = await runAction({ build: 'false', 'min-docker-version': '99.1' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Docker engine version \d+\.\d+\S* is below the required minimum 99\.1/
    )
    expect(run.summary).toContain('❌ docker-preflight failed')
  })

  test('an unreachable engine fails within 10 s with one clear message and no stack trace', async () => {
    const started = Date.now()
    const run = await runAction({ build: 'false', 'docker-host': 'tcp://127.0.0.1:1' })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toEqual([
      '::error::Cannot use the Docker engine at tcp://127.0.0.1:1: the connection was refused. Is dockerd running there? The address is set by docker-host.'
    ])
    expect(run.stdout).not.toMatch(/\n\s+at /)
  })
})

describe('the default pipeline through dist/index.js', () => {
  const client = testClient()
  const runIds: string[] = []
  afterAll(async () => {
    for (const runId of runIds)
      await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
  })
  const tag = (): string => `preflight-action-test/app:${randomBytes(4).toString('hex')}`
  const remember = (run: ActionRun): ActionRun => {
    if (run.state['run-id']) runIds.push(run.state['run-id'])
    return run
  }
  /** The lines of the job log inside the group titled `title`. */
  const groupLines = (stdout: string, title: string): string[] => {
    const lines = stdout.split('\n')
    const start = lines.findIndex(line => line.startsWith(`::group::${title}`))
    const end = lines.findIndex((line, i) => i > start && line === '::endgroup::')
    return start < 0 ? [] : lines.slice(start + 1, end)
  }

  test('hello-world runs without a network beside the built image, on the default one when it runs alone', async () => {
    const docker = testDocker()
    const networkModes = async (inputs: Record<string, string>) => {
      const run = remember(await runAction({ ...inputs, cleanup: 'false' }))
      expect(run.exitCode).toBe(0)
      const kept = await docker.listContainers({
        all: true,
        filters: { label: [`${LABEL_RUN}=${run.state['run-id']}`] }
      })
      const modes: Record<string, string> = {}
      for (const container of kept)
        modes[container.Labels['io.docker-preflight.smoke-entry']!] = container.HostConfig.NetworkMode
      return modes
    }
    expect(await networkModes({ context: '__tests__/fixtures/hello-app', tags: tag() })).toEqual({
      'hello-world': 'none',
      app: expect.stringMatching(/^(default|bridge)$/)
    })
    // build: auto with no Dockerfile in the context (a runner audit): hello-world is the only container.
    const empty = mkdtempSync(join(tmpdir(), 'preflight-no-dockerfile-'))
    try {
      expect(await networkModes({ context: empty })).toEqual({
        'hello-world': expect.stringMatching(/^(default|bridge)$/)
      })
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  test('hello-world runs while the image builds (the report’s start and end times overlap), and its log stays out of the build group', async () => {
    const run = remember(await runAction({ context: '__tests__/fixtures/hello-app', tags: tag() }))
    expect(run.exitCode).toBe(0)
    expect(run.outputs['smoke-passed']).toBe('true')
    const results = JSON.parse(run.outputs['smoke-results']!) as { name: string; passed: boolean }[]
    expect(results.map(r => [r.name, r.passed])).toEqual([
      ['hello-world', true],
      ['app', true]
    ])
    const build = groupLines(run.stdout, 'Build')
    expect(build.length).toBeGreaterThan(0)
    expect(build.join('\n')).not.toMatch(/hello-world|Smoke/)
    expect(run.stdout).toMatch(/^✓ hello-world \(hello-world\) passed in /m)
    expect(run.stdout).toMatch(/^Smoke: 1 container \(app\) with the built image$/m)
    expect(run.summary).toContain('<h3>Smoke</h3>')
    // Side by side, from the report's start and end times: each of the three starts before the others end.
    const report = JSON.parse(readFileSync(run.outputs['report']!, 'utf8')) as {
      timings: { label: string; ms: number; startMs?: number }[]
    }
    const spans = ['engine check', 'build', 'smoke: hello-world'].map(label => {
      const timing = report.timings.find(t => t.label === label)
      expect(timing?.startMs).toEqual(expect.any(Number))
      return [timing!.startMs!, timing!.startMs! + timing!.ms] as const
    })
    expect(Math.max(...spans.map(([start]) => start))).toBeLessThan(Math.min(...spans.map(([, end]) => end)))
    expect(run.summary).toMatch(/```mermaid\ngantt\n[\s\S]*\n {4}smoke hello-world : \d+, \d+\n/)
  })

  test('a build that fails: hello-world still runs, the built image’s entry is not run', async () => {
    const context = mkdtempSync(join(process.cwd(), '.test-build-'))
    writeFileSync(join(context, 'Dockerfile'), 'FROM busybox:latest\nRUN exit 3\n')
    try {
      const run = remember(await runAction({ context: relative(process.cwd(), context), tags: tag() }))
      expect(run.exitCode).toBe(1)
      const results = JSON.parse(run.outputs['smoke-results']!) as { name: string; passed: boolean }[]
      expect(results.map(r => [r.name, r.passed])).toEqual([['hello-world', true]])
      expect(run.stdout).toMatch(
        /^::error title=Build failed at RUN exit 3,file=\.test-build-\w+\/Dockerfile,line=2::/m
      )
    } finally {
      rmSync(context, { recursive: true, force: true })
    }
  })

  test('a job summary file that cannot be written is a warning: the step passes, its outputs are set', async () => {
    const missing = join(tmpdir(), `preflight-no-such-dir-${randomBytes(4).toString('hex')}`, 'summary.md')
    const run = remember(await runAction({ build: 'false' }, { env: { GITHUB_STEP_SUMMARY: missing } }))
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      `::warning::Could not write the job summary: Unable to access summary file: '${missing}'. Check if the file has correct read/write permissions.`
    )
    expect(run.outputs['smoke-passed']).toBe('true')
    expect(existsSync(missing)).toBe(false)
  })

  test('summary: false writes no job summary, and the outputs are still set', async () => {
    const run = remember(await runAction({ build: 'false', summary: 'false' }))
    expect(run.exitCode).toBe(0)
    expect(run.summary).toBe('')
    expect(run.outputs['smoke-passed']).toBe('true')
    expect(run.outputs['report']).toMatch(/\.json$/)
  })
})
