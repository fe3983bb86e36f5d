// The BuildKit session over a long build: BuildKit checks the session's health every few seconds
// (session/grpc.go monitorHealth: 5 s, two failures drop it; 20.10's: every second, one failure) and a
// secret mounted after a long RUN (BuildKit asks the session for it when that step starts) only arrives
// if the session answered every check in between.
import { afterAll, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testClient, testDocker } from './helpers/engine.js'
import { buildImage } from '../src/build/build.js'
import { buildInput, filesInImage, removeImages, suffix } from './fixtures/build-support/helpers.js'

const docker = testDocker()
const images: string[] = []
const dirs: string[] = []
afterAll(async () => {
  await removeImages(docker, images)
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

test('a secret mounted after a 12 s RUN still arrives: the session answered its health checks', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'pf-session-'))
  dirs.push(workspace)
  const marker = randomBytes(8).toString('hex')
  writeFileSync(join(workspace, 'late.txt'), `${marker}\n`)
  writeFileSync(
    join(workspace, 'Dockerfile'),
    [
      'FROM busybox:latest',
      'COPY late.txt /ctx/',
      'RUN sleep 12',
      'RUN --mount=type=secret,id=late,required=true cat /run/secrets/late > /ctx/secret.txt'
    ].join('\n') + '\n'
  )
  const tag = `pf-session/app:${suffix()}`
  images.push(tag)
  const input = buildInput(testClient(), workspace, {
    tags: [tag],
    builder: 'buildkit',
    noCache: true,
    secrets: [{ id: 'late', input: 'secrets', value: Buffer.from(marker) }]
  })
  const result = await buildImage(input)
  expect(result.failure).toBeUndefined()
  expect(result.status).toBe('built')
  expect((await filesInImage(docker, tag, '/ctx')).sort()).toEqual(['late.txt', 'secret.txt'])
}, 120_000)
