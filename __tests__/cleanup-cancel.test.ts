import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import { LABEL_RUN } from '../src/labels.js'
import { NOTHING_LEFT_ENV } from '../src/runtime/state.js'
import { parseFileCommands, runAction, type ActionRun } from './helpers/action-runner.js'
import { testClient, testDocker } from './helpers/engine.js'
import { startFakeEngine } from './helpers/fake-engine.js'
import { actionPostIf, runnerStartsPost } from './helpers/post-if.js'
import { RecordingLog } from './helpers/recording-log.js'

// Cancellation as the runner does it: SIGINT, then SIGTERM 7.5 s later. Main must abort what is in
// progress, remove what the run created (without waiting for the post step) and exit non-zero within a
// few seconds. Asserted by what is left on the engine, labelled with the run id main saved as state.

const docker = testDocker()

const client = testClient()
const RUNNER_SIGTERM_AFTER_MS = 7_500

interface Cancelled extends ActionRun {
  /** From the signal to the process exit. */
  exitMs: number
  runId: string
}

/**
 * Runs the action and sends `signal` once `ready` says so (polled every 100 ms with the output so far
 * and the run id from the state file). Fails the test when `ready` never comes true within `readyMs`.
 */
async function cancelWhen(
  inputs: Record<string, string>,
  ready: (progress: { stdout: string; runId: string }) => boolean | Promise<boolean>,
  options: { signal?: NodeJS.Signals; readyMs?: number } = {}
): Promise<Cancelled> {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-cancel-'))
  const stateFile = join(dir, 'state')
  let child: ChildProcess | undefined
  let stdout = ''
  let signalledAt = 0
  let readyError: Error | undefined
  const runId = (): string => parseFileCommands(safeRead(stateFile))['run-id'] ?? ''

  const running = runAction(inputs, {
    dir,
    timeoutMs: 90_000,
    onSpawn: spawned => {
      child = spawned
      spawned.stdout?.on('data', chunk => (stdout += chunk))
    }
  })
  const deadline = Date.now() + (options.readyMs ?? 60_000)
  const poll = async (): Promise<void> => {
    while (child?.exitCode === null || child === undefined) {
      if (runId() && (await ready({ stdout, runId: runId() }))) {
        signalledAt = Date.now()
        child!.kill(options.signal ?? 'SIGINT')
        return
      }
      if (Date.now() > deadline) {
        readyError = new Error(`the moment to cancel never came; output so far:\n${stdout}`)
        return
      }
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  }
  const [run] = await Promise.all([running, poll()])
  if (readyError) throw readyError
  if (!signalledAt) throw new Error(`the action ended before it could be cancelled:\n${run.stdout}`)
  return { ...run, exitMs: Date.now() - signalledAt, runId: runId() }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

async function leftOnEngine(runId: string): Promise<{ containers: string[]; images: string[] }> {
  const filters = { label: [`${LABEL_RUN}=${runId}`] }
  const containers = await docker.listContainers({ all: true, filters })
  const images = await docker.listImages({ filters })
  return { containers: containers.map(c => c.Names[0] ?? c.Id), images: images.map(i => i.Id) }
}

const runIds: string[] = []
afterAll(async () => {
  for (const runId of runIds) await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
})

describe('cancelled while the engine check waits on an engine that does not answer', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: exits non-zero within a few seconds, saying so',
    async signal => {
      const engine = await startFakeEngine(() => 'silent')
      try {
        const run = await cancelWhen(
          { build: 'false', 'docker-host': engine.host },
          ({ stdout }) => stdout.includes('::group::Engine'),
          { signal }
        )
        expect(run.exitCode).not.toBe(0)
        expect(run.exitMs).toBeLessThan(5_000)
        expect(run.stdout).toContain(
          `::warning::Received ${signal}: cancelling the run and removing what it created.`
        )
        expect(run.stdout).toContain(`::error::The run was cancelled (${signal}).`)
        expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at \S/)
      } finally {
        await engine.close()
      }
    }
  )
})

describe('cancelled in the middle of the work', () => {
  test('during a smoke container that sleeps: the container is removed by main itself, exit non-zero', async () => {
    const run = await cancelWhen(
      { build: 'false', smoke: '- image: busybox:latest\n  command: sleep 60\n  timeout: 90s' },
      async ({ runId }) => {
        runIds.push(runId)
        const running = await docker.listContainers({ filters: { label: [`${LABEL_RUN}=${runId}`] } })
        return running.some(c => c.State === 'running')
      }
    )
    expect(run.exitCode).not.toBe(0)
    expect(run.exitMs).toBeLessThan(RUNNER_SIGTERM_AFTER_MS)
    expect(run.stdout).toContain('::error::The run was cancelled (SIGINT).')
    expect(run.stdout).toMatch(/\(busybox:latest\) FAILED in .*: cancelled; removed container preflight-/)
    expect(await leftOnEngine(run.runId)).toEqual({ containers: [], images: [] })
    // A cancelled main never lets the runner skip the post step, even when it removed everything itself.
    expect(run.exported[NOTHING_LEFT_ENV]).toBe('false')
    expect(runnerStartsPost(actionPostIf(), run.exported)).toBe(true)
  })

  test('during a build step that sleeps: no container and no image of the run are left', async () => {
    const marker = `preflight-cancel-${randomBytes(4).toString('hex')}`
    const context = mkdtempSync(join(tmpdir(), 'preflight-cancel-build-'))
    mkdirSync(context, { recursive: true })
    writeFileSync(join(context, 'Dockerfile'), `FROM busybox:latest\nRUN echo ${marker} && sleep 30\n`)
    let seenAt = 0
    const run = await cancelWhen(
      { build: 'true', context, tags: `${marker}:test`, 'cleanup-images': 'true' },
      ({ stdout, runId }) => {
        if (!runIds.includes(runId)) runIds.push(runId)
        // The step has started once its echo shows (the echo runs before the sleep); then a moment more.
        if (!seenAt && stdout.split(marker).length > 2) seenAt = Date.now()
        return seenAt > 0 && Date.now() - seenAt > 1_000
      }
    )
    expect(run.exitCode).not.toBe(0)
    expect(run.exitMs).toBeLessThan(RUNNER_SIGTERM_AFTER_MS)
    expect(await leftOnEngine(run.runId)).toEqual({ containers: [], images: [] })
    // The classic builder's step container carries no label of ours: find it by the marker in its command.
    const all = await docker.listContainers({ all: true })
    expect(all.filter(c => c.Command.includes(marker))).toEqual([])
    expect(
      (await docker.listImages()).filter(i => (i.RepoTags ?? []).some(t => t.startsWith(marker)))
    ).toEqual([])
  })
})
