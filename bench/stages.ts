// Benchmarks of single stages, run in child processes so each has its own peak RSS.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildImage } from '../src/build/build.js'
import { EngineClient } from '../src/engine/client.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import { silentLog } from '../src/log/log.js'
import { runSmoke } from '../src/smoke/run.js'
import { parseSmokeList } from '../src/smoke/spec.js'
import { ProblemList } from '../src/inputs/problems.js'
import { runLabels } from '../src/labels.js'
import { analyseEfficiency } from '../src/efficiency/efficiency.js'
import type { RunEnvironment } from '../src/config.js'

const env = (runId: string): RunEnvironment => ({
  actions: false,
  workspace: process.cwd(),
  tempDir: '/tmp',
  runId
})

/** `files` files of `bytes` each in 100 folders; every other file is a .log the .dockerignore drops. */
export function makeContext(
  dir: string,
  files: number,
  bytes: number,
  dockerfile = 'FROM scratch\nCOPY Dockerfile /Dockerfile\n'
): void {
  const block = Buffer.alloc(bytes, 'x')
  for (let i = 0; i < files; i++) {
    const folder = join(dir, `d${i % 100}`)
    if (i < 100) mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `f${i}.${i % 2 ? 'log' : 'dat'}`), block)
  }
  writeFileSync(join(dir, '.dockerignore'), '# half of the files\n**/*.log\n')
  writeFileSync(join(dir, 'Dockerfile'), dockerfile)
}

/** Child: one build of `context` (classic unless told); prints {ms, maxRssMB, context}. */
export async function childBuild(
  context: string,
  tag: string,
  builder: 'classic' | 'buildkit' = 'classic'
): Promise<void> {
  const client = new EngineClient(resolveEndpoint(undefined, process.env))
  const started = performance.now()
  const result = await buildImage({
    client,
    processEnv: process.env,
    options: {
      mode: 'true',
      context,
      file: join(context, 'Dockerfile'),
      tags: [tag],
      buildArgs: {},
      labels: {},
      noCache: false,
      pull: false,
      builder,
      secrets: [],
      buildContexts: [],
      cacheFrom: []
    },
    env: env('bench'),
    log: silentLog,
    labels: runLabels('bench', 'build')
  })
  const ms = performance.now() - started
  if (result.status !== 'built')
    throw new Error(`build ${result.status}: ${result.failure?.message ?? result.skippedReason}`)
  console.log(
    JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, context: result.context })
  )
}

/** Child: `count` smoke containers that sleep 1 s and print a line, `parallel` at a time. */
export async function childSmoke(count: number, parallel: number): Promise<void> {
  const client = new EngineClient(resolveEndpoint(undefined, process.env))
  const problems = new ProblemList()
  const list = Array.from({ length: count }, (_, i) => ({
    name: `sleeper-${i}`,
    image: 'busybox:latest',
    command: ['sh', '-c', 'sleep 1; echo slept'],
    'expect-output': 'slept'
  }))
  const entries = await parseSmokeList(JSON.stringify(list), { timeoutMs: 60_000 }, problems)
  if (!problems.empty) throw new Error(JSON.stringify(problems.items))
  const started = performance.now()
  const result = await runSmoke({
    client,
    options: { entries, timeoutMs: 60_000, parallel, pullPolicy: 'never', cleanup: true },
    env: env(`bench-${process.pid}`),
    log: silentLog,
    labels: runLabels(`bench-${process.pid}`, 'smoke')
  })
  const ms = performance.now() - started
  if (!result.passed) throw new Error(`smoke failed: ${result.results.map(r => r.reason).join('; ')}`)
  console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }))
}

/** Child: the efficiency analysis of `image` (the export streamed, headers only); prints figures. */
export async function childEfficiency(image: string): Promise<void> {
  const client = new EngineClient(resolveEndpoint(undefined, process.env))
  const started = performance.now()
  const result = await analyseEfficiency({ client, image, name: image, options: {} })
  const ms = performance.now() - started
  if (result.status === 'error') throw new Error(result.problems.join('; '))
  console.log(
    JSON.stringify({
      ms,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      sizeBytes: result.sizeBytes,
      wastedBytes: result.wastedBytes,
      efficiency: result.efficiency,
      format: result.format
    })
  )
}

/** Child: the same export read and thrown away, no parsing: the floor a Node process reading it has. */
export async function childExportRead(image: string): Promise<void> {
  const client = new EngineClient(resolveEndpoint(undefined, process.env))
  const started = performance.now()
  let bytes = 0
  for await (const chunk of (await client.images.export(image)) as AsyncIterable<Buffer>)
    bytes += chunk.length
  console.log(
    JSON.stringify({
      ms: performance.now() - started,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      bytes
    })
  )
}
