import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectName } from '../src/compose/run.js'
import { SYSTEM_PLUGIN_DIRS } from '../src/compose/plugin.js'
import { parseFileCommands, runAction } from './helpers/action-runner.js'
import { composeDockerConfig, leftOfProject } from './helpers/compose.js'
import { testDocker } from './helpers/engine.js'

// The compose input through the bundled action, as the runner runs it: the step's verdict, the job
// summary, the JSON report, what is left on the engine, and a cancel while `compose up` waits.

const docker = testDocker()
const dockerConfig = composeDockerConfig()
const inputs = { build: 'false', smoke: '[]' }

test('a migration exiting 1 fails the step naming it; the summary shows the stack and its chart; nothing is left', async () => {
  const run = await runAction(
    { ...inputs, compose: '__tests__/fixtures/compose/stack.yaml' },
    { env: { DOCKER_CONFIG: dockerConfig, MIGRATE_EXIT: '1' } }
  )
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toMatch(
    /::error title=Compose service migrate failed,file=__tests__\/fixtures\/compose\/stack\.yaml,line=\d+::Compose service "migrate" failed: exited 1, expected 0/
  )
  expect(run.stdout).toContain(
    'Compose service "worker" failed: was not started: its dependency "migrate" failed'
  )
  expect(run.summary).toMatch(
    /^<h2>❌ docker-preflight failed: 2 problems · engine [^<]+ · 1 of 3 Compose services passed<\/h2>$/m
  )
  expect(run.summary).toContain('<h3>Compose</h3>')
  expect(run.summary).toContain('<th>Service</th><th>Image</th><th>State</th><th>Health</th><th>Ports</th>')
  expect(run.summary).toMatch(/```mermaid\nflowchart LR\n[\s\S]*s\d -->\|completed\| s\d/)
  const report = JSON.parse(readFileSync(join(run.dir, 'docker-preflight-report.json'), 'utf8')) as {
    verdict: string
    compose: { project: string; services: { name: string; passed: boolean; exitCode?: number }[] }
  }
  expect(report.verdict).toBe('failed')
  expect(report.compose.services.find(s => s.name === 'migrate')).toMatchObject({
    passed: false,
    exitCode: 1
  })
  const runId = run.state['run-id']!
  expect(report.compose.project).toBe(projectName(runId))
  expect(await leftOfProject(docker, projectName(runId), runId)).toEqual([])
})

test('cancel while compose up waits on a dependency: the stack is gone within seconds', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-compose-cancel-'))
  let child: ChildProcess | undefined
  let stdout = ''
  let signalledAt = 0
  const running = runAction(
    { ...inputs, compose: '__tests__/fixtures/compose/slow-dependency.yaml' },
    {
      dir,
      env: { DOCKER_CONFIG: dockerConfig },
      onSpawn: spawned => {
        child = spawned
        spawned.stdout?.on('data', chunk => (stdout += chunk))
      }
    }
  )
  const runId = (): string => parseFileCommands(readFileSync(join(dir, 'state'), 'utf8'))['run-id'] ?? ''
  // Cancelled once the stack's db container runs (so up is waiting for it to be healthy).
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    await new Promise(resolve => setTimeout(resolve, 200))
    if (!stdout.includes('docker compose up --detach') || !runId()) continue
    const db = await docker.listContainers({
      filters: { label: [`com.docker.compose.project=${projectName(runId())}`], status: ['running'] }
    })
    if (db.length > 0) {
      signalledAt = Date.now()
      child!.kill('SIGINT')
      break
    }
  }
  expect(signalledAt).toBeGreaterThan(0)
  const run = await running
  const exitMs = Date.now() - signalledAt
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain('::error::The run was cancelled (SIGINT).')
  expect(exitMs).toBeLessThan(7_500) // before the runner's SIGTERM
  expect(await leftOfProject(docker, projectName(runId()), runId())).toEqual([])
})

test('without the plugin the step fails with one error saying how to get it, before anything is created', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'preflight-no-plugin-'))
  const systemPlugin = SYSTEM_PLUGIN_DIRS.map(dir => join(dir, 'docker-compose')).find(p => existsSync(p))
  const run = await runAction(
    { ...inputs, compose: '__tests__/fixtures/compose/stack.yaml' },
    { env: { DOCKER_CONFIG: empty, HOME: empty } }
  )
  const runId = run.state['run-id']!
  if (systemPlugin) {
    // This machine has one where the docker CLI looks: the action finds it there.
    expect(run.stdout).not.toContain('needs the docker compose v2 plugin')
  } else {
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::The compose input needs the docker compose v2 plugin, and none was found (looked for docker-compose in'
    )
    expect(run.stdout).not.toContain('docker compose up')
  }
  expect(await leftOfProject(docker, projectName(runId), runId)).toEqual([])
})
