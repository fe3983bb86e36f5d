// The run's end, against the real engine: the inventory's images are listed beside the smoke stage
// (once every entry has its image) and the look for what the run left starts when the stages are done.
// Both must still report the run's end exactly.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import { parseInputsOrThrow } from '../src/inputs/parse.js'
import { LABEL_RUN } from '../src/labels.js'
import { runPipeline } from '../src/pipeline.js'
import { codeCell } from '../src/report/escape.js'
import { renderSummary } from '../src/report/summary.js'
import { REGISTRY, testClient, testDocker, testEnvironment } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'

const docker = testDocker()
const client = testClient()
const runIds: string[] = []
afterAll(async () => {
  for (const runId of runIds) await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
})

const labelled = (runId: string): { label: string[] } => ({ label: [`${LABEL_RUN}=${runId}`] })

test('an image the last smoke entry pulls is in the report, though the images are listed beside the smoke stage', async () => {
  // An image of its own (a label no other has), pushed and removed locally: only this run's pull can
  // bring it back.
  const unique = randomBytes(4).toString('hex')
  const reference = `${REGISTRY}/preflight-pipeline-tail:${unique}`
  execFileSync('docker', ['build', '-q', '-t', reference, '-'], {
    input: `FROM busybox:latest\nLABEL preflight-pipeline-tail=${unique}\n`,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: ['pipe', 'ignore', 'ignore']
  })
  execFileSync('docker', ['push', '-q', reference], { stdio: 'ignore' })
  execFileSync('docker', ['rmi', reference], { stdio: 'ignore' })
  try {
    const env = testEnvironment()
    runIds.push(env.runId)
    // One at a time: the pulling entry starts only after the first one has run, so a listing taken when
    // the first container was created would miss the pulled image. The first runs busybox by ID (an ID
    // is never pulled, whatever the policy).
    const busybox = (await docker.getImage('busybox:latest').inspect()).Id
    const smoke = [
      `- { name: first, image: '${busybox}', command: [sh, -c, 'sleep 1; echo first done'] }`,
      `- { name: pulled, image: ${reference}, command: [echo, pulled] }`
    ].join('\n')
    const config = await parseInputsOrThrow(
      { build: 'false', smoke, 'smoke-parallel': '1', 'pull-policy': 'always' },
      env,
      { processEnv: process.env }
    )
    const run = await runPipeline(config, env, { log: new RecordingLog(), processEnv: process.env })
    expect(run.failures).toEqual([])
    expect(run.smoke?.results.map(r => [r.name, r.passed])).toEqual([
      ['first', true],
      ['pulled', true]
    ])
    const pulled = run.inventory?.images.find(i => i.tags.includes(reference))
    expect(pulled).toBeDefined()
    // busybox, run by ID (Podman lists its tag as docker.io/library/busybox:latest).
    expect(run.inventory?.images.map(i => i.id)).toContain(busybox)
    expect(renderSummary(run)).toContain(codeCell(reference))
    // The run's containers are listed at its end: both removed, from the smoke record.
    expect(run.inventory?.containers.map(c => [c.name.replace(/^.*-/, ''), c.state]).sort()).toEqual([
      ['first', 'removed'],
      ['pulled', 'removed']
    ])
  } finally {
    execFileSync('docker', ['rmi', reference], { stdio: 'ignore' })
  }
})

test('the stages are done with the engine when onStagesDone is called: removed, or kept and stopped', async () => {
  for (const cleanup of ['true', 'false']) {
    const env = testEnvironment()
    runIds.push(env.runId)
    const config = await parseInputsOrThrow(
      { context: '__tests__/fixtures/hello-app', tags: `preflight-tail-test/app:${env.runId}`, cleanup },
      env,
      { processEnv: process.env }
    )
    let calls = 0
    let listing: Promise<string[]> | undefined
    const run = await runPipeline(config, env, {
      log: new RecordingLog(),
      processEnv: process.env,
      onStagesDone: () => {
        calls++
        // Each container's own state (inspect), not the list's: the engine answers a wait before it
        // updates the view its container list reads, so a list can still say running for a moment.
        listing = docker
          .listContainers({ all: true, filters: labelled(env.runId) })
          .then(found =>
            Promise.all(found.map(async c => (await docker.getContainer(c.Id).inspect()).State.Status))
          )
      }
    })
    expect(calls).toBe(1)
    expect(run.failures).toEqual([])
    const states = (await listing!).sort()
    // hello-world and the built image's container: gone, or (cleanup: false) kept and stopped.
    expect(states).toEqual(cleanup === 'true' ? [] : ['exited', 'exited'])
    // The report says so too, whatever the engine's list said at that moment.
    expect(run.inventory?.containers.map(c => c.state)).toEqual(
      cleanup === 'true' ? ['removed', 'removed'] : ['exited', 'exited']
    )
  }
})
