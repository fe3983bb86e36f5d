import { findLeftovers } from '../src/audit/leftovers.js'
import { EngineClient } from '../src/engine/client.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import { formatAge } from '../src/format.js'
import { parseInputsOrThrow } from '../src/inputs/parse.js'
import { LABEL_MANAGED, LABEL_ROLE, LABEL_RUN } from '../src/labels.js'
import { runPipeline } from '../src/pipeline.js'
import { testClient, testDocker, testEnvironment } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'

// A killed job leaves what it created: here, a container and an image labelled by an "earlier run".

const docker = testDocker()

const client = testClient()
const suffix = Math.random().toString(16).slice(2, 10)
const earlierRun = `test-killed-${suffix}`
const imageRef = `preflight-leftover-${suffix}:latest`
let containerId: string
let imageId: string

beforeAll(async () => {
  const container = await docker.createContainer({
    Image: 'busybox:latest',
    Cmd: ['true'],
    name: `preflight-leftover-${suffix}`,
    Labels: { [LABEL_MANAGED]: 'true', [LABEL_RUN]: earlierRun, [LABEL_ROLE]: 'smoke' }
  })
  containerId = container.id
  const committed = (await container.commit({
    repo: `preflight-leftover-${suffix}`,
    tag: 'latest',
    changes: [`LABEL ${LABEL_MANAGED}=true ${LABEL_RUN}=${earlierRun} ${LABEL_ROLE}=build`]
  })) as { Id: string }
  imageId = committed.Id
})

afterAll(async () => {
  await docker
    .getContainer(containerId)
    .remove({ force: true })
    .catch(() => {})
  await docker
    .getImage(imageRef)
    .remove({ force: true })
    .catch(() => {})
})

test('an earlier run’s container and image are listed, with their run and age', async () => {
  const now = Date.now() + 3 * 3600_000
  const found = await findLeftovers({ client, runId: 'this-run', now })
  expect(found.error).toBeUndefined()
  const container = found.containers.find(c => c.id === containerId)
  expect(container).toMatchObject({
    name: `preflight-leftover-${suffix}`,
    runId: earlierRun,
    role: 'smoke',
    state: 'created',
    image: 'busybox:latest'
  })
  expect(container!.ageMs).toBeGreaterThanOrEqual(3 * 3600_000)
  expect(formatAge(container!.ageMs)).toMatch(/^3h(\d+m)?$/)
  const image = found.images.find(i => i.id === imageId)
  expect(image).toMatchObject({ tags: [imageRef], runId: earlierRun, role: 'build' })
  expect(image!.sizeBytes).toBeGreaterThan(0)
})

test('what the current run created is not a leftover', async () => {
  const found = await findLeftovers({ client, runId: earlierRun })
  expect(found.containers.find(c => c.id === containerId)).toBeUndefined()
  expect(found.images.find(i => i.id === imageId)).toBeUndefined()
})

test('the pipeline lists leftovers with report-scope all, and not with run', async () => {
  const env = testEnvironment()
  const all = await parseInputsOrThrow({ build: 'false', 'report-scope': 'all' }, env, {
    processEnv: process.env
  })
  const run = await runPipeline(all, env, { log: new RecordingLog(), processEnv: process.env })
  expect(run.leftovers?.containers.map(c => c.id)).toContain(containerId)
  expect(run.leftovers?.images.map(i => i.id)).toContain(imageId)

  const scoped = await parseInputsOrThrow({ build: 'false' }, env, { processEnv: process.env })
  expect(
    (await runPipeline(scoped, env, { log: new RecordingLog(), processEnv: process.env })).leftovers
  ).toBeUndefined()
})

test('an engine that cannot list: an error in the result, not a throw', async () => {
  const found = await findLeftovers({
    client: new EngineClient(resolveEndpoint('tcp://127.0.0.1:1', process.env)),
    runId: 'x'
  })
  expect(found).toMatchObject({
    containers: [],
    images: [],
    error: expect.stringMatching(/^Could not list leftovers: /)
  })
})
