import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import { parseModel } from '../src/compose/model.js'
import { overrideFile, runComposeStage, projectName, type ComposeResult } from '../src/compose/run.js'
import type { ComposeSmoke } from '../src/compose/spec.js'
import { parseComposeSmoke } from '../src/compose/spec.js'
import { engineEnvironment } from '../src/compose/exec.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import { ProblemList } from '../src/inputs/problems.js'
import { composeDockerConfig, leftOfProject } from './helpers/compose.js'
import { testClient, testDocker, testEnvironment } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'

// The compose stage against the real engine and the real docker compose plugin (2.40, linked into a
// private DOCKER_CONFIG by scripts/compose-plugin.sh).

const docker = testDocker()
const client = testClient()
const engine = engineEnvironment(resolveEndpoint(undefined, process.env))
const dockerConfig = composeDockerConfig()
const fixture = (name: string): string => resolve('__tests__/fixtures/compose', name)

async function smoke(text: string, timeoutMs = 30_000): Promise<ComposeSmoke> {
  const problems = new ProblemList()
  const parsed = await parseComposeSmoke(text, { timeoutMs }, problems)
  if (!parsed) throw new Error(problems.items.map(p => p.expected).join('; '))
  return parsed
}

async function run(
  files: string[],
  options: {
    smoke?: ComposeSmoke
    env?: NodeJS.ProcessEnv
    timeoutMs?: number
    builtImage?: { id: string; reference: string }
  } = {}
): Promise<{ result: ComposeResult; log: RecordingLog; runId: string }> {
  const env = testEnvironment()
  const log = new RecordingLog()
  const result = await runComposeStage({
    client,
    engine,
    options: {
      files,
      smoke: options.smoke ?? { services: [], containers: [] },
      timeoutMs: options.timeoutMs ?? 60_000,
      pullPolicy: 'never'
    },
    env,
    processEnv: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOCKER_CONFIG: dockerConfig,
      ...options.env
    },
    builtImage: options.builtImage,
    log,
    signal: undefined
  })
  expect(await leftOfProject(docker, projectName(env.runId), env.runId)).toEqual([])
  return { result, log, runId: env.runId }
}

const byName = (result: ComposeResult, name: string) => result.services.find(s => s.name === name)!

describe('compose stage', () => {
  test('an HTTP service, a one-shot migration that exits 0 and a worker after it: passes, nothing left', async () => {
    const { result, log } = await run([fixture('stack.yaml')], {
      smoke: await smoke(`
- service: web
  ports: ["8080"]
  ready: { http: / }
- name: probe
  image: busybox:latest
  command: wget -q -O- http://web:8080/
  expect-output: hello from web
`)
    })
    expect(result.problems).toEqual([])
    expect(result.status).toBe('passed')
    const web = byName(result, 'web')
    expect(web).toMatchObject({ passed: true, kind: 'long-running', state: 'running' })
    expect(web.reason).toMatch(/^ready: GET http:\/\/127\.0\.0\.1:\d+\/ answered 200/)
    expect(web.ports[0]).toMatch(/^127\.0\.0\.1:\d+->8080\/tcp$/)
    expect(byName(result, 'migrate')).toMatchObject({
      passed: true,
      kind: 'one-shot',
      exitCode: 0,
      state: 'exited'
    })
    expect(byName(result, 'migrate').logTail).toContain('migrating the schema')
    expect(byName(result, 'worker')).toMatchObject({ passed: true, state: 'running' })
    expect(result.containers).toHaveLength(1)
    expect(result.containers[0]).toMatchObject({ name: 'probe', passed: true })
    expect(log.annotations.filter(a => a.level === 'error')).toEqual([])
  })

  test('the migration exiting 1 fails, naming it, showing its output, pointing at its line', async () => {
    const { result, log } = await run([fixture('stack.yaml')], { env: { MIGRATE_EXIT: '1' } })
    expect(result.status).toBe('failed')
    const migrate = byName(result, 'migrate')
    expect(migrate).toMatchObject({ passed: false, exitCode: 1, reason: 'exited 1, expected 0' })
    // The line of `  migrate:` in the file, as a person counts lines.
    const line = readFileSync(fixture('stack.yaml'), 'utf8').split('\n').indexOf('  migrate:') + 1
    expect(line).toBeGreaterThan(1)
    expect(migrate.definedAt).toEqual({ file: '__tests__/fixtures/compose/stack.yaml', line })
    expect(result.problems).toContain('Compose service "migrate" failed: exited 1, expected 0')
    const worker = byName(result, 'worker')
    expect(worker.passed).toBe(false)
    expect(worker.reason).toBe(
      'was not started: its dependency "migrate" failed (service_completed_successfully)'
    )
    expect(log.annotations).toContainEqual({
      level: 'error',
      message: 'Compose service "migrate" failed: exited 1, expected 0',
      target: {
        title: 'Compose service migrate failed',
        file: '__tests__/fixtures/compose/stack.yaml',
        startLine: line
      }
    })
    // Its stdout and stderr, in the log's untrusted block and in the result.
    expect(log.groups).toContain('Output of migrate')
    expect(migrate.logTail).toContain('migrating the schema')
    expect(migrate.logTail).toContain('step 2 of 2')
  })

  test('a service whose healthcheck never passes fails at its timeout with its health log', async () => {
    const started = Date.now()
    const { result, log } = await run([fixture('never-healthy.yaml')], {
      smoke: await smoke('- service: stuck\n  timeout: 5s')
    })
    const stuck = byName(result, 'stuck')
    expect(stuck.passed).toBe(false)
    expect(stuck.reason).toMatch(
      /^not ready after 5s \(last: HEALTHCHECK reported starting \(last check exited 1: probe says no\)\)$/
    )
    expect(stuck.health).toBe('starting')
    expect(stuck.healthLog.length).toBeGreaterThan(0)
    expect(stuck.healthLog.every(p => p.exitCode === 1 && p.output.includes('probe says no'))).toBe(true)
    expect(log.groups).toContain(`Health log of stuck (last ${stuck.healthLog.length})`)
    expect(log.untrustedText.join('\n')).toContain('exit 1')
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000)
  })

  test('a service built by Compose and one running the image this run built; the built image is removed', async () => {
    const busybox = await docker.getImage('busybox:latest').inspect()
    const { result, runId } = await run([fixture('build.yaml')], {
      smoke: await smoke('- service: greeter\n  expect-output: Hello from hello-app'),
      builtImage: { id: busybox.Id, reference: 'busybox:latest' }
    })
    expect(result.problems).toEqual([])
    expect(byName(result, 'greeter')).toMatchObject({ passed: true, kind: 'one-shot', exitCode: 0 })
    expect(byName(result, 'greeter').reason).toBe('exited 0 (a one-shot service)')
    expect(byName(result, 'built')).toMatchObject({ passed: true, image: 'busybox:latest', state: 'running' })
    expect(byName(result, 'built').logTail).toContain('running the built image')
    // `down --rmi local`: the image Compose built for the run's project is gone too.
    const left = await docker.listImages({ filters: { reference: [`${projectName(runId)}-greeter`] } })
    expect(left).toEqual([])
  })

  test('with compose gone, the post step’s cleanup finds the stack by the run label and removes it', async () => {
    const env = testEnvironment()
    const project = projectName(env.runId)
    const override = join(mkdtempSync(join(tmpdir(), 'preflight-override-')), 'labels.yaml')
    // The stage's override, on the stack as the stage would start it; then no compose to take it down.
    const model = parseModel(
      JSON.stringify({
        name: project,
        services: { worker: {}, migrate: {}, web: {} },
        networks: { default: { name: `${project}_default` } },
        volumes: { jobs: { name: `${project}_jobs` } }
      }),
      []
    )
    writeFileSync(override, overrideFile(model, env.runId))
    const plugin = join(dockerConfig, 'cli-plugins', 'docker-compose')
    execFileSync(plugin, ['-p', project, '-f', fixture('stack.yaml'), '-f', override, 'up', '--detach'], {
      env: { ...process.env, DOCKER_CONFIG: dockerConfig },
      stdio: 'ignore'
    })
    expect((await leftOfProject(docker, project, env.runId)).length).toBeGreaterThan(0)
    const cleaned = await cleanupRun({
      client,
      runId: env.runId,
      removeImages: false,
      log: new RecordingLog()
    })
    expect(cleaned.problems).toEqual([])
    expect(cleaned.containers.map(c => c.name).sort()).toEqual(
      [`${project}-migrate-1`, `${project}-web-1`, `${project}-worker-1`].sort()
    )
    expect(cleaned.networks).toEqual([`${project}_default`])
    expect(cleaned.volumes).toEqual([`${project}_jobs`])
    expect(await leftOfProject(docker, project, env.runId)).toEqual([])
  })
})

test('the CLI: --compose runs the stack and its text report shows each service and the failed one’s output', async () => {
  const { cli } = await import('./helpers/cli-runner.js')
  const run = await cli(
    [
      '--build',
      'false',
      '--smoke',
      '[]',
      '--compose',
      fixture('never-healthy.yaml'),
      '--compose-timeout',
      '4s',
      '--report-path',
      join(mkdtempSync(join(tmpdir(), 'preflight-cli-')), 'report.json')
    ],
    { ...process.env, DOCKER_CONFIG: dockerConfig }
  )
  expect(run.code).toBe(1)
  expect(run.stdout).toMatch(/^Compose \(project preflight-local-[0-9a-f]{8}\)$/m)
  expect(run.stdout).toMatch(/^ {2}FAIL {2}stuck +busybox:latest +running +starting +- +not ready after 4s/m)
  expect(run.stdout).toContain('  Health check of stuck: exit 1: probe says no')
  expect(run.stdout).toContain('  │ stuck service started')
  const runId = /^Compose \(project preflight-(local-[0-9a-f]{8})\)$/m.exec(run.stdout)![1]!
  expect(await leftOfProject(docker, projectName(runId), runId)).toEqual([])
})
