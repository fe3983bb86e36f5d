import { randomBytes } from 'node:crypto'
import { cleanupRun, nothingLeftAt } from '../src/cleanup/cleanup.js'
import { LABEL_RUN, runLabels } from '../src/labels.js'
import { NOTHING_LEFT_ENV } from '../src/runtime/state.js'
import { runAction, type ActionRun } from './helpers/action-runner.js'
import { testClient, testDocker } from './helpers/engine.js'
import { actionPostIf, runnerStartsPost } from './helpers/post-if.js'
import { RecordingLog } from './helpers/recording-log.js'

// The post step's short ways: main looks for what its run left and, when nothing is, tells the runner
// (GITHUB_ENV, read by action.yml's post-if) that the post step need not start at all, and says so in the
// step state for when it starts anyway (an earlier step of the job left something); the post entry then
// prints its one line without loading the bundle or asking the engine. Every other case (something
// left, cleanup-images, a main that never got that far) still gets a full cleanup.

/** Whether the runner would start this step's post step, given the job's env before main ran. */
const postStarts = (main: ActionRun, before: Record<string, string> = {}): boolean =>
  runnerStartsPost(actionPostIf(), { ...before, ...main.exported })

const docker = testDocker()
const client = testClient()
const runIds: string[] = []
afterAll(async () => {
  for (const runId of runIds) await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
})
const remember = (run: ActionRun): ActionRun => {
  if (run.state['run-id']) runIds.push(run.state['run-id'])
  return run
}
const tag = (): string => `preflight-post-test/app:${randomBytes(4).toString('hex')}`
const labelled = (runId: string): { label: string[] } => ({ label: [`${LABEL_RUN}=${runId}`] })

describe('main tells the post step whether anything is left', () => {
  test('a default run that removed everything: post prints its one line and leaves the engine alone', async () => {
    const main = remember(await runAction({ context: '__tests__/fixtures/hello-app', tags: tag() }))
    expect(main.exitCode).toBe(0)
    expect(main.state['left']).toBe('nothing')
    const runId = main.state['run-id']!
    expect(await docker.listContainers({ all: true, filters: labelled(runId) })).toEqual([])
    expect(main.exported).toEqual({ [NOTHING_LEFT_ENV]: 'true' })
    expect(postStarts(main)).toBe(false)
    expect(main.stdout).toContain(
      'Nothing of this run was left on the engine. The post step has nothing to do: the runner skips it.'
    )

    // When it starts anyway (an earlier step of the job left something), with an engine address that
    // cannot answer: the short way asks it nothing.
    const post = await runAction({}, { state: main.state, env: { DOCKER_HOST: 'unix:///nonexistent.sock' } })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toBe('Nothing of this run was left on the engine.\n')
    expect(post.stderr).toBe('')
    expect(post.summary).toBe('')
  })

  test('cleanup: false leaves the smoke containers: no short way, post removes them', async () => {
    const main = remember(await runAction({ build: 'false', cleanup: 'false' }))
    expect(main.exitCode).toBe(0)
    expect(main.state['left']).toBeUndefined()
    expect(main.exported).toEqual({ [NOTHING_LEFT_ENV]: 'false' })
    expect(postStarts(main)).toBe(true)
    const runId = main.state['run-id']!
    expect(await docker.listContainers({ all: true, filters: labelled(runId) })).not.toEqual([])

    const post = await runAction({}, { state: main.state })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/^Removed container .*image hello-world/m)
    expect(await docker.listContainers({ all: true, filters: labelled(runId) })).toEqual([])
  })

  test('cleanup-images: true: no short way, post removes the built image', async () => {
    const image = tag()
    const main = remember(
      await runAction({ context: '__tests__/fixtures/hello-app', tags: image, 'cleanup-images': 'true' })
    )
    expect(main.exitCode).toBe(0)
    expect(main.state['left']).toBeUndefined()
    expect(postStarts(main)).toBe(true)

    const post = await runAction({}, { state: main.state })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(`Removed image ${image}`)
    expect(await docker.listImages({ filters: labelled(main.state['run-id']!) })).toEqual([])
  })

  test('a later step that leaves nothing does not let the runner skip an earlier untidy step’s post', async () => {
    // The job's env after an earlier docker-preflight step that left its smoke containers (cleanup: false).
    const earlier = remember(await runAction({ build: 'false', cleanup: 'false' }))
    expect(earlier.exported).toEqual({ [NOTHING_LEFT_ENV]: 'false' })
    const later = remember(
      await runAction(
        { context: '__tests__/fixtures/hello-app', tags: tag() },
        { env: { [NOTHING_LEFT_ENV]: earlier.exported[NOTHING_LEFT_ENV] } }
      )
    )
    expect(later.exitCode).toBe(0)
    expect(later.state['left']).toBe('nothing')
    expect(later.exported).toEqual({ [NOTHING_LEFT_ENV]: 'false' })
    // Post steps run in reverse order, both against the env the job has after the later main.
    expect(postStarts(later, earlier.exported)).toBe(true)
    const earlierPost = await runAction({}, { state: earlier.state, env: { ...later.exported } })
    expect(earlierPost.stdout).toMatch(/^Removed container .*image hello-world/m)
    expect(await docker.listContainers({ all: true, filters: labelled(earlier.state['run-id']!) })).toEqual(
      []
    )
  })

  test('a run refused for a bad input keeps the post step (it wrote false before looking at anything)', async () => {
    const main = await runAction({ 'smoke-timeout': 'soon' }, { env: { [NOTHING_LEFT_ENV]: 'true' } })
    expect(main.exitCode).toBe(1)
    expect(main.exported).toEqual({ [NOTHING_LEFT_ENV]: 'false' })
    expect(postStarts(main, { [NOTHING_LEFT_ENV]: 'true' })).toBe(true)
  })

  test('a main that stopped before its last look (crash, cancel: no `left` saved): post cleans by the run id', async () => {
    const runId = `post-test-${randomBytes(4).toString('hex')}`
    runIds.push(runId)
    await docker.createContainer({
      Image: 'busybox:latest',
      Cmd: ['true'],
      Labels: runLabels(runId, 'smoke'),
      HostConfig: { NetworkMode: 'none' }
    })
    const post = await runAction({}, { state: { phase: 'main', 'run-id': runId } })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/^Removed container /m)
    expect(await docker.listContainers({ all: true, filters: labelled(runId) })).toEqual([])
  })
})

describe('nothingLeftAt (main’s last look) against the engine', () => {
  const look = (runId: string, dockerHost?: string): Promise<boolean> =>
    nothingLeftAt({ dockerHost, processEnv: process.env, runId, timeoutMs: 5_000 })
  const newRun = (): string => {
    const runId = `post-test-${randomBytes(4).toString('hex')}`
    runIds.push(runId)
    return runId
  }

  test('true only when no container, network or volume carries the run’s label', async () => {
    const runId = newRun()
    expect(await look(runId)).toBe(true)
    const network = await docker.createNetwork({
      Name: `pf-post-${runId}`,
      Labels: runLabels(runId, 'compose')
    })
    expect(await look(runId)).toBe(false)
    await network.remove()
    await docker.createVolume({ Name: `pf-post-${runId}`, Labels: runLabels(runId, 'compose') } as object)
    expect(await look(runId)).toBe(false)
    await docker.getVolume(`pf-post-${runId}`).remove()
    const container = await docker.createContainer({
      Image: 'busybox:latest',
      Cmd: ['true'],
      Labels: runLabels(runId, 'smoke'),
      HostConfig: { NetworkMode: 'none' }
    })
    expect(await look(runId)).toBe(false)
    await container.remove({ force: true })
    expect(await look(runId)).toBe(true)
  })

  test('false when the engine cannot say, or the run id is empty', async () => {
    expect(await look(newRun(), 'unix:///nonexistent.sock')).toBe(false)
    expect(await look(' ')).toBe(false)
  })
})
