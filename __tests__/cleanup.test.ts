import { randomBytes } from 'node:crypto'
import type Docker from 'dockerode'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import type { EngineClient } from '../src/engine/client.js'
import { LABEL_RUN, runLabels } from '../src/labels.js'
import { runAction } from './helpers/action-runner.js'
import { testClient, testDocker } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'
import { startPlainFront } from './helpers/tls-front.js'

// The post step and cleanupRun against the real engine: everything labelled with the run goes, with its
// anonymous volumes; nothing of another run is touched; what is already gone is not an error.

const docker = testDocker()
const client = testClient()

function newRunId(): string {
  return `cleanup-test-${randomBytes(4).toString('hex')}`
}

/** A container of the run: `running` sleeps, otherwise created only. Has an anonymous volume at /data. */
async function runContainer(runId: string, running: boolean): Promise<Docker.Container> {
  const container = await docker.createContainer({
    Image: 'busybox:latest',
    Cmd: ['sleep', '300'],
    Labels: runLabels(runId, 'smoke'),
    Volumes: { '/data': {} },
    HostConfig: { NetworkMode: 'none' }
  })
  if (running) await container.start()
  return container
}

/** An image of the run, as the build stage labels it: busybox committed with the run's labels. */
async function runImage(runId: string): Promise<string> {
  const helper = await docker.createContainer({ Image: 'busybox:latest', Cmd: ['true'] })
  const tag = `preflight-cleanup-test-${randomBytes(4).toString('hex')}`
  const changes = Object.entries(runLabels(runId, 'build')).map(([k, v]) => `LABEL ${k}=${v}`)
  await helper.commit({ repo: tag, tag: 'latest', changes } as object)
  await helper.remove({ force: true })
  return `${tag}:latest`
}

async function containersOf(runId: string): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`${LABEL_RUN}=${runId}`] } })
}

async function imagesOf(runId: string): Promise<Docker.ImageInfo[]> {
  return docker.listImages({ filters: { label: [`${LABEL_RUN}=${runId}`] } })
}

async function anonymousVolumes(container: Docker.Container): Promise<string[]> {
  const info = await container.inspect()
  return info.Mounts.filter(m => m.Type === 'volume').map(m => m.Name!)
}

async function volumeExists(name: string): Promise<boolean> {
  return docker
    .getVolume(name)
    .inspect()
    .then(
      () => true,
      () => false
    )
}

// Whatever a failing test leaves behind, by the labels of the runs these tests made.
const runIds: string[] = []
afterAll(async () => {
  for (const runId of runIds) {
    await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
  }
})

describe('cleanupRun', () => {
  test('removes running and created containers with their anonymous volumes, and leaves other runs alone', async () => {
    const runId = newRunId()
    const otherRun = newRunId()
    runIds.push(runId, otherRun)
    const running = await runContainer(runId, true)
    const created = await runContainer(runId, false)
    const other = await runContainer(otherRun, true)
    const image = await runImage(runId)
    const volumes = [...(await anonymousVolumes(running)), ...(await anonymousVolumes(created))]
    expect(volumes).toHaveLength(2)

    const result = await cleanupRun({ client, runId, removeImages: false, log: new RecordingLog() })

    expect(result.problems).toEqual([])
    expect(result.containers.map(c => c.id).sort()).toEqual([running.id, created.id].sort())
    expect(result.containers.map(c => c.state).sort()).toEqual(['created', 'running'])
    expect(result.images).toEqual([])
    expect(await containersOf(runId)).toEqual([])
    for (const volume of volumes) expect(await volumeExists(volume)).toBe(false)
    // Another run's container, and this run's image (cleanup-images is off), are still there.
    expect((await containersOf(otherRun)).map(c => c.Id)).toEqual([other.id])
    expect((await imagesOf(runId)).flatMap(i => i.RepoTags)).toEqual([image])

    const withImages = await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
    expect(withImages.containers).toEqual([])
    expect(withImages.images.map(i => i.tags)).toEqual([[image]])
    expect(await imagesOf(runId)).toEqual([])
    await other.remove({ force: true, v: true })
  })

  test('what is already gone (404) or being removed (409) is not a problem', async () => {
    const runId = newRunId()
    runIds.push(runId)
    const first = await runContainer(runId, true)
    const second = await runContainer(runId, false)
    let elsewhere: Promise<unknown> = Promise.resolve()
    // The engine lists both; by the time cleanup removes them, one is gone and one is being removed.
    const racing: EngineClient = Object.assign(Object.create(client) as EngineClient, {
      containers: {
        ...client.containers,
        list: async (...args: Parameters<EngineClient['containers']['list']>) => {
          const listed = await client.containers.list(...args)
          // With their anonymous volumes (v), as the action removes its own: without, this test leaked two
          // unlabelled volumes per run, which the structure tests' leak checks then caught.
          await first.remove({ force: true, v: true })
          elsewhere = second.remove({ force: true, v: true }).catch(() => {})
          return listed
        }
      }
    })
    const log = new RecordingLog()
    const result = await cleanupRun({ client: racing, runId, removeImages: true, log })
    await elsewhere // the other removal finishes on its own time
    expect(result.problems).toEqual([])
    expect(result.containers.map(c => c.id)).not.toContain(first.id)
    expect(await containersOf(runId)).toEqual([])
  })

  test('a second cleanup finds nothing and says so', async () => {
    const runId = newRunId()
    runIds.push(runId)
    await runContainer(runId, false)
    expect(
      (await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })).containers
    ).toHaveLength(1)
    const again = await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
    expect(again).toEqual({ containers: [], images: [], networks: [], volumes: [], problems: [] })
  })

  test('refuses an empty run id rather than guess what to delete', async () => {
    await expect(
      cleanupRun({ client, runId: ' ', removeImages: true, log: new RecordingLog() })
    ).rejects.toThrow(/run id is required/)
  })
})

describe('the post step (dist/index.js with the state main saved)', () => {
  test('removes the run’s containers and, with cleanup-images, its images, and says what it removed', async () => {
    const runId = newRunId()
    runIds.push(runId)
    const container = await runContainer(runId, true)
    const image = await runImage(runId)
    const name = (await container.inspect()).Name.replace(/^\//, '')

    const run = await runAction(
      {},
      {
        state: {
          phase: 'main',
          'run-id': runId,
          config: JSON.stringify({ cleanupImages: true, summary: true })
        }
      }
    )

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      `Removed container ${name} (${container.id.slice(0, 12)}, running, image busybox:latest)`
    )
    expect(run.stdout).toContain(`Removed image ${image}`)
    expect(run.summary).toContain(`cleanup removed 1 container and 1 image of run <code>${runId}</code>`)
    expect(await containersOf(runId)).toEqual([])
    expect(await imagesOf(runId)).toEqual([])
  })

  test('without cleanup-images the images stay; with nothing to remove it says so and writes no summary', async () => {
    const runId = newRunId()
    runIds.push(runId)
    const image = await runImage(runId)
    const state = {
      phase: 'main',
      'run-id': runId,
      config: JSON.stringify({ cleanupImages: false, summary: true })
    }

    const run = await runAction({}, { state })

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Nothing of this run was left on the engine.')
    expect(run.summary).toBe('')
    expect((await imagesOf(runId)).flatMap(i => i.RepoTags)).toEqual([image])
  })

  test('main failed on bad input (no config saved): the post step still cleans by the run id', async () => {
    const runId = newRunId()
    runIds.push(runId)
    await runContainer(runId, false)
    const run = await runAction({}, { state: { phase: 'main', 'run-id': runId } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/Removed container /)
    expect(await containersOf(runId)).toEqual([])
  })

  test('main saved state for the post step: the run id, and the engine and cleanup settings', async () => {
    const front = await startPlainFront()
    const run = await runAction({
      build: 'false',
      'cleanup-images': 'true',
      'docker-host': front.host
    }).finally(() => front.close())
    expect(run.exitCode).toBe(0)
    expect(run.state['run-id']).toMatch(/^42-1-[0-9a-f]{8}$/)
    expect(JSON.parse(run.state['config']!)).toEqual({
      cleanupImages: true,
      dockerHost: front.host,
      summary: true
    })
  })
})
