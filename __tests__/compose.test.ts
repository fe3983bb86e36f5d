import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { runComposeStage, projectName, type ComposeResult } from '../src/compose/run.js'
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
const engine = engineEnvironment(resolveEndpoint(undefined))
const dockerConfig = composeDockerConfig()
const fixture = (name: string): string => resolve('__tests__/fixtures/compose', name)

function smoke(text: string, timeoutMs = 30_000): ComposeSmoke {
  const problems = new ProblemList()
  const parsed = parseComposeSmoke(text, { timeoutMs }, problems)
  if (!parsed) throw new Error(problems.items.map(p => p.expected).join('; '))
  return parsed
}

async function run(
  files: string[],
  options: { smoke?: ComposeSmoke; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}
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
      smoke: smoke(`
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
      smoke: smoke('- service: stuck\n  timeout: 5s')
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
})
