import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { parseInputs, parseInputsOrThrow } from '../src/inputs/parse.js'
import { formatProblem } from '../src/inputs/problems.js'
import { LABEL_RUN } from '../src/labels.js'
import { runPipeline, type RunResult } from '../src/pipeline.js'
import { buildReport } from '../src/report/json.js'
import { stepOutputs } from '../src/report/outputs.js'
import { renderSummary } from '../src/report/summary.js'
import { danglingSince, testEnvironment, volumeNames } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'
import { expectInert } from './helpers/summary-checks.js'

// The whole pipeline with structure-tests, junit-path, max-wasted-bytes and min-efficiency: what the
// step reports (failures), the summary (a table per file, the wasted-bytes chart), the JUnit file, the
// JSON report, and what is left on the engine (nothing).
const env = testEnvironment({ runId: `structure-pipe-${process.pid}` })
const tag = `preflight-structure-${process.pid}:pipe`
const HOSTILE = '::error::pwned | <script>x</script> `tick`'
let dir: string
let run: RunResult
let log: RecordingLog
let volumesBefore: Set<string>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'structure-pipe-'))
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      'FROM busybox',
      'RUN head -c 300000 /dev/urandom > /f',
      'RUN head -c 300000 /dev/urandom > /f',
      'RUN rm /f',
      'LABEL org.example.team=platform',
      'VOLUME /data',
      'USER 1000'
    ].join('\n')
  )
  writeFileSync(
    join(dir, 'image.yaml'),
    [
      "schemaVersion: '2.0.0'",
      'commandTests:',
      '  - name: hostile output',
      '    command: echo',
      `    args: ['${HOSTILE}']`,
      "    expectedOutput: ['never printed']",
      'fileExistenceTests:',
      '  - name: busybox',
      '    path: /bin/busybox',
      '    isExecutableBy: any',
      '  - name: the deleted file',
      '    path: /f',
      '    shouldExist: false',
      'metadataTest:',
      '  labels:',
      '    - key: org.example.team',
      '      value: platform',
      "  user: '1000'",
      "  volumes: ['/data']"
    ].join('\n')
  )
  volumesBefore = volumeNames()
  log = new RecordingLog()
  const config = await parseInputsOrThrow(
    {
      context: dir,
      tags: tag,
      smoke: '[]',
      'structure-tests': join(dir, '*.yaml'),
      'junit-path': join(dir, 'out', 'structure.xml'),
      'max-wasted-bytes': '100kB',
      'min-efficiency': '99%'
    },
    env,
    { processEnv: process.env }
  )
  run = await runPipeline(config, env, { log, processEnv: process.env })
}, 300_000)

afterAll(() => {
  execFileSync('docker', ['rmi', '-f', tag], { stdio: 'ignore' })
  rmSync(dir, { recursive: true, force: true })
})

test('the time chart places structure tests and efficiency after the build, from their own start times', () => {
  const at = (label: string) => run.timings.find(t => t.label === label)
  const build = at('build')!
  for (const label of ['structure tests', 'efficiency']) {
    const timing = at(label)
    expect(timing?.startMs).toEqual(expect.any(Number))
    // Both need the built image: they start once the build has ended.
    expect(timing!.startMs!).toBeGreaterThanOrEqual(build.startMs! + build.ms - 50)
  }
})

test('the step fails with the structure and efficiency sentences', () => {
  expect(run.build?.status).toBe('built')
  expect(run.failures).toEqual([
    expect.stringMatching(/^Structure tests .*image\.yaml: 1 of 4 failed \(Command Test: hostile output\)$/),
    `Image ${tag} wastes 600kB (600,000 bytes), over max-wasted-bytes 100kB. Largest: /f (600kB in layers 2, 3, 4).`,
    expect.stringMatching(
      new RegExp(`^Image ${tag.replace(/[.:]/g, '\\$&')} is [\\d.]+% efficient, under min-efficiency 99%\\.`)
    )
  ])
  expect(run.structure?.files[0]!.results.map(r => [r.name, r.passed])).toEqual([
    ['Command Test: hostile output', false],
    ['File Existence Test: busybox', true],
    ['File Existence Test: the deleted file', true],
    ['Metadata Test', true]
  ])
  // Each layer this build made is tied to its Dockerfile line; the base layer to none.
  expect(run.efficiency?.layers.map(l => [l.number, l.line, l.wastedBytes])).toEqual([
    [1, undefined, 0],
    [2, 2, 300_000],
    [3, 3, 300_000],
    [4, 4, 0]
  ])
  expect(log.annotations).toContainEqual({
    level: 'warning',
    message:
      'Layer 2 holds 300kB of the 600kB wasted: files it writes are written again or removed in another layer',
    target: { title: 'Wasted bytes', file: expect.stringMatching(/Dockerfile$/), startLine: 2 }
  })
  expect(run.timings.map(t => t.label)).toEqual(expect.arrayContaining(['structure tests', 'efficiency']))
})

test('the summary has a table for the file and the wasted-bytes chart, with the hostile output inert', () => {
  const summary = renderSummary(run)
  expect(summary).toContain('<h3>Structure tests</h3>')
  expect(summary).toContain('<th>Test</th>')
  // Cells are escaped (`:` is an entity).
  expect(summary).toContain('File Existence Test&#58; the deleted file')
  expect(summary).toContain('<h3>Efficiency</h3>')
  expect(summary).toMatch(
    /xychart-beta\n {4}title "Wasted bytes per layer of preflight-structure-\d+:pipe \(kB\)"/
  )
  expect(summary).toContain('bar [300, 300]')
  expect(summary).toContain('2 line 2&#58; RUN head &#45;c 300000 /dev/urandom &gt; /f')
  expect(summary).not.toContain('<script>')
  expect(summary).not.toContain('::error::')
  expectInert(summary)
  // The log: the hostile output only inside a guarded block.
  expect(log.lines.join('\n')).not.toContain('::error::')
  expect(log.untrustedText.join('')).toContain('::error::pwned')
})

test('the step outputs say whether the structure tests passed and what is wasted', () => {
  expect(stepOutputs(run)).toMatchObject({
    'structure-passed': 'false',
    'wasted-bytes': '600000',
    efficiency: String(run.efficiency!.efficiency)
  })
})

test('the JUnit file and the JSON report hold every test', () => {
  const xml = readFileSync(join(dir, 'out', 'structure.xml'), 'utf8')
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><testsuites failures="1" tests="4" /)
  expect(xml).toContain('<testcase name="Command Test: hostile output"')
  expect(xml).toContain('&lt;script&gt;')
  const report = JSON.parse(JSON.stringify(buildReport(run, env))) as ReturnType<typeof buildReport>
  expect(report.structure?.files[0]?.results).toHaveLength(4)
  expect(report.efficiency).toMatchObject({ status: 'failed', wastedBytes: 600_000 })
})

test('nothing is left: no container of the run, no anonymous volume of VOLUME /data', () => {
  expect(
    execFileSync('docker', ['ps', '-aq', '--filter', `label=${LABEL_RUN}=${env.runId}`])
      .toString()
      .trim()
  ).toBe('')
  expect(danglingSince(volumesBefore)).toEqual([])
})

test('a bad structure file or budget is an input error before anything is created', async () => {
  const bad = join(dir, 'bad.yml')
  writeFileSync(
    bad,
    "schemaVersion: '2.0.0'\nfileExistenceTests:\n  - name: x\n    path: /x\n    mode: '0755'\n"
  )
  const outcome = await parseInputs(
    {
      build: 'false',
      'structure-tests': `${bad}\n${join(dir, 'nothing-*.yaml')}`,
      'max-wasted-bytes': 'lots',
      'min-efficiency': '150%'
    },
    env,
    { processEnv: process.env }
  )
  expect(outcome.ok).toBe(false)
  if (outcome.ok) return
  expect(outcome.problems.items.map(formatProblem)).toEqual([
    expect.stringMatching(
      /^Input "structure-tests": ".*bad\.yml" fileExistenceTests\[1\] "x": field "mode" \(line 5\) is not a container-structure-test field; an unknown field stops the whole file$/
    ),
    expect.stringMatching(/^Input "structure-tests": ".*nothing-\*\.yaml" matches no file/),
    'Input "max-wasted-bytes": "lots" is not a size (expected e.g. 20MB, 1.5GiB)',
    'Input "min-efficiency": "150%" is not a ratio (expected e.g. 0.95 or 95%)'
  ])
  expect(existsSync(join(dir, 'out', 'bad.xml'))).toBe(false)
})
