import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import { runAction, type ActionRun } from './helpers/action-runner.js'
import { testClient, testDocker } from './helpers/engine.js'
import { httpResponse, pingThen, startFakeEngine } from './helpers/fake-engine.js'
import { RecordingLog } from './helpers/recording-log.js'
import { foreignCommands, unguardedLinesWith } from './helpers/runner-commands.js'

// Workflow-command injection end to end: the bundled action, its stdout and stderr read as the runner
// reads them (helpers/runner-commands.ts), with untrusted text arriving through each real path.

const MARK = 'INJECTED'
/** The lines as a printf format: \r and \n escapes, % doubled. */
function printfFormat(): string {
  return LINES.map(l => l.replace(/%/g, '%%').replace(/\r/g, '\\r')).join('\\n')
}

const LINES = [
  `::set-output name=x::${MARK}`,
  `::save-state name=x::${MARK}`,
  `::add-mask::${MARK}-secret`,
  `::error file=x::${MARK}`,
  `::stop-commands::abc`,
  `::abc::`,
  `::set-output name=y::${MARK}`,
  `compiling ##[error]${MARK}`,
  `progress 10%\r::set-output name=z::${MARK}`
]

function expectNothingObeyed(run: ActionRun): void {
  for (const stream of [run.stdout, run.stderr]) {
    expect(foreignCommands(stream)).toEqual([])
    expect(unguardedLinesWith(stream, MARK)).toEqual([])
  }
  // Outputs and state go through files; none of the payload's names may appear there.
  expect(Object.keys(run.outputs)).not.toEqual(expect.arrayContaining(['x']))
  for (const name of ['x', 'y', 'z']) expect(run.outputs[name]).toBeUndefined()
  expect(run.state['x']).toBeUndefined()
}

const docker = testDocker()

const client = testClient()
const runIds: string[] = []
afterAll(async () => {
  for (const runId of runIds) await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
})

test('an engine error message carrying workflow commands', async () => {
  const engine = await startFakeEngine(
    pingThen(() => ({ raw: httpResponse(500, JSON.stringify({ message: LINES.join('\n') })) }))
  )
  try {
    const run = await runAction({ build: 'false', 'docker-host': engine.host })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^::error::Cannot use the Docker engine at .*it answered HTTP 500/m)
    expectNothingObeyed(run)
  } finally {
    await engine.close()
  }
})

test('container output carrying workflow commands', async () => {
  // The pattern is the workflow author's (trusted) and is echoed in the verdict: spelled so it is not MARK.
  const script = `printf '${printfFormat()}\\n'`
  const run = await runAction({
    build: 'false',
    smoke: `- image: busybox:latest\n  command: ["sh", "-c", ${JSON.stringify(script)}]\n  expect-output: "INJ[E]CTED"`
  })
  if (run.state['run-id']) runIds.push(run.state['run-id'])
  expect(run.stdout).toContain(`compiling ##[error]${MARK}`) // the output is shown, not hidden
  expect(run.exitCode).toBe(0)
  expectNothingObeyed(run)
})

test('build output and an image label carrying workflow commands', async () => {
  const context = mkdtempSync(join(tmpdir(), 'preflight-injection-'))
  const tag = `preflight-injection-${randomBytes(4).toString('hex')}:test`
  const printf = printfFormat()
  writeFileSync(
    join(context, 'Dockerfile'),
    `FROM busybox:latest\nLABEL note="::set-output name=x::${MARK}"\nRUN printf '${printf}\\n'\nCMD ["true"]\n`
  )
  const run = await runAction({ build: 'true', context, tags: tag, 'cleanup-images': 'true', smoke: '' })
  if (run.state['run-id']) runIds.push(run.state['run-id'])
  await docker
    .getImage(tag)
    .remove({ force: true })
    .catch(() => {})
  expect(run.exitCode).toBe(0)
  expect(run.stdout).toContain(`##[error]${MARK}`) // the build output is shown
  expectNothingObeyed(run)
})
