// The BuildKit session over a long build: BuildKit checks the session's health every few seconds
// (session/grpc.go monitorHealth: 5 s, two failures drop it; 20.10's: every second, one failure) and a
// COPY after a long RUN only reaches the context if the session answered every check in between.
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

test('a COPY of the context after a 12 s RUN still gets the context: the session answered its health checks', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'pf-session-'))
  dirs.push(workspace)
  const marker = randomBytes(8).toString('hex')
  writeFileSync(join(workspace, 'late.txt'), `${marker}\n`)
  writeFileSync(
    join(workspace, 'Dockerfile'),
    [
      'FROM busybox:latest',
      `RUN echo ${marker} && sleep 12`,
      'COPY late.txt /ctx/',
      'RUN cat /ctx/late.txt'
    ].join('\n') + '\n'
  )
  const tag = `pf-session/app:${suffix()}`
  images.push(tag)
  const input = buildInput(testClient(), workspace, { tags: [tag], builder: 'buildkit', noCache: true })
  const result = await buildImage(input)
  expect(result.failure).toBeUndefined()
  expect(result.status).toBe('built')
  expect(await filesInImage(docker, tag, '/ctx')).toEqual(['late.txt'])
}, 120_000)
