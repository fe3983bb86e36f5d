// Parsing what the engine sends during a build, mapping it to Dockerfile lines, and registry credentials.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { missingBaseImage } from '../src/build/build.js'
import { findCredentials, registryConfig, registryOf } from '../src/build/credentials.js'
import {
  baseImages,
  lineInMessage,
  locateClassicStep,
  locateVertex,
  parseDockerfile,
  type ParsedDockerfile
} from '../src/build/dockerfile.js'
import { buildEvents, decodeBuildKitStatus, parseLine, type BuildEvent } from '../src/build/events.js'
import { PatternMatcher, parseIgnoreFile, readIgnoreFile } from '../src/build/ignore.js'
import { BuildProgress } from '../src/build/progress.js'
import { LineSplitter } from '../src/lines.js'

// Recorded from dockerd 20.10 (BuildKit): a RUN's output, and the vertex of a RUN that failed.
const TRACE_LOG =
  'GoABCkdzaGEyNTY6MmExYzc4MTg4ZTJmOTkxYjRlMzZmYWY1NGRlYjQ2NmIwNGY3OGU1YTA2NDJhYWI2MzA2MmZkYmNkNTM3NGNhNBIMCJ2rrNgGELyvh6oCGAEiJTo6c2V0LW91dHB1dCBuYW1lPXg6OnkKIyNbZXJyb3JdYm9vbQo='
const TRACE_FAILED_VERTEX =
  'CoECCkdzaGEyNTY6YWE4MzEwNWVjYWI0MzllZjBlNGQ1OTJmYzhiZWYzZGJiYWE5NTkzOWUwZTJjMjg5ZDlkOTJjNzIxNWQ2OWVhZhJHc2hhMjU2Ojk3ZGJkY2E5YjQ5M2JhMDAxZGI2M2FiN2M5MTFmM2ZiMDlkNGIzNzU5ZWM0ODQ2OGEyMzA5NGVkYmJjMGRjZGQaF1tzZWNvbmQgMi8yXSBSVU4gZXhpdCAzKgsInqus2AYQ7fCkIzIMCJ6rrNgGELP9o5ECOjlleGVjdXRvciBmYWlsZWQgcnVubmluZyBbL2Jpbi9zaCAtYyBleGl0IDNdOiBleGl0IGNvZGU6IDM='

const MULTI_STAGE = [
  'ARG V=latest', //                       1
  'FROM busybox:${V} AS base', //          2
  'RUN echo a \\', //                      3
  '    && echo b', //                      4
  'WORKDIR /x', //                         5
  'ENV A=1', //                            6
  'FROM base AS second', //                7
  'COPY --from=0 /x /y', //                8
  'RUN exit 3' //                          9
].join('\n')

function recorder() {
  const written: string[] = []
  return { written, block: { write: (t: string) => void written.push(t), close: () => {} } }
}

describe('the event stream', () => {
  test('lines split across chunks, and a UTF-8 character split across chunks, come out whole', () => {
    const splitter = new LineSplitter()
    const euro = Buffer.from('€')
    expect(splitter.push(Buffer.from('{"stream":"a'))).toEqual([])
    expect(splitter.push(Buffer.concat([Buffer.from('"}\n{"stream":"'), euro.subarray(0, 1)]))).toEqual([
      '{"stream":"a"}'
    ])
    expect(splitter.push(Buffer.concat([euro.subarray(1), Buffer.from('"}')]))).toEqual([])
    expect(splitter.end()).toEqual(['{"stream":"€"}'])
  })

  test('every kind of event, including a line that is not JSON and an error after HTTP 200', async () => {
    const body = [
      '{"stream":"Step 1/2 : FROM busybox"}\r\n{"stream":"\\n"}\n',
      'not json at all\n',
      '{"status":"Downloading","progressDetail":{"current":5,"total":10},"id":"abc"}\n',
      '{"aux":{"ID":"sha256:1"}}\n',
      '{"errorDetail":{"code":3,"message":"boom"},"error":"boom"}\n',
      `{"id":"moby.buildkit.trace","aux":"${TRACE_LOG}"}`
    ]
    const events: BuildEvent[] = []
    for await (const event of buildEvents(Readable.from(body.map(b => Buffer.from(b))))) events.push(event)
    expect(events.map(e => e.kind)).toEqual(['stream', 'stream', 'text', 'pull', 'image', 'error', 'trace'])
    expect(events[3]).toEqual({ kind: 'pull', status: 'Downloading', id: 'abc', current: 5, total: 10 })
    expect(events[5]).toEqual({ kind: 'error', message: 'boom', code: 3 })
  })

  test('BuildKit trace events decode to vertices, logs and errors', () => {
    expect(decodeBuildKitStatus(TRACE_LOG).logs).toEqual([
      { vertex: expect.stringMatching(/^sha256:2a1c/), text: '::set-output name=x::y\n##[error]boom\n' }
    ])
    const failed = decodeBuildKitStatus(TRACE_FAILED_VERTEX).vertexes[0]!
    expect(failed).toMatchObject({
      name: '[second 2/2] RUN exit 3',
      started: true,
      completed: true,
      cached: false,
      error: 'executor failed running [/bin/sh -c exit 3]: exit code: 3'
    })
    expect(decodeBuildKitStatus('!!not protobuf!!')).toEqual({
      vertexes: [],
      statuses: [],
      logs: [],
      warnings: []
    })
    expect(parseLine('{"id":"moby.image.id","aux":{"ID":"sha256:2"}}')).toEqual([
      { kind: 'image', id: 'sha256:2' }
    ])
  })
})

describe('the build log', () => {
  test('a pull shows a line per layer phase change and a heartbeat, not every progress event', async () => {
    const { written, block } = recorder()
    let now = 0
    const progress = new BuildProgress(block, await parseDockerfile('FROM x\n'), () => now)
    progress.handle({ kind: 'pull', status: 'Pulling fs layer', id: 'l1' })
    for (let i = 1; i <= 110; i++) {
      now += 100 // eleven seconds of progress events, ten a second
      progress.handle({ kind: 'pull', status: 'Downloading', id: 'l1', current: i * 1e6, total: 110e6 })
    }
    progress.handle({ kind: 'pull', status: 'Pull complete', id: 'l1' })
    expect(written).toEqual([
      'l1: Pulling fs layer',
      'l1: Downloading',
      '… l1 downloading 51MB/110MB',
      '… l1 downloading 101MB/110MB',
      'l1: Pull complete'
    ])
  })

  test('a BuildKit vertex error names the failing step and its line; the tail keeps the last 30 lines', async () => {
    const { written, block } = recorder()
    const progress = new BuildProgress(block, await parseDockerfile(MULTI_STAGE))
    progress.handle({ kind: 'trace', status: decodeBuildKitStatus(TRACE_LOG) })
    for (let i = 0; i < 40; i++) progress.handle({ kind: 'text', text: `line ${i}` })
    progress.handle({ kind: 'trace', status: decodeBuildKitStatus(TRACE_FAILED_VERTEX) })
    progress.handle({ kind: 'error', message: 'executor failed running [/bin/sh -c exit 3]: exit code: 3' })
    expect(progress.failedStep).toEqual({ instruction: 'RUN exit 3', line: 9, cached: false })
    expect(progress.error).toMatch(/exit code: 3/)
    expect(written).toContain('::set-output name=x::y')
    expect(progress.tail()).toHaveLength(30)
    expect(progress.tail().at(-1)).toBe(
      'ERROR: [second 2/2] RUN exit 3: executor failed running [/bin/sh -c exit 3]: exit code: 3'
    )
  })

  test('classic output: steps with lines and cache flags; containers and images it made are tracked', async () => {
    const { written, block } = recorder()
    const progress = new BuildProgress(block, await parseDockerfile(MULTI_STAGE))
    const text = [
      'Step 2/9 : FROM busybox:${V} AS base',
      ' ---> b687ff22dc6d',
      'Step 3/9 : RUN echo a    && echo b',
      ' ---> Using cache',
      ' ---> 1111111111aa',
      'Step 9/9 : RUN exit 3',
      ' ---> Running in 2222222222bb',
      'Removing intermediate container 2222222222bb',
      ' ---> 3333333333cc',
      'Step 10/10 : LABEL io.docker-preflight.run=x',
      ' ---> Running in 4444444444dd',
      ''
    ].join('\n')
    progress.handle({ kind: 'stream', text: text.slice(0, 50) })
    progress.handle({ kind: 'stream', text: text.slice(50) })
    expect(progress.steps).toEqual([
      { instruction: 'FROM busybox:${V} AS base', line: 2, cached: undefined },
      { instruction: 'RUN echo a    && echo b', line: 3, cached: true },
      { instruction: 'RUN exit 3', line: 9, cached: false }
    ])
    expect([...progress.classicContainers]).toEqual(['4444444444dd'])
    expect(progress.classicImages).toEqual(['3333333333cc'])
    expect(written).not.toContain(' ---> Running in 2222222222bb')
  })
})

describe('Dockerfile lines', () => {
  let dockerfile: ParsedDockerfile
  beforeAll(async () => {
    dockerfile = await parseDockerfile(MULTI_STAGE)
  })

  test('BuildKit vertex names map to instructions by stage and step', async () => {
    expect(locateVertex(dockerfile, '[base 2/3] RUN echo a    && echo b')?.line).toBe(3)
    expect(locateVertex(dockerfile, '[base 1/3] FROM docker.io/library/busybox:latest')?.line).toBe(2)
    expect(locateVertex(dockerfile, '[base 3/3] WORKDIR /x')?.line).toBe(5)
    expect(locateVertex(dockerfile, '[second 2/3] COPY --from=0 /x /y')?.line).toBe(8)
    expect(locateVertex(dockerfile, '[stage-1 3/3] RUN exit 3')?.line).toBe(9)
    expect(locateVertex(await parseDockerfile('FROM a\nRUN x\nRUN x\n'), '[3/3] RUN x')?.line).toBe(3)
    expect(locateVertex(dockerfile, '[internal] load metadata for busybox')).toBeUndefined()
  })

  test('a FROM vertex named after another build’s stage (BuildKit shares it) maps by its image', () => {
    const shared = '[builder 1/4] FROM docker.io/library/busybox:latest@sha256:' + 'a'.repeat(64)
    expect(locateVertex(dockerfile, shared)?.line).toBe(2)
    expect(locateVertex(dockerfile, '[1/2] FROM docker.io/library/alpine:3')).toBeUndefined()
  })

  test('classic step numbers count every instruction, ARGs before FROM included', () => {
    expect(locateClassicStep(dockerfile, 3, 'RUN echo a    && echo b')?.line).toBe(3)
    expect(locateClassicStep(dockerfile, 9, 'RUN exit 3')?.line).toBe(9)
    expect(locateClassicStep(dockerfile, 10, 'LABEL a=b')).toBeUndefined()
  })

  test('engine messages: parse error lines and missing base images', () => {
    expect(
      lineInMessage(
        'failed to create LLB definition: dockerfile parse error line 3: unknown instruction: FOO'
      )
    ).toBe(3)
    expect(lineInMessage('Dockerfile:12\n--------------------\n')).toBe(12)
    expect(lineInMessage('exit code: 3')).toBeUndefined()
    expect(missingBaseImage('manifest for 127.0.0.1:5000/nope:1 not found: manifest unknown')).toBe(
      '127.0.0.1:5000/nope:1'
    )
    expect(missingBaseImage('127.0.0.1:5000/nope:latest: not found')).toBe('127.0.0.1:5000/nope:latest')
    expect(missingBaseImage('pull access denied for nope, repository does not exist')).toBe('nope')
    expect(
      missingBaseImage(
        'failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/3.20": dial tcp'
      )
    ).toBe('docker.io/library/alpine:3.20')
    expect(missingBaseImage('executor failed running [/bin/sh -c exit 3]: exit code: 3')).toBeUndefined()
  })

  test('base images expand ARGs and skip stages and scratch', async () => {
    const text =
      'ARG REG=127.0.0.1:5000\nFROM ${REG}/busybox AS a\nFROM a\nFROM scratch\nFROM node:${NODE:-20}\n'
    expect(baseImages(await parseDockerfile(text), {})).toEqual(['127.0.0.1:5000/busybox', 'node:20'])
    expect(baseImages(await parseDockerfile(text), { REG: 'ghcr.io/o' })[0]).toBe('ghcr.io/o/busybox')
  })
})

describe('.dockerignore patterns (moby/patternmatcher)', () => {
  test('reading: comments in the first column, CRLF, BOM, trimming, cleaning, a leading slash', () => {
    const read = readIgnoreFile('\ufeff# c\r\n #not a comment\r\n  /a/./b/../c/  \n!  ./d\n\n**\n')
    expect(read.patterns).toEqual(['#not a comment', 'a/c', '!d', '**'])
    expect(read.lines).toEqual([2, 3, 4, 6])
  })

  test('refused as docker refuses, naming the line', () => {
    expect(() => parseIgnoreFile('a\n!\n')).toThrow('.dockerignore line 2: illegal exclusion pattern: "!"')
    expect(() => parseIgnoreFile('ok\n\nx[\n')).toThrow('.dockerignore line 3: syntax error in pattern')
    expect(() => parseIgnoreFile('[]a]\n')).toThrow('syntax error in pattern')
    expect(() => parseIgnoreFile('a\\\n')).toThrow('syntax error in pattern')
    expect(() => parseIgnoreFile('a]b\n[a-c]\n\\[x\n')).not.toThrow()
  })

  test('matching: **, parents, exceptions, classes, escapes', () => {
    const m = (patterns: string[], path: string) =>
      PatternMatcher.create(patterns).matchesOrParentMatches(path)
    expect(m(['**/*.go'], 'a/b/c.go')).toBe(true)
    expect(m(['**/*.go'], 'c.go')).toBe(true)
    expect(m(['dir'], 'dir/x/y')).toBe(true)
    expect(m(['dir', '!dir/keep'], 'dir/keep')).toBe(false)
    expect(m(['*', '!*.md'], 'x/README.md')).toBe(true) // the parent x matches * and no exception matches it
    expect(m(['[a-c]?'], 'bz')).toBe(true)
    expect(m(['[!a]'], '!')).toBe(true) // Go's regexp: a class of "!" and "a"
    expect(m(['a\\*b'], 'a*b')).toBe(true)
    expect(m(['a\\*b'], 'axb')).toBe(false)
    expect(m(['a]b'], 'a]b')).toBe(true)
    expect(m(['Cache'], 'cache')).toBe(false)
    expect(m(['ü*'], 'über')).toBe(true)
  })
})

describe('registry credentials', () => {
  function configDir(config: object): { dir: string; cleanup: () => void } {
    const dir = mkdtempSync(join(tmpdir(), 'pf-cred-'))
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
    return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
  }

  test('registries of image references', () => {
    expect(registryOf('busybox')).toBe('docker.io')
    expect(registryOf('library/busybox:1')).toBe('docker.io')
    expect(registryOf('ghcr.io/o/i')).toBe('ghcr.io')
    expect(registryOf('127.0.0.1:5000/busybox')).toBe('127.0.0.1:5000')
    expect(registryOf('localhost/i')).toBe('localhost')
  })

  test('auths entries, credHelpers and credsStore, the way the docker CLI reads them', async () => {
    const { dir, cleanup } = configDir({
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hubpass').toString('base64') },
        'ghcr.io': { auth: Buffer.from('gh:ghpass').toString('base64') }
      },
      credHelpers: { 'registry.example.com': 'fake' },
      credsStore: 'store'
    })
    const asked: string[] = []
    const runHelper = async (helper: string, server: string) => {
      asked.push(`${helper} ${server}`)
      if (helper === 'fake')
        return JSON.stringify({ ServerURL: server, Username: 'u', Secret: 'helper-secret' })
      return undefined // the store has nothing: fall back to auths
    }
    try {
      const found = await findCredentials(
        ['docker.io', 'ghcr.io', 'registry.example.com', 'quay.io'],
        { DOCKER_CONFIG: dir },
        runHelper
      )
      expect(found.map(f => [f.registry, f.source])).toEqual([
        ['docker.io', 'auths["https://index.docker.io/v1/"] in config.json'],
        ['ghcr.io', 'auths["ghcr.io"] in config.json'],
        ['registry.example.com', 'docker-credential-fake']
      ])
      expect(registryConfig(found)).toEqual({
        'https://index.docker.io/v1/': {
          serveraddress: 'https://index.docker.io/v1/',
          username: 'hubuser',
          password: 'hubpass'
        },
        'ghcr.io': { serveraddress: 'ghcr.io', username: 'gh', password: 'ghpass' },
        'registry.example.com': {
          serveraddress: 'registry.example.com',
          username: 'u',
          password: 'helper-secret'
        }
      })
      expect(asked).toEqual([
        'store https://index.docker.io/v1/',
        'store ghcr.io',
        'fake registry.example.com',
        'store quay.io'
      ])
    } finally {
      cleanup()
    }
  })

  test('a real credential helper program is run with the server address on stdin', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'pf-helper-'))
    const helper = join(bin, 'docker-credential-pftest')
    writeFileSync(
      helper,
      '#!/bin/sh\nread server\n[ "$1" = get ] || exit 1\nprintf \'{"ServerURL":"%s","Username":"<token>","Secret":"tok-%s"}\' "$server" "$server"\n'
    )
    chmodSync(helper, 0o755)
    const { dir, cleanup } = configDir({
      credHelpers: { '127.0.0.1:5000': 'pftest', 'broken.example': 'missing' }
    })
    const path = process.env.PATH
    process.env.PATH = `${bin}:${path}`
    try {
      const found = await findCredentials(['127.0.0.1:5000', 'broken.example'], { DOCKER_CONFIG: dir })
      expect(found).toEqual([
        {
          registry: '127.0.0.1:5000',
          source: 'docker-credential-pftest',
          auth: { serveraddress: '127.0.0.1:5000', identitytoken: 'tok-127.0.0.1:5000' }
        }
      ])
    } finally {
      process.env.PATH = path
      cleanup()
      rmSync(bin, { recursive: true, force: true })
    }
  })

  test('no config file means anonymous pulls', async () => {
    expect(await findCredentials(['docker.io'], { DOCKER_CONFIG: '/nonexistent-pf' })).toEqual([])
  })
})
