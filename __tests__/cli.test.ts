import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { INPUTS } from '../src/inputs/definitions.js'
import { CLI_REPORT_FILE, parseFlags } from '../src/runtime/cli.js'
import { cli } from './helpers/cli-runner.js'
import { testDocker } from './helpers/engine.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'preflight-cli-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('docker-preflight --help', () => {
  test('documents every input as a flag, the negations, and exits 0', async () => {
    const run = await cli(['--help'])
    expect(run.code).toBe(0)
    for (const input of INPUTS) expect(run.stdout).toContain(`--${input.name}`)
    expect(run.stdout).toContain('--no-cleanup')
    expect(run.stdout).toContain('--no-summary')
    expect(run.stdout).toContain('--json')
    expect(run.stdout).toMatch(/Exit status: 0 .* 1 .* 2 bad usage/)
    expect((await cli(['-h'])).stdout).toBe(run.stdout)
  })
})

describe('bad flags exit 2 with one clear line', () => {
  test.each([
    [['--nope'], /^docker-preflight: unknown flag --nope\. Run docker-preflight --help for the flags\.\n$/],
    [['--baselin', 'x.json'], /unknown flag --baselin \(did you mean --baseline\?\)/],
    [['--context'], /--context needs a value/],
    [['report.json'], /unexpected argument report\.json: every setting is a --flag/],
    [['--pull=maybe'], /--pull takes true or false, not "maybe"/],
    [['--cleanup', '--no-cleanup'], /--cleanup and --no-cleanup contradict each other/],
    [['--json=yes', '--smoke', 'x', '--smoke-file', 'y'], /give --smoke or --smoke-file, not both/]
  ])('%j', async (args, message) => {
    const run = await cli(args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(message)
  })

  test('invalid values are listed together, before the engine is touched', async () => {
    const run = await cli([
      '--smoke-timeout',
      'soon',
      '--fail-on-drift',
      'cgroupVersion,kernal',
      '--build',
      'maybe'
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('3 inputs are invalid')
    expect(run.stderr).toContain('"soon" is not a duration')
    expect(run.stderr).toMatch(
      /"kernal" is not a drift field \(expected none, security, any, or a list of: .*kernelVersion/
    )
    expect(run.stderr).not.toContain('"cgroupversion"')
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })
  test('secret-envs are read from the environment the CLI was given, not from this process', async () => {
    const name = 'PF_CLI_ENV_ONLY_SECRET'
    delete process.env[name]
    const given = await cli(['--secret-envs', `e=${name}`, '--smoke-timeout', 'soon'], {
      ...process.env,
      [name]: 'from the CLI environment'
    })
    expect(given.code).toBe(2)
    expect(given.stderr).toContain('"soon" is not a duration')
    expect(given.stderr).not.toContain(name)

    process.env[name] = 'only in this process'
    try {
      const { [name]: _left, ...without } = process.env
      const missing = await cli(['--secret-envs', `e=${name}`], without)
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain(`names the environment variable ${name}, which is not set`)
    } finally {
      delete process.env[name]
    }
  })
})

describe('flags become the same raw inputs the action reads', () => {
  test('switches, negations, =true/=false, repeated multi-line flags', () => {
    expect(
      parseFlags([
        '--disk-usage=true',
        '--cleanup=false',
        '--no-summary',
        '--pull=false',
        '--require-info',
        'NCPU>=1',
        '--require-info',
        'OSType=linux',
        '--context',
        'app'
      ]).raw
    ).toEqual({
      'disk-usage': 'true',
      cleanup: 'false',
      summary: 'false',
      'require-info': 'NCPU>=1\nOSType=linux',
      context: 'app'
    })
  })

  test('a flag that takes a value takes the next argument, even one starting with -', () => {
    expect(
      parseFlags([
        '--smoke',
        '- image: hello-world\n- image: busybox',
        '--build-args',
        '--x=1',
        '--no-summary'
      ]).raw
    ).toEqual({ smoke: '- image: hello-world\n- image: busybox', 'build-args': '--x=1', summary: 'false' })
    expect(parseFlags(['--tags', '-weird', '--tags', 'b']).raw).toEqual({ tags: '-weird\nb' })
  })
})

describe('the CLI end to end against the real engine', () => {
  test('text tables on stdout, the log on stderr, the JSON report written, exit 0', async () => {
    const reportPath = join(dir, 'text.json')
    const version = (await testDocker().version()) as { Version: string }
    const run = await cli(['--build', 'false', '--report-path', reportPath])
    expect(run.stderr).not.toContain('error:')
    expect(run.code).toBe(0)
    // A fast engine finishes within a second: `674ms`.
    expect(run.stdout).toMatch(/^PASSED in (\d+ms|\d+(\.\d)?s|\d+m(\d+s)?)$/m)
    expect(run.stdout).toContain('Engine')
    expect(run.stdout).toMatch(new RegExp(`Server version\\s+${version.Version.replace(/[.+]/g, '\\$&')}`))
    expect(run.stdout).toContain(`Report: ${reportPath}`)
    expect(run.stderr).toContain('▶ Engine')
    const report = JSON.parse(readFileSync(reportPath, 'utf8'))
    expect(report).toMatchObject({ verdict: 'passed', engine: { facts: { serverVersion: version.Version } } })
    // Not a TTY: no cursor movement in a CI log.
    expect(run.stderr).not.toContain('\x1b[')
  })

  test('--json prints only the JSON report on stdout, the same as the file', async () => {
    const reportPath = join(dir, 'json.json')
    const run = await cli(['--build', 'false', '--json', '--report-path', reportPath])
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed).toMatchObject({ schemaVersion: 1, verdict: 'passed', tool: { name: 'docker-preflight' } })
    expect(printed.engine.facts.apiVersion).toMatch(/^1\.\d+$/)
    expect(readFileSync(reportPath, 'utf8')).toBe(run.stdout)
  })

  test('a failing check exits 1 and says why on stdout', async () => {
    const run = await cli([
      '--build',
      'false',
      '--min-docker-version',
      '99.0',
      '--report-path',
      join(dir, 'f.json')
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^FAILED \(1\):\n {2}- Docker engine version \S+ is below the required minimum 99\.0/
    )
    expect(JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8')).verdict).toBe('failed')
  })

  test('an engine that does not answer: exit 1, one line naming the endpoint, within 10 s', async () => {
    const started = Date.now()
    const run = await cli([
      '--build',
      'false',
      '--docker-host',
      'tcp://127.0.0.1:1',
      '--report-path',
      join(dir, 'u.json')
    ])
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /docker-preflight: Cannot use the Docker engine at tcp:\/\/127\.0\.0\.1:1: the connection was refused/
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(dir, 'u.json'))).toBe(false)
  })

  test(`without --report-path the report lands in ./${CLI_REPORT_FILE}`, async () => {
    const cwd = process.cwd()
    const here = mkdtempSync(join(dir, 'cwd-'))
    process.chdir(here)
    try {
      const run = await cli(['--build', 'false', '--context', cwd])
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`Report: ${join(here, CLI_REPORT_FILE)}`)
      expect(JSON.parse(readFileSync(join(here, CLI_REPORT_FILE), 'utf8')).verdict).toBe('passed')
    } finally {
      process.chdir(cwd)
    }
  })

  test('--smoke-file that does not exist is bad usage', async () => {
    const run = await cli(['--build', 'false', '--smoke-file', join(dir, 'missing.yml')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--smoke-file .*missing\.yml: no such file\./)
  })
})

describe('the CLI builds a Dockerfile', () => {
  const tag = `preflight-cli-${Math.random().toString(16).slice(2, 10)}:test`
  afterAll(async () => {
    await testDocker()
      .getImage(tag)
      .remove({ force: true })
      .catch(() => {})
  })

  test('a tiny Dockerfile: built, reported, and removed at the end with --cleanup-images', async () => {
    const reportPath = join(dir, 'build.json')
    const run = await cli([
      '--context',
      '__tests__/fixtures/hello-app',
      '--tags',
      tag,
      '--cleanup-images',
      '--report-path',
      reportPath
    ])
    expect(run.stderr).not.toMatch(/^error:/m)
    expect(run.code).toBe(0)
    const report = JSON.parse(readFileSync(reportPath, 'utf8'))
    expect(report.build).toMatchObject({ status: 'built', tags: [tag] })
    expect(run.stderr).toContain(`Removed image ${tag}`)
    await expect(testDocker().getImage(tag).inspect()).rejects.toMatchObject({ statusCode: 404 })
  })
})
