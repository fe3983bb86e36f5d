import { describe, expect, test } from '@jest/globals'
import type { RunResult } from '../src/pipeline.js'
import { SUMMARY_BUDGET_BYTES } from '../src/report/budget.js'
import { mermaidLabel, terminalText } from '../src/report/escape.js'
import { REPORT_SCHEMA_VERSION, buildReport } from '../src/report/json.js'
import { layerChart, timeChart } from '../src/report/mermaid.js'
import { boundedJsonArray, stepOutputs } from '../src/report/outputs.js'
import { renderSummary } from '../src/report/summary.js'
import { TEXT_MAX_ROWS, renderText } from '../src/report/text.js'
import { HOSTILE, syntheticRun } from './helpers/synthetic.js'
import { expectInert } from './helpers/summary-checks.js'

const env = { actions: true, workspace: '/w', tempDir: '/tmp', runId: 'run-1' }
const KiB = 1024

const sectionOrder = (summary: string): string[] =>
  [...summary.matchAll(/<h3>([^<]+)<\/h3>/g)].map(m => m[1]!)

describe('the job summary', () => {
  test('one verdict line on top, then Engine, Build, Smoke, Time, Images, Containers, Drift', () => {
    const run = syntheticRun(5)
    const summary = renderSummary(run)
    expect(summary.startsWith('<h2>❌ docker-preflight failed: 4 problems · engine 20.10.24 · built ')).toBe(
      true
    )
    expect(summary.split('\n')[0]).toContain('4 of 8 smoke containers passed')
    expect(sectionOrder(summary)).toEqual([
      'Engine',
      'Build',
      'Smoke',
      'Time',
      'Images',
      'Containers',
      'Drift'
    ])
    expect(summary).toContain(
      '<li>Smoke container &quot;smoke&#45;1&quot; failed&#58; exited 1, expected 0</li>'
    )

    const passed = renderSummary({ ...run, failures: [] })
    expect(passed.split('\n')[0]).toMatch(
      /^<h2>✅ docker-preflight passed in 19\.8s · engine 20\.10\.24 · built /
    )
    expect(passed).not.toContain('<ul>')
  })

  test('Build: tags, ID, size, layers, duration, builder, cached steps; layers folded with a chart', () => {
    const summary = renderSummary(syntheticRun(5))
    const build = summary.slice(summary.indexOf('<h3>Build</h3>'), summary.indexOf('<h3>Smoke</h3>'))
    expect(build).toContain(
      '<tr><td>Tags</td><td><code>docker&#45;preflight/app&#58;3f2c1aa</code></td></tr>'
    )
    expect(build).toContain('<tr><td>Image ID</td><td><code>000000b1abab</code></td></tr>')
    expect(build).toContain('<tr><td>Size</td><td>178MB</td></tr>')
    expect(build).toContain('<tr><td>Layers</td><td>12</td></tr>')
    expect(build).toContain('<tr><td>Duration</td><td>8.4s</td></tr>')
    expect(build).toContain('<tr><td>Builder</td><td>BuildKit</td></tr>')
    expect(build).toContain('<tr><td>Cached steps</td><td>4 of 14</td></tr>')
    expect(build).toMatch(/<details><summary>Layers &#40;14, Dockerfile order&#41;<\/summary>\n\n<table>/)
    expect(build).toContain(
      '<tr><td>12</td><td>31MB</td><td><code>RUN apk add &#45;&#45;no&#45;cache package&#45;9'
    )
    expect(build).toContain('```mermaid\nxychart-beta\n')
    expect(build).toContain('    bar [7.3, 3.1, 6.2, 9.3, 12.4, 15.5, 18.6, 21.7, 24.8, 27.9, 31, 0.01]')
  })

  test('Build failure: the failing instruction and line, the message, and the last 30 lines', () => {
    const run: RunResult = {
      ...syntheticRun(1),
      build: {
        status: 'failed',
        tags: ['app:1'],
        problems: ["Build failed: The command '/bin/sh -c make' returned a non-zero code: 2"],
        startedAt: '2024-05-01T12:00:00.000Z',
        finishedAt: '2024-05-01T12:00:02.100Z',
        durationMs: 2100,
        builder: 'classic',
        steps: [],
        failure: {
          message: "The command '/bin/sh -c make' returned a non-zero code: 2",
          instruction: 'RUN make',
          line: 12,
          file: 'Dockerfile',
          tail: Array.from({ length: 40 }, (_, i) => `build line ${i + 1}`)
        }
      },
      smoke: undefined
    }
    const summary = renderSummary(run)
    expect(summary).toContain(
      '<p>❌ Failed after 2.1s at <code>RUN make</code> (Dockerfile line 12): The command &#39;/bin/sh &#45;c make&#39; returned a non&#45;zero code&#58; 2</p>'
    )
    expect(summary).toContain('<p>Last 30 lines of the build:</p>\n\n<pre>build line 11\n')
    expect(summary).toContain('build line 40</pre>')
    expect(summary).not.toMatch(/build line 10\n/)
    expect(summary).toContain('<h3>Smoke</h3>\n<p>Skipped: the build failed.</p>')
  })

  test('Smoke: a row per container; each failure’s output tail folded, ending with its last line', () => {
    const run = syntheticRun(3)
    const summary = renderSummary(run)
    expect(summary).toContain(
      '<tr><td>❌</td><td>smoke&#45;1</td><td><code>docker&#45;preflight/app&#58;3f2c1aa</code></td><td>1</td><td>650ms</td><td>exited 1, expected 0</td></tr>'
    )
    expect(summary).toContain(
      '<tr><td>✅</td><td>smoke&#45;0</td><td><code>hello&#45;world&#58;latest</code></td><td>0</td><td>400ms</td><td>exited 0</td></tr>'
    )
    expect(
      summary.match(/<details><summary>Output of smoke&#45;\d &#40;last 60 lines&#41;<\/summary>/g)
    ).toHaveLength(4)
    expect(summary).toMatch(/line 1999: output text [^\n]*<\/pre>/)
  })

  test('Time: a Gantt bar from start to end for the engine check, the build and each smoke container', () => {
    const chart = timeChart(syntheticRun(1).timings)
    expect(chart).toContain(
      '```mermaid\ngantt\n    title Stages over time (they overlap)\n    dateFormat x\n    axisFormat %M:%S\n    section Run\n'
    )
    expect(chart).toContain('    engine check : 0, 35\n    build : 10, 8410\n    smoke smoke-0 : 10, 410\n')
    expect(timeChart([])).toBe('')
    // Without a start (an older report) there is nothing to place.
    expect(timeChart([{ label: 'build', ms: 100 }])).toBe('')
    const many = timeChart(
      Array.from({ length: 30 }, (_, i) => ({ label: `smoke: c${i}`, ms: 100 + i, startMs: i * 10 }))
    )
    expect(many.match(/^ {4}smoke c\d+ : /gm)).toHaveLength(12)
    expect(many).toContain('the longest 12 of 30')
    expect(many).toContain('    smoke c18 : 180, 298\n')
  })

  test('Images and Containers: the rows a person would see in docker image ls / container ls -a', () => {
    const summary = renderSummary(syntheticRun(20))
    expect(summary).toContain('<h3>Images</h3>\n<p>Everything on the engine.</p>')
    expect(summary).toMatch(
      /<details><summary>20 images, [\d.]+MB &#40;sizes include shared layers&#41;<\/summary>/
    )
    expect(summary).toContain(
      '<tr><td>🔨 <code>docker&#45;preflight/app&#58;3f2c1aa</code></td><td><code>000000b1abab</code></td>'
    )
    expect(summary).toContain('<tr><td><code>&lt;none&gt;</code></td><td><code>00000009abab</code></td>')
    expect(summary).toMatch(
      /<tr><td>octo&#45;service&#45;1&#45;worker&#45;000000<\/td><td><code>ghcr\.io\/octo&#45;org\/service&#45;1\/api&#58;2024\.05\.01<\/code><\/td><td><code>\/app\/server &#45;&#45;listen &#58;8001 [^<]*<\/code><\/td><td>removed 🧹<\/td><td>Exited &#40;0&#41; 1 minutes ago<\/td><td>0<\/td><td>2024&#45;05&#45;01 11&#58;59&#58;00<\/td><td><\/td><\/tr>|<td>exited 🧹<\/td>/
    )
    expect(summary).toContain('<td>127.0.0.1&#58;40003&#45;&gt;8080/tcp<br>9090/tcp</td>')
  })

  test('Drift: field / was / now, failing and security marked', () => {
    const summary = renderSummary(syntheticRun(1))
    const drift = summary.slice(summary.indexOf('<h3>Drift</h3>'))
    expect(drift).toContain(
      '2 fields changed since the baseline (baseline <code>/runner/reports/yesterday.json</code>)'
    )
    expect(drift).toContain('<tr><td><code>cgroupVersion</code></td><td>2</td><td>1</td></tr>')
    expect(drift).toContain(
      '<tr><td>❌ <code>seccomp</code> 🔒</td><td>profile=builtin</td><td>absent</td></tr>'
    )
    const missing = renderSummary({
      ...syntheticRun(1),
      drift: {
        status: 'missing',
        problems: [],
        startedAt: '2024-05-01T12:00:00.000Z',
        finishedAt: '2024-05-01T12:00:00.001Z',
        durationMs: 1,
        message: 'No baseline report at /x.json (expected on a first run)',
        items: [],
        failing: []
      }
    })
    expect(missing).toContain(
      '<h3>Drift</h3>\n<p>⚠️ No baseline report at /x.json &#40;expected on a first run&#41;</p>'
    )
  })

  test('hostile names, labels, commands, reasons, warnings and output stay inert', () => {
    const summary = renderSummary(syntheticRun(30, { hostile: true }))
    expectInert(summary)
    // Still shown, as text.
    expect(summary).toContain(
      '&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;&#124;a&#124;b&#124;&#96;tick&#96;'
    )
    expect(summary).toContain('&lt;/pre&gt; &#45;&#45;&gt; &lt;&#33;&#45;&#45;')
    expect(summary).toContain('&lt;/pre&gt; --&gt; &lt;!-- &#42;bold&#42;') // inside an output tail
    expect(summary).toContain('&#35; red') // colour codes dropped
    expect(summary).not.toContain('\x1b')
  })

  test('1,000 images and 1,000 containers stay under budget; left-out rows are counted', () => {
    for (const hostile of [false, true]) {
      const run = syntheticRun(1000, { hostile })
      const summary = renderSummary(run)
      const bytes = Buffer.byteLength(summary)
      expect(bytes).toBeLessThan(900 * KiB)
      expect(bytes).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
      const rows = (section: string, end: string): number => {
        const part = summary.slice(summary.indexOf(`<h3>${section}</h3>`), summary.indexOf(end))
        return (part.match(/<tr><td>/g) ?? []).length
      }
      const imageRows = rows('Images', '<h3>Containers</h3>')
      const containerRows = rows('Containers', '<h3>Drift</h3>')
      const omitted = (noun: string): number =>
        Number(
          new RegExp(`<p>([\\d,]+) more ${noun} left out to keep the summary under GitHub’s 1 MiB limit`)
            .exec(summary)?.[1]
            ?.replace(/,/g, '') ?? 0
        )
      expect(imageRows + omitted('images?')).toBe(1000)
      expect(containerRows + omitted('containers?')).toBe(1000)
      if (hostile) {
        expect(omitted('containers?')).toBeGreaterThan(0)
        expectInert(summary)
      } else {
        expect(omitted('images?') + omitted('containers?')).toBe(0)
      }
    }
  })
})

test('when even the bounded parts together are too large, the largest give way, with a note', () => {
  const run = syntheticRun(1000, { hostile: true, smoke: 200 })
  const long = HOSTILE.repeat(20)
  const image = run.inventory!.images[0]!
  image.layers = Array.from({ length: 200 }, (_, i) => ({
    sizeBytes: i * 1000,
    createdBy: `RUN ${i} ${long}`,
    created: ''
  }))
  run.engine!.facts.info.Warnings = Array.from({ length: 60 }, () => long)
  run.failures = Array.from({ length: 80 }, (_, i) => `failure ${i}: ${long}`)
  run.drift!.items = Array.from({ length: 150 }, (_, i) => ({
    field: `f${i}`,
    was: long,
    now: long,
    security: false
  }))
  const condition = { source: `Name~=${long}`, field: 'Name', operator: '~=' as const, value: long }
  run.engine!.conditions = Array.from({ length: 300 }, () => ({ condition, passed: false, actual: long }))
  const summary = renderSummary(run)
  expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
  // The engine section (300 hostile require-info rows) was the largest part; once it gave way the rest fit.
  expect(summary).toContain('<h3>Engine</h3>\n<p>Too large for the job summary; the JSON report has it.</p>')
  expect(summary.match(/Too large for the job summary/g)).toHaveLength(1)
  expect(summary).toContain('<h3>Smoke</h3>\n<table>')
  expect(summary.split('\n')[0]).toContain('docker-preflight failed: 80 problems')
  expect(summary).toContain('<li>and 30 more</li>')
  expect(sectionOrder(summary)).toEqual(['Engine', 'Build', 'Smoke', 'Time', 'Images', 'Containers', 'Drift'])
  expectInert(summary)
})

describe('Mermaid labels', () => {
  test('quotes, newlines, semicolons, brackets, entities and fences are removed', () => {
    expect(mermaidLabel('a"b\nc;d[e]{f}(g)<h>#35;`i`%%j|k', 60)).toBe('a b c d e f g h 35 i j k')
    expect(mermaidLabel('"', 10)).toBe('unnamed')
    const chart = layerChart(
      [{ sizeBytes: 2_000_000, createdBy: 'RUN echo "x"; ]\n```\n<script>', created: '' }],
      'evil"]\nname'
    )
    expect(chart).toContain('title "Layer sizes of evil name (MB)"')
    expect(chart).toContain('x-axis ["1 RUN echo x script"]')
    expect(chart.match(/```/g)).toHaveLength(2)
  })

  test('more layers than bars: the largest are kept, in Dockerfile order', () => {
    const layers = Array.from({ length: 50 }, (_, i) => ({
      sizeBytes: (i % 10) * 1_000_000 + 1,
      createdBy: `RUN step ${i}`,
      created: ''
    }))
    const chart = layerChart(layers, 'app')
    expect(chart).toContain('largest 30 of 50')
    expect((/x-axis \[(.*)\]/.exec(chart)![1]!.match(/"/g) ?? []).length).toBe(60)
  })
})

describe('the text report', () => {
  test('the same sections as readable tables, bounded, without escape sequences', () => {
    const run = syntheticRun(1000, { hostile: true })
    const text = renderText(run)
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/) // eslint-disable-line no-control-regex
    for (const title of [
      'FAILED (4):',
      'Engine',
      'Build',
      'Smoke',
      'Images (1000, everything on the engine)',
      'Containers (1000)',
      'Drift'
    ])
      expect(text).toContain(`\n${title}`.slice(title.startsWith('FAILED') ? 1 : 0))
    expect(text).toContain(`... ${1000 - TEXT_MAX_ROWS} more images (the JSON report has them all)`)
    expect(text).toContain(`... ${1000 - TEXT_MAX_ROWS} more containers (the JSON report has them all)`)
    expect(text.length).toBeLessThan(200 * KiB)
    // A hostile newline cannot start a line of its own in a table.
    expect(text).not.toMatch(/^second line/m)
    expect(text).not.toMatch(/^::error::/m)
  })

  test('a small run reads like docker image ls', () => {
    const text = renderText(syntheticRun(3))
    expect(text).toMatch(/^ {2}Repository:tag +ID +Size +Created$/m)
    expect(text).toMatch(/^ {2}\* docker-preflight\/app:3f2c1aa +000000b1abab +178MB +2024-05-01 12:00:00$/m)
    expect(text).toMatch(
      /^ {2}FAIL +smoke-1 +docker-preflight\/app:3f2c1aa +1 +650ms +exited 1, expected 0$/m
    )
    expect(text).toContain('  Last output of smoke-1:\n  │ line 1990: output text')
    expect(terminalText('a\x1b[2Jb\x07c\r\nd\u202ee')).toBe('abc de')
  })
})

describe('the JSON report and outputs', () => {
  test('the report holds everything the run learned, versioned', () => {
    const run = syntheticRun(10)
    const report = JSON.parse(
      JSON.stringify(buildReport(run, { ...env, repository: 'octo/app', sha: 'abc' }))
    )
    expect(report).toMatchObject({
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'docker-preflight' },
      runId: 'run-1',
      repository: 'octo/app',
      verdict: 'failed',
      failures: run.failures,
      endpoint: 'unix:///var/run/docker.sock',
      engine: { facts: { serverVersion: '20.10.24' } },
      build: { status: 'built', imageId: run.build!.imageId },
      smoke: { passed: false },
      inventory: { scope: 'all', errors: [] },
      drift: { status: 'compared' },
      timings: run.timings
    })
    expect(report.inventory.images).toHaveLength(10)
    expect(report.inventory.images[0].layers).toHaveLength(14)
    expect(report.inventory.containers[0]).toEqual(run.inventory!.containers[0])
  })

  test('outputs images and containers are JSON arrays, bounded and always valid', () => {
    const run = syntheticRun(50)
    const outputs = stepOutputs(run, '/tmp/report.json')
    expect(JSON.parse(outputs.images!)).toEqual(run.inventory!.images)
    expect(JSON.parse(outputs.containers!)).toEqual(run.inventory!.containers)
    expect(outputs.report).toBe('/tmp/report.json')

    const items = Array.from({ length: 100 }, (_, i) => ({ i, text: HOSTILE }))
    const bounded = boundedJsonArray(items, 5 * KiB)
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(5 * KiB)
    const parsed = JSON.parse(bounded) as { i: number }[]
    expect(parsed.length).toBeGreaterThan(5)
    expect(parsed.map(p => p.i)).toEqual(Array.from({ length: parsed.length }, (_, i) => i))
  })
})
