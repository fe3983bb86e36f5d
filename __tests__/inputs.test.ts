import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseInputs, parseInputsOrThrow } from '../src/inputs/parse.js'
import { formatProblem, type InputProblem } from '../src/inputs/problems.js'
import { LABEL_RUN } from '../src/labels.js'
import { runAction } from './helpers/action-runner.js'
import { testDocker, testEnvironment } from './helpers/engine.js'

// Bad input: every input is validated up front, every problem is reported together, each naming the
// input, the value and what was expected, and nothing is created on the engine before that.

const env = testEnvironment()

async function problemsFor(raw: Record<string, string>): Promise<InputProblem[]> {
  const outcome = await parseInputs(raw, env, { processEnv: process.env })
  return outcome.ok ? [] : outcome.problems.items
}

/** [input, bad value, what the problem must say was expected] */
const BAD: [string, string, RegExp][] = [
  ['smoke-timeout', '10 parsecs', /duration/],
  ['smoke-timeout', '-5s', /duration/],
  ['smoke-timeout', '0s', /duration/],
  ['max-image-size', '12 potatoes', /size/],
  ['max-image-size', '1.5XB', /size/],
  ['builder', 'kaniko', /one of auto, buildkit, classic/],
  ['pull-policy', 'sometimes', /one of missing, always, never/],
  ['report-scope', 'everything', /one of run, all/],
  ['build', 'maybe', /one of auto, true, false/],
  ['no-cache', 'yes please', /boolean/],
  ['smoke-parallel', '0', /whole number of at least 1/],
  ['smoke-parallel', 'two', /whole number/],
  ['build-args', 'NO_EQUALS_SIGN', /KEY=VALUE/],
  ['labels', '=value-without-key', /KEY=VALUE/],
  ['context', 'no/such/directory', /not a directory/],
  ['require-info', 'Driver', /FIELD OP VALUE/],
  ['require-info', 'SecurityOptions~=(seccomp', /not a valid regular expression/],
  ['require-info', 'NCPU>=lots', /not a number or a version/],
  ['docker-host', 'ftp://engine:2375', /unknown scheme "ftp"/],
  ['tags', 'Upper/Case:tag', /image reference/],
  ['min-docker-version', 'twenty', /version/],
  ['smoke', '- image: [unclosed', /YAML|yaml|parse/],
  ['smoke', 'image: busybox', /list/]
]

describe('each bad value names the input, the value and what was expected', () => {
  test.each(BAD)('%s: %j', async (input, value, expected) => {
    const problems = await problemsFor({ [input]: value })
    const mine = problems.filter(p => p.input === input)
    expect(mine).toEqual([
      expect.objectContaining({ input, value: expect.stringContaining(value.split('\n')[0]!) })
    ])
    expect(mine[0]!.expected).toMatch(expected)
    expect(formatProblem(mine[0]!)).toMatch(new RegExp(`^Input "${input}": `))
  })
})

describe('smoke entries (parsed by the smoke stage, reported through parseInputs)', () => {
  const smokeProblems = async (yaml: string): Promise<InputProblem[]> =>
    (await problemsFor({ smoke: yaml })).filter(p => p.input === 'smoke')

  test('an unknown key, with a did-you-mean naming the entry and the key', async () => {
    const [problem, ...rest] = await smokeProblems('- image: busybox:latest\n  expect-exitcode: 0')
    expect(rest).toEqual([])
    expect(formatProblem(problem!)).toMatch(/expect-exitcode/)
    expect(formatProblem(problem!)).toMatch(/did you mean "?expect-exit-code"?/i)
  })

  /** A problem about one part of the entry (not the whole text thrown back), mentioning `part`. */
  const aboutPart = async (yaml: string, part: string): Promise<boolean> =>
    (await smokeProblems(yaml)).some(p => p.value !== yaml && formatProblem(p).includes(part))

  test('bad port specs', async () => {
    for (const port of ['abc', '70000:80', '80:0', '8080:80/sctp']) {
      expect(await aboutPart(`- image: busybox:latest\n  ports: ["${port}"]`, port)).toBe(true)
    }
  })

  test('a bad regular expression in expect-output, reject-output or ready.log', async () => {
    for (const key of ['expect-output: "(unclosed"', 'reject-output: "[z-a]"', 'ready:\n    log: "*start"']) {
      const problems = await smokeProblems(`- image: busybox:latest\n  ${key}`)
      expect(problems).toHaveLength(1)
      expect(formatProblem(problems[0]!)).toMatch(/regular expression/i)
    }
  })

  test('a bad duration in an entry timeout', async () => {
    expect(await aboutPart('- image: busybox:latest\n  timeout: soon', 'soon')).toBe(true)
  })
})

test('every problem is reported together, in one error, before any work', async () => {
  // One bad value per input, all at once.
  const raw: Record<string, string> = {}
  for (const [input, value] of BAD) raw[input] ??= value
  const problems = await problemsFor(raw)
  expect(new Set(problems.map(p => p.input))).toEqual(new Set(Object.keys(raw)))

  await expect(parseInputsOrThrow(raw, env, { processEnv: process.env })).rejects.toThrow(
    `${problems.length} inputs are invalid:`
  )
  let message = ''
  try {
    await parseInputsOrThrow(raw, env, { processEnv: process.env })
  } catch (error) {
    message = (error as Error).message
  }
  for (const input of Object.keys(raw)) expect(message).toContain(`Input "${input}": `)
})

test('good values give no problems (so the table above cannot pass by accident)', async () => {
  const context = mkdtempSync(join(tmpdir(), 'preflight-inputs-'))
  writeFileSync(join(context, 'Dockerfile'), 'FROM busybox:latest\n')
  expect(
    await problemsFor({
      'smoke-timeout': '1m30s',
      'max-image-size': '1.5GiB',
      builder: 'classic',
      'pull-policy': 'never',
      'report-scope': 'all',
      build: 'true',
      'no-cache': 'true',
      'smoke-parallel': '2',
      'build-args': 'A=1\nB=two=2',
      labels: 'org.example=x',
      context,
      'require-info': 'Driver=overlay2\nNCPU>=1\nSecurityOptions~=seccomp',
      'docker-host': 'tcp://127.0.0.1:2375',
      tags: 'example/app:1.0',
      'min-docker-version': '20.10',
      smoke: '- image: busybox:latest\n  command: ["true"]\n  ports: ["8080:80", "81"]\n  expect-output: "ok"'
    })
  ).toEqual([])
})

describe('the action with bad inputs, against the real engine', () => {
  test('fails with every problem in one annotation and creates nothing', async () => {
    const run = await runAction({
      'smoke-timeout': '10 parsecs',
      builder: 'kaniko',
      'build-args': 'NO_EQUALS_SIGN',
      'require-info': 'Driver',
      context: 'no/such/directory',
      build: 'true',
      smoke: '- image: busybox:latest\n  command: sleep 60\n  expect-exitcode: 0'
    })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    const text = decodeURIComponent(errors[0]!.replace(/%0A/g, '\n'))
    for (const input of ['smoke-timeout', 'builder', 'build-args', 'require-info', 'context', 'smoke']) {
      expect(text).toContain(`Input "${input}": `)
    }
    expect(run.stdout).not.toContain('::group::Engine') // the pipeline never started

    const runId = run.state['run-id']!
    expect(runId).toMatch(/^42-1-/)
    const docker = testDocker()
    const filters = { label: [`${LABEL_RUN}=${runId}`] }
    expect(await docker.listContainers({ all: true, filters })).toEqual([])
    expect(await docker.listImages({ filters })).toEqual([])
  })
})
