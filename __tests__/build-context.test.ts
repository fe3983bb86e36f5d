// The build context: what goes into the tar, that it streams, and a 20,000-file context on the engine.
import { afterAll, describe, expect, test } from '@jest/globals'
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs'
import { join } from 'node:path'
import { Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import tar from 'tar-stream'
import { buildImage } from '../src/build/build.js'
import { packContext } from '../src/build/context.js'
import { testClient, testDocker } from './helpers/engine.js'
import { buildInput, filesInImage, makeTree, removeImages, suffix } from './fixtures/build-support/helpers.js'

const cleanups: (() => void)[] = []
const images: (string | undefined)[] = []
const docker = testDocker()
const client = testClient()
afterAll(async () => {
  await removeImages(docker, images)
  for (const cleanup of cleanups) cleanup()
})

function tree(files: Record<string, string>): string {
  const made = makeTree(files)
  cleanups.push(made.cleanup)
  return made.dir
}

interface Entry {
  name: string
  type?: string | null
  uid?: number
  linkname?: string | null
  body: string
}

async function entries(stream: Readable): Promise<Entry[]> {
  const found: Entry[] = []
  const extract = tar.extract()
  extract.on('entry', (header, body, next) => {
    let text = ''
    body.on('data', (chunk: unknown) => (text += String(chunk)))
    body.on('end', () => {
      found.push({
        name: header.name,
        type: header.type,
        uid: header.uid,
        linkname: header.linkname,
        body: text
      })
      next()
    })
  })
  await pipeline(stream, extract as unknown as NodeJS.WritableStream)
  return found
}

describe('packing the context', () => {
  test('ignored files stay out, re-included ones come back, Dockerfile and .dockerignore always go', async () => {
    const dir = tree({
      'build/Dockerfile': 'FROM busybox\n',
      '.dockerignore': 'build\n.dockerignore\n*.tmp\n!keep.tmp\ncache/**\n',
      'a.tmp': 'x',
      'keep.tmp': 'x',
      'cache/deep/x': 'x',
      'src/app.js': 'console.log(1)'
    })
    symlinkSync('src/app.js', join(dir, 'link.js'))
    const packed = packContext({ context: dir, dockerfile: join(dir, 'build/Dockerfile') })
    const list = await entries(packed.stream)
    expect(packed.dockerfileName).toBe('build/Dockerfile')
    expect(list.map(e => e.name).sort()).toEqual(
      ['.dockerignore', 'build/Dockerfile', 'cache', 'keep.tmp', 'link.js', 'src', 'src/app.js'].sort()
    )
    expect(list.find(e => e.name === 'link.js')).toMatchObject({ type: 'symlink', linkname: 'src/app.js' })
    expect(list.every(e => e.uid === 0)).toBe(true)
    expect(await packed.done).toEqual({ files: 4, bytes: expect.any(Number), ignored: 2 }) // a.tmp, cache/deep
  })

  test('a Dockerfile outside the context travels under a generated name', async () => {
    const dir = tree({ 'ctx/a.txt': 'a', 'elsewhere/Dockerfile': 'FROM busybox\n' })
    const packed = packContext({ context: join(dir, 'ctx'), dockerfile: join(dir, 'elsewhere/Dockerfile') })
    const list = await entries(packed.stream)
    expect(packed.dockerfileName).toMatch(/^\.docker-preflight-[0-9a-f]{12}\.Dockerfile$/)
    expect(list.map(e => e.name)).toEqual(['a.txt', packed.dockerfileName])
    expect(list[1]!.body).toBe('FROM busybox\n')
  })

  test('the context streams: an unread 256 MiB file is not read ahead into memory', async () => {
    const dir = tree({ Dockerfile: 'FROM busybox\n' })
    const size = 256 * 1024 * 1024
    const fd = openSync(join(dir, 'big.bin'), 'w')
    ftruncateSync(fd, size) // sparse: no disk used
    closeSync(fd)
    const before = process.memoryUsage()
    const packed = packContext({ context: dir, dockerfile: join(dir, 'Dockerfile') })
    await new Promise(resolve => setTimeout(resolve, 1000)) // nobody reads
    const waiting = process.memoryUsage()
    expect(waiting.rss - before.rss).toBeLessThan(48 * 1024 * 1024)
    let received = 0
    await pipeline(
      packed.stream,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          received += chunk.length
          callback()
        }
      })
    )
    expect(received).toBeGreaterThan(size)
    expect(await packed.done).toMatchObject({ files: 2, bytes: size + 'FROM busybox\n'.length })
  })

  test('reading stops when the request goes away', async () => {
    const dir = tree({ Dockerfile: 'FROM busybox\n' })
    const fd = openSync(join(dir, 'big.bin'), 'w')
    ftruncateSync(fd, 64 * 1024 * 1024)
    closeSync(fd)
    const packed = packContext({ context: dir, dockerfile: join(dir, 'Dockerfile') })
    packed.stream.once('data', () => packed.stream.destroy())
    packed.stream.resume()
    await expect(packed.done).rejects.toThrow()
  })
})

describe('a context of 20,000 files', () => {
  test('builds, with what .dockerignore leaves in the image, and bounded memory', async () => {
    const dir = tree({
      Dockerfile: 'FROM busybox:latest\nCOPY . /ctx\n',
      '.dockerignore': 'skipped-*\n!skipped-207/file-7.txt\n'
    })
    // 200 directories sent, 20 ignored: 20,000 files go to the engine, 2,000 stay behind.
    for (let d = 0; d < 220; d++) {
      const sub = join(dir, d < 200 ? `dir-${d}` : `skipped-${d}`)
      mkdirSync(sub)
      for (let f = 0; f < 100; f++) writeFileSync(join(sub, `file-${f}.txt`), `${d}/${f}\n`)
    }
    const tag = `pf-build-test/many:${suffix()}`
    const result = await buildImage(buildInput(client, dir, { tags: [tag] }))
    images.push(tag, result.imageId)
    expect(result.failure).toBeUndefined()
    expect(result.context).toMatchObject({ files: 20_003, ignored: 19 + 99 }) // 19 directories pruned whole, 99 files
    const files = (await filesInImage(docker, result.imageId!, '/ctx')).filter(f => !f.endsWith('/'))
    expect(files).toHaveLength(20_003)
    expect(files).toContain('skipped-207/file-7.txt')
    expect(files).not.toContain('skipped-207/file-8.txt')
    expect(files.some(f => f.startsWith('skipped-208/'))).toBe(false)
    expect(files).toContain('dir-198/file-99.txt')
  })
})

describe('a context much larger than the memory the build may use', () => {
  test('a 256 MB file is streamed to the engine, never held: Buffer memory grows by far less', async () => {
    const dir = tree({
      Dockerfile: 'FROM busybox:latest\nCOPY small.txt /small.txt\n',
      'small.txt': 'small\n'
    })
    const size = 256 * 1024 * 1024
    const fd = openSync(join(dir, 'big.bin'), 'w')
    ftruncateSync(fd, size) // sparse: quick to make, but every byte is read and sent
    closeSync(fd)
    const tag = `pf-build-test/big:${suffix()}`
    // Buffers live outside the JS heap: arrayBuffers is where a context held in memory would show.
    const baseline = process.memoryUsage().arrayBuffers
    let peak = 0
    const sampler = setInterval(
      () => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline)),
      5
    )
    try {
      const result = await buildImage(buildInput(client, dir, { tags: [tag], builder: 'classic' }))
      images.push(tag, result.imageId)
      expect(result.failure).toBeUndefined()
      expect(result.context).toMatchObject({ files: 3, bytes: size + 'small\n'.length + 46 })
    } finally {
      clearInterval(sampler)
    }
    // Held, the context would be all 256 MB at once; streamed, what is left is read chunks the garbage
    // collector has not reached yet, which depends on when it runs: a bound of a quarter (64 MiB) failed
    // at 64.1 MiB in an idle CI run and at 68.1 MB under load.
    expect(peak).toBeLessThan(size / 2)
  })
})
