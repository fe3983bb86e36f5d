import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type Docker from 'dockerode'
import type { BuildResult } from '../src/build/build.js'
import { checkEngine } from '../src/engine/check.js'
import { parseInputsOrThrow } from '../src/inputs/parse.js'
import { takeInventory } from '../src/inventory/inventory.js'
import { LABEL_MANAGED, LABEL_RUN } from '../src/labels.js'
import { runPipeline, type RunResult } from '../src/pipeline.js'
import { SUMMARY_BUDGET_BYTES } from '../src/report/budget.js'
import { stepOutputs } from '../src/report/outputs.js'
import { renderSummary } from '../src/report/summary.js'
import { renderText } from '../src/report/text.js'
import type { SmokeContainerResult, SmokeResult } from '../src/smoke/run.js'
import { testClient, testDocker, testEnvironment } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'
import { expectInert } from './helpers/summary-checks.js'

// The report of real runs: images built here, containers run here, the inventory taken from the engine,
// and the summary, text and outputs rendered from it.

const docker = testDocker()

const client = testClient()
const suffix = Math.random().toString(16).slice(2, 10)
const runId = `test-rep-${suffix}`
const tag = `preflight-rep-${suffix}:1`
const labels = { [LABEL_MANAGED]: 'true', [LABEL_RUN]: runId, 'io.docker-preflight.role': 'smoke' }
const HOSTILE_OUTPUT = '<script>alert(1)</script>\n| a | b |\n```\n</pre></details>\n<!-- x -->\n`tick`'

async function removeByLabel(label: string): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters: { label: [label] } })
  await Promise.all(
    containers.map(c =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => {})
    )
  )
}

afterAll(async () => {
  await removeByLabel(`${LABEL_RUN}=${runId}`)
  await docker
    .getImage(tag)
    .remove({ force: true })
    .catch(() => {})
})

/** Runs a container to its end and returns what the smoke stage would have recorded. */
async function runRecorded(
  name: string,
  cmd: string[],
  image = tag
): Promise<{ c: Docker.Container; result: SmokeContainerResult }> {
  const started = Date.now()
  // A TTY gives the output as written, without the stream headers.
  const c = await docker.createContainer({ name, Image: image, Cmd: cmd, Labels: labels, Tty: true })
  await c.start()
  const { StatusCode } = (await c.wait()) as { StatusCode: number }
  const logs = (await c.logs({ stdout: true, stderr: true })).toString('utf8').replace(/\r\n/g, '\n')
  const info = await c.inspect()
  return {
    c,
    result: {
      name,
      image,
      passed: StatusCode === 0,
      exitCode: StatusCode,
      durationMs: Date.now() - started,
      reason: StatusCode === 0 ? 'exited 0' : `exited ${StatusCode}, expected 0`,
      outputTail: logs,
      outputTruncated: false,
      container: {
        id: info.Id,
        name,
        command: cmd.join(' '),
        created: info.Created,
        state: info.State.Status,
        ports: [],
        removed: false
      }
    }
  }
}

describe('the report of a run that built and smoked an image', () => {
  let run: RunResult
  let imageId: string
  const names = { ok: `pf-rep-ok-${suffix}`, bad: `pf-rep-bad-${suffix}` }

  beforeAll(async () => {
    execFileSync(
      'docker',
      ['build', '-q', '--label', `${LABEL_RUN}=${runId}`, '-t', tag, '__tests__/fixtures/hello-app'],
      {
        env: { ...process.env, DOCKER_BUILDKIT: '0' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    const inspected = await docker.getImage(tag).inspect()
    imageId = inspected.Id
    const ok = await runRecorded(names.ok, ['cat', '/greeting.txt'])
    const bad = await runRecorded(names.bad, [
      'sh',
      '-c',
      `printf '%s\\n' '${HOSTILE_OUTPUT.replace(/'/g, '')}'; exit 3`
    ])
    // Cleanup removed the passing one, as the smoke stage does once a container is judged.
    await ok.c.remove({ force: true })
    ok.result.container!.removed = true
    const smokeProblem = `Smoke container "${names.bad}" failed: ${bad.result.reason}`
    const smoke: SmokeResult = {
      status: 'failed',
      problems: [smokeProblem],
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: 900,
      results: [ok.result, bad.result],
      passed: false
    }
    const build: BuildResult = {
      status: 'built',
      imageId,
      tags: [tag],
      sizeBytes: inspected.Size,
      problems: [],
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: 1500,
      builder: 'classic',
      steps: [
        { instruction: 'FROM busybox:latest', line: 2, cached: true },
        { instruction: 'COPY greeting.txt /greeting.txt', line: 4, cached: false }
      ]
    }
    const engine = await checkEngine({
      client,
      options: { requireInfo: [] },
      log: new RecordingLog()
    })
    const inventory = await takeInventory({ client, scope: 'run', runId, build, smoke, usedImages: [tag] })
    run = {
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: 3200,
      endpoint: client.endpoint.display,
      engine,
      build,
      smoke,
      inventory,
      failures: [smokeProblem],
      timings: [
        { label: 'engine check', ms: engine.durationMs, startMs: 0 },
        { label: 'build', ms: 1500, startMs: 5 },
        { label: `smoke: ${names.ok}`, ms: ok.result.durationMs, startMs: 10 },
        { label: `smoke: ${names.bad}`, ms: bad.result.durationMs, startMs: 10 }
      ]
    }
  })

  test('the summary: verdict, build with layers, smoke rows and the failure’s output, images, containers', () => {
    const summary = renderSummary(run)
    const short = imageId.slice(7, 19)
    expect(summary.split('\n')[0]).toBe(
      `<h2>❌ docker-preflight failed: 1 problem · engine ${run.engine!.facts.serverVersion.replace(/[-+:]/g, c => `&#${c.charCodeAt(0)};`)} · built <code>${tag.replace(/-/g, '&#45;').replace(':', '&#58;')}</code> (${summary.match(/\((\d[\d.]*[kMG]?B)\) · 1 of 2/)?.[1]}) · 1 of 2 smoke containers passed</h2>`
    )
    expect(summary).toContain(`<tr><td>Image ID</td><td><code>${short}</code></td></tr>`)
    expect(summary).toContain('<tr><td>Cached steps</td><td>1 of 2</td></tr>')
    expect(summary).toMatch(/<td><code>COPY file&#58;[0-9a-f]+ in /)
    expect(summary).toContain('<code>CMD &#91;&quot;cat&quot; &quot;/greeting.txt&quot;&#93;</code>')
    expect(summary).toContain('<code>org.opencontainers.image.title</code></td><td>hello&#45;app</td>')
    expect(summary).toMatch(
      /```mermaid\nxychart-beta\n {4}title "Layer sizes of preflight-rep-[0-9a-f]+:1 \(MB\)"/
    )
    // Both smoke bars start at 10 ms; their order follows their lengths, so neither need be last.
    expect(summary).toMatch(/```mermaid\ngantt\n[^`]*\n {4}smoke pf-rep-bad-[0-9a-f]+ : 10, \d+\n[^`]*```/)

    expect(summary).toContain(`<tr><td>✅</td><td>${names.ok.replace(/-/g, '&#45;')}</td>`)
    expect(summary).toContain(`<tr><td>❌</td><td>${names.bad.replace(/-/g, '&#45;')}</td>`)
    expect(summary).toContain('<td>3</td>')
    expect(summary).toContain(
      `<details><summary>Output of ${names.bad.replace(/-/g, '&#45;')} &#40;all&#41;</summary>`
    )
    expect(summary).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;\n&#124; a &#124; b &#124;\n&#96;&#96;&#96;\n&lt;/pre&gt;&lt;/details&gt;'
    )

    const images = summary.slice(summary.indexOf('<h3>Images</h3>'), summary.indexOf('<h3>Containers</h3>'))
    expect(images).toContain('<p>What this run built, used and ran.</p>')
    expect(images).toContain(
      `<tr><td>🔨 <code>${tag.replace(/-/g, '&#45;').replace(':', '&#58;')}</code></td><td><code>${short}</code></td>`
    )
    const containers = summary.slice(summary.indexOf('<h3>Containers</h3>'))
    expect(containers).toMatch(
      new RegExp(`<tr><td>${names.ok.replace(/-/g, '&#45;')}</td>.*<td>removed 🧹</td>`)
    )
    expect(containers).toMatch(
      new RegExp(
        `<tr><td>${names.bad.replace(/-/g, '&#45;')}</td>.*<td>exited</td><td>Exited &#40;3&#41; [^<]+</td><td>3</td>`
      )
    )
    expectInert(summary)
  })

  test('the outputs and the text report', () => {
    const outputs = stepOutputs(run, '/tmp/r.json')
    const images = JSON.parse(outputs.images!) as { id: string; tags: string[]; layers?: unknown[] }[]
    expect(images[0]).toMatchObject({ id: imageId, tags: [tag], built: true })
    expect(images[0]!.layers!.length).toBeGreaterThanOrEqual(3)
    const containers = JSON.parse(outputs.containers!) as {
      name: string
      removed: boolean
      exitCode?: number
    }[]
    expect(containers.map(c => [c.name, c.removed, c.exitCode]).sort()).toEqual(
      [
        [names.bad, false, 3],
        [names.ok, true, 0]
      ].sort()
    )
    const text = renderText(run)
    expect(text).toMatch(new RegExp(`^ {2}\\* ${tag.replace('.', '\\.')} +[0-9a-f]{12} `, 'm'))
    expect(text).toMatch(new RegExp(`^ {2}${names.bad} +${tag} +sh -c .* exited +Exited \\(3\\)`, 'm'))
    expect(text).toContain(`  Last output of ${names.bad}:\n  │ <script>alert(1)</script>`)
  })
})

describe('report-scope all on an engine holding many containers', () => {
  const many = 60
  const prefix = `pf-rep-many-${suffix}`
  beforeAll(async () => {
    await Promise.all(
      Array.from({ length: many }, (_, i) =>
        docker.createContainer({
          name: `${prefix}-${i}`,
          Image: 'busybox:latest',
          Cmd: ['echo', `<b>${i}</b>|\`x\``],
          Labels: labels
        })
      )
    )
  })

  test('every image and container is listed; the summary stays under budget and inert', async () => {
    const inventory = await takeInventory({ client, scope: 'all', runId, usedImages: [] })
    const ours = inventory.containers.filter(c => c.name.startsWith(prefix))
    expect(ours).toHaveLength(many)
    expect(ours.every(c => c.state === 'created' && c.image === 'busybox:latest')).toBe(true)
    expect(ours[0]!.command).toMatch(/^echo <b>\d+<\/b>\|`x`$/)
    const run: RunResult = {
      startedAt: '',
      finishedAt: '',
      durationMs: 100,
      endpoint: 'test',
      inventory,
      failures: [],
      timings: []
    }
    const summary = renderSummary(run)
    expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_BUDGET_BYTES)
    expect(summary).toContain('<p>Everything on the engine.</p>')
    expect(summary).toContain(`<details><summary>${inventory.containers.length} containers</summary>`)
    for (let i = 0; i < many; i++)
      expect(summary).toContain(`<td>${prefix.replace(/-/g, '&#45;')}&#45;${i}</td>`)
    expect(summary).toContain(`<code>echo &lt;b&gt;7&lt;/b&gt;&#124;&#96;x&#96;</code>`)
    expect(summary).not.toContain('left out')
    expectInert(summary)
    const outputs = stepOutputs(run)
    expect(
      (JSON.parse(outputs.containers!) as { name: string }[]).filter(c => c.name.startsWith(prefix))
    ).toHaveLength(many)
  })
})

describe('max-image-size through the pipeline', () => {
  const pipeTag = `preflight-rep-${suffix}:pipe`
  const env = testEnvironment({ runId: `${runId}-pipe` })
  afterAll(async () => {
    await removeByLabel(`${LABEL_RUN}=${env.runId}`)
    await docker
      .getImage(pipeTag)
      .remove({ force: true })
      .catch(() => {})
  })

  const pipeline = async (maxImageSize: string): Promise<RunResult> =>
    runPipeline(
      await parseInputsOrThrow(
        {
          context: '__tests__/fixtures/hello-app',
          tags: pipeTag,
          'max-image-size': maxImageSize,
          smoke: '- image: hello-world'
        },
        env,
        { processEnv: process.env }
      ),
      env,
      { log: new RecordingLog(), processEnv: process.env }
    )

  test('a built image over the limit fails the step, naming both sizes and its largest layers', async () => {
    const run = await pipeline('1kB')
    expect(run.build?.status).toBe('built')
    const failure = run.failures.find(f => f.includes('max-image-size'))
    expect(failure).toMatch(
      new RegExp(
        `^Image ${pipeTag.replace('.', '\\.')} is [\\d.]+MB \\([\\d,]+ bytes\\), over max-image-size 1kB \\(1,000 bytes\\)\\. Largest layers: .+; .+\\.$`
      )
    )
    // BuildKit records the instruction as written; the classic builder names the file by its hash.
    expect(failure).toMatch(/COPY (file:[0-9a-f]+ in \/|greeting\.txt \/)greeting\.txt/)
    expect(renderSummary(run)).toContain('over max&#45;image&#45;size 1kB &#40;1,000 bytes&#41;')
  })

  // docker/cli prints ImageSummary.Size with go-units HumanSizeWithPrecision(size, 3): "%.3g" + kB/MB/GB.
  const asDockerShowsIt = (size: number): string => {
    const units = ['B', 'kB', 'MB', 'GB', 'TB']
    let value = size
    let unit = 0
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000
      unit++
    }
    return `${Number(value.toPrecision(3))}${units[unit]}`
  }

  test('one size (image-size, inventory, summary, budget): what docker image ls shows; the budget passes at it and fails one byte under', async () => {
    const fits = await pipeline('1GB')
    const outputs = stepOutputs(fits)
    const size = Number(outputs['image-size'])
    expect(size).toBeGreaterThan(0)
    const listed = await docker.listImages({ filters: { reference: [pipeTag] } })
    expect(listed.map(i => i.Size)).toEqual([size])
    const shown = execFileSync('docker', ['image', 'ls', '--format', '{{.Size}}', pipeTag], {
      encoding: 'utf8'
    })
    expect(shown.trim()).toBe(asDockerShowsIt(size))
    expect(fits.inventory?.images[0]).toMatchObject({ built: true, tags: [pipeTag], sizeBytes: size })

    // A rebuild of the same context is the same image; the budget is compared with the same number.
    const atSize = await pipeline(String(size))
    expect(stepOutputs(atSize)['image-size']).toBe(String(size))
    expect(atSize.failures).toEqual([])
    const under = await pipeline(String(size - 1))
    expect(stepOutputs(under)['image-size']).toBe(String(size))
    expect(under.failures).toHaveLength(1)
    expect(under.failures[0]).toContain(`(${size.toLocaleString('en-US')} bytes), over max-image-size `)
    expect(under.failures[0]).toContain(`(${(size - 1).toLocaleString('en-US')} bytes).`)
  })

  test('an image under the limit passes', async () => {
    const run = await pipeline('1GB')
    expect(run.build?.status).toBe('built')
    expect(run.failures.filter(f => f.includes('max-image-size'))).toEqual([])
    expect(run.inventory?.images[0]).toMatchObject({ built: true, tags: [pipeTag] })
  })
})
