// The smoke stage against the real engine: every test runs containers and then checks, by its own run
// label, that nothing is left behind.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PullPolicy } from '../src/config.js'
import { CancelledError } from '../src/errors.js'
import { ProblemList, formatProblem } from '../src/inputs/problems.js'
import { LABEL_RUN, runLabels } from '../src/labels.js'
import type { Log } from '../src/log/log.js'
import { GitHubLog } from '../src/runtime/github-log.js'
import { runSmoke, type SmokeResult } from '../src/smoke/run.js'
import { parseSmokeList } from '../src/smoke/spec.js'
import { REGISTRY, testClient, testDocker, testEnvironment } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'

const docker = testDocker()

const client = testClient()
const suffix = Math.random().toString(16).slice(2, 8)
const builtImages: string[] = []

interface Run {
  smoke: SmokeResult
  log: RecordingLog
  runId: string
}

async function run(
  yaml: string,
  options: {
    pullPolicy?: PullPolicy
    builtImage?: { id: string; reference: string }
    cleanup?: boolean
    signal?: AbortSignal
    parallel?: number
    log?: Log
  } = {}
): Promise<Run> {
  const problems = new ProblemList()
  const entries = await parseSmokeList(yaml, { timeoutMs: 30_000 }, problems)
  if (!problems.empty) throw new Error(problems.items.map(formatProblem).join('\n'))
  const env = testEnvironment()
  const log = new RecordingLog()
  const smoke = await runSmoke({
    client,
    options: {
      entries,
      timeoutMs: 30_000,
      parallel: options.parallel ?? 4,
      pullPolicy: options.pullPolicy ?? 'missing',
      cleanup: options.cleanup ?? true
    },
    builtImage: options.builtImage,
    env,
    log: options.log ?? log,
    signal: options.signal,
    labels: runLabels(env.runId, 'smoke')
  })
  return { smoke, log, runId: env.runId }
}

async function leftOver(runId: string): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${LABEL_RUN}=${runId}`] } })
  return containers.map(c => c.Names[0] ?? c.Id)
}

/**
 * A HEALTHCHECK judged healthy. On Podman, which runs checks from systemd timers, the action runs the
 * check itself where there is no systemd (src/smoke/ready.ts), and the reason says so.
 */
const HEALTHY =
  process.env.PREFLIGHT_ENGINE === 'podman'
    ? expect.stringMatching(/^ready: HEALTHCHECK reported healthy \(run by docker-preflight: /)
    : 'ready: HEALTHCHECK reported healthy'

/** Builds a small image with the docker CLI (classic builder); removed in afterAll. */
function buildImage(dockerfile: string): { id: string; reference: string } {
  const dir = mkdtempSync(join(tmpdir(), 'smoke-build-'))
  const reference = `preflight-smoke-test/img-${suffix}-${builtImages.length}:latest`
  try {
    writeFileSync(join(dir, 'Dockerfile'), dockerfile)
    execFileSync(
      'docker',
      ['build', '-q', '--label', 'io.docker-preflight.test=smoke', '-t', reference, dir],
      {
        env: { ...process.env, DOCKER_BUILDKIT: '0' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  builtImages.push(reference)
  const id = execFileSync('docker', ['image', 'inspect', '-f', '{{.Id}}', reference]).toString().trim()
  return { id, reference }
}

afterAll(async () => {
  for (const reference of builtImages) {
    await docker
      .getImage(reference)
      .remove({ force: true })
      .catch(() => {})
  }
})

/** The workflow commands the runner would act on: `::cmd` at a line start, `##[` anywhere, `\r` splits lines. */
function obeyedCommands(stdout: string): string[] {
  const obeyed: string[] = []
  let stopToken: string | undefined
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    if (stopToken) {
      if (line.trim() === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const stop = /^::stop-commands::(.+)$/.exec(line.trim())
    if (stop) stopToken = stop[1]
    if (/^\s*::[a-z-]+(\s[^:]*)?::/.test(line) || line.includes('##[')) obeyed.push(line.trim())
  }
  return obeyed
}

const HTTPD = `sh -c 'mkdir -p /www && echo ok > /www/health && httpd -f -p 80 -h /www'`

describe('smoke stage on the real engine', () => {
  test('the defaults without a built image: the seeded hello-world passes, output shown untrusted', async () => {
    const { smoke, log, runId } = await run('')
    expect(smoke.passed).toBe(true)
    expect(smoke.results).toHaveLength(1)
    const [hello] = smoke.results
    expect(hello).toMatchObject({
      name: 'hello-world',
      image: 'hello-world',
      passed: true,
      exitCode: 0,
      reason: 'exited 0 and output matched /Hello from Docker!/',
      outputTruncated: false
    })
    expect(hello!.outputTail).toContain('Hello from Docker!')
    expect(hello!.container).toMatchObject({
      name: `preflight-${runId}-hello-world`,
      command: '/hello',
      state: 'exited',
      removed: true
    })
    expect(hello!.container!.id).toMatch(/^[a-f0-9]{64}$/)
    expect(log.untrustedText.join('')).toContain('Hello from Docker!')
    expect(log.lines.join('\n')).not.toContain('This message shows')
    expect(await leftOver(runId)).toEqual([])
  })

  test('pull-policy always pulls from the local registry', async () => {
    // A tag of our own, so no other test's copy of busybox is touched.
    const reference = `${REGISTRY}/busybox:smoke-pull-test`
    execFileSync('docker', ['tag', 'busybox:latest', reference])
    execFileSync('docker', ['push', '-q', reference], { stdio: 'ignore' })
    execFileSync('docker', ['rmi', reference], { stdio: 'ignore' })
    try {
      const { smoke, log, runId } = await run(
        `- image: ${reference}\n  command: echo pulled fine\n  expect-output: pulled fine`,
        { pullPolicy: 'always' }
      )
      expect(smoke.results[0]).toMatchObject({
        name: 'busybox',
        passed: true,
        reason: 'exited 0 and output matched /pulled fine/'
      })
      expect(log.lines).toContain(`Pulling ${reference}`)
      expect(log.lines.join('\n')).toMatch(
        new RegExp(`Pulled ${reference.replace(/\./g, '\\.')} in [\\d.]+m?s`)
      )
      expect(await leftOver(runId)).toEqual([])
    } finally {
      execFileSync('docker', ['rmi', reference], { stdio: 'ignore' })
    }
  })

  test('a missing image fails with a clear reason, under each pull policy', async () => {
    const missing = `${REGISTRY}/preflight-no-such-image-${suffix}:nope`
    const pulled = await run(`- image: ${missing}`, { pullPolicy: 'missing' })
    expect(pulled.smoke.passed).toBe(false)
    expect(pulled.smoke.results[0]!.reason).toMatch(
      new RegExp(`^image "${missing.replace(/\./g, '\\.')}" could not be pulled: .*(not found|unknown)`, 'i')
    )
    expect(pulled.smoke.results[0]!.container).toBeUndefined()

    const never = await run(`- image: ${missing}`, { pullPolicy: 'never' })
    expect(never.smoke.results[0]!.reason).toBe(
      `image "${missing}" is not on the engine, and pull-policy is never`
    )
  })

  test('exit-code and output expectations that pass and fail', async () => {
    const { smoke, runId } = await run(`
- name: exit-3-expected
  image: busybox
  command: sh -c 'echo done; exit 3'
  expect-exit-code: 3
- name: exit-3-unexpected
  image: busybox
  command: sh -c 'exit 3'
- name: output-matches
  image: busybox
  command: [sh, -c, 'echo "server version 1.2.3" >&2']
  expect-output: 'version \\d+\\.\\d+'
- name: output-missing
  image: busybox
  command: echo something else
  expect-output: ^ready$
- name: output-rejected
  image: busybox
  command: "sh -c 'echo all good; echo panic: oh no'"
  reject-output: panic
- name: env-user-workdir
  image: busybox
  command: sh -c 'echo "$GREETING from $(id -u) in $(pwd)"'
  env: { GREETING: hello }
  user: "1234"
  workdir: /tmp
  expect-output: ^hello from 1234 in /tmp$
`)
    const byName = Object.fromEntries(smoke.results.map(r => [r.name, r]))
    expect(byName['exit-3-expected']).toMatchObject({ passed: true, exitCode: 3, reason: 'exited 3' })
    expect(byName['exit-3-unexpected']).toMatchObject({
      passed: false,
      exitCode: 3,
      reason: 'exited 3, expected 0'
    })
    expect(byName['output-matches']).toMatchObject({
      passed: true,
      reason: 'exited 0 and output matched /version \\d+\\.\\d+/'
    })
    expect(byName['output-missing']).toMatchObject({
      passed: false,
      reason: 'exited 0 but the output did not match /^ready$/'
    })
    expect(byName['output-rejected']).toMatchObject({
      passed: false,
      reason: 'output matched reject-output /panic/'
    })
    expect(byName['env-user-workdir']).toMatchObject({
      passed: true,
      reason: 'exited 0 and output matched /^hello from 1234 in \\/tmp$/'
    })
    expect(smoke.passed).toBe(false)
    expect(smoke.results.map(r => r.name)).toEqual([
      'exit-3-expected',
      'exit-3-unexpected',
      'output-matches',
      'output-missing',
      'output-rejected',
      'env-user-workdir'
    ])
    expect(await leftOver(runId)).toEqual([])
  })

  test('a container that hangs is killed at its timeout and removed', async () => {
    const { smoke, runId } = await run(`- { name: hangs, image: busybox, command: sleep 600, timeout: 2s }`)
    const [hangs] = smoke.results
    expect(hangs).toMatchObject({ passed: false, reason: 'timed out after 2s' })
    expect(hangs!.exitCode).toBeUndefined()
    expect(hangs!.container!.removed).toBe(true)
    expect(hangs!.durationMs).toBeLessThan(10_000)
    expect(await leftOver(runId)).toEqual([])
  })

  test('a busybox httpd on a published port is ready by http:, then stopped and removed', async () => {
    const { smoke, runId } = await run(`
- name: web
  image: busybox
  command: ${HTTPD}
  ports: ["80"]
  ready: { http: /health }
  timeout: 20s
`)
    const [web] = smoke.results
    expect(web!.passed).toBe(true)
    expect(web!.reason).toMatch(/^ready: GET http:\/\/127\.0\.0\.1:\d+\/health answered 200$/)
    expect(web!.exitCode).toBeUndefined()
    expect(web!.container!.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+->80\/tcp$/)])
    expect(web!.container!.removed).toBe(true)
    expect(await leftOver(runId)).toEqual([])
  })

  test('ready by port: a listener passes; a published port with nothing behind it never becomes ready', async () => {
    const { smoke, runId } = await run(`
- name: listens
  image: busybox
  command: ${HTTPD}
  ports: ["80"]
  ready: { port: 80 }
- name: silent
  image: busybox
  command: sleep 600
  ports: ["80"]
  ready: { port: 80 }
  timeout: 4s
- name: exits-early
  image: busybox
  command: sh -c 'exit 2'
  ports: ["80"]
  ready: { http: / }
`)
    const byName = Object.fromEntries(smoke.results.map(r => [r.name, r]))
    expect(byName.listens!.passed).toBe(true)
    expect(byName.listens!.reason).toMatch(
      /^ready: a TCP connection to 127\.0\.0\.1:\d+ \(container port 80\) was accepted$/
    )
    // docker-proxy accepts on the host port even with no listener in the container, then hangs up.
    expect(byName.silent!.passed).toBe(false)
    expect(byName.silent!.reason).toMatch(
      /^timed out after 4s waiting to be ready \(last: a TCP connection to .* (was closed at once|connection refused|connection reset)/
    )
    expect(byName['exits-early']).toMatchObject({
      passed: false,
      exitCode: 2,
      reason: expect.stringMatching(
        /^exited 2 before it was ready( \(waiting for GET http:\/\/127\.0\.0\.1:\d+\/\))?$/
      )
    })
    expect(await leftOver(runId)).toEqual([])
  })

  test('ready by log, and healthy: by the image HEALTHCHECK', async () => {
    const healthy = buildImage(
      'FROM busybox:latest\nHEALTHCHECK --interval=1s --timeout=2s CMD test -f /tmp/up\nCMD ["sh", "-c", "sleep 1; touch /tmp/up; sleep 600"]\n'
    )
    const { smoke, runId } = await run(`
- name: logs
  image: busybox
  command: sh -c 'echo starting; sleep 1; echo "listening on :8080"; sleep 600'
  ready: { log: 'listening on :\\d+' }
- name: healthy
  image: ${healthy.reference}
  ready: { healthy: true }
  timeout: 30s
- name: no-healthcheck
  image: busybox
  command: sleep 600
  ready: { healthy: true }
`)
    const byName = Object.fromEntries(smoke.results.map(r => [r.name, r]))
    expect(byName.logs).toMatchObject({ passed: true, reason: 'ready: output matched /listening on :\\d+/' })
    expect(byName.healthy).toMatchObject({ passed: true, reason: HEALTHY })
    expect(byName['no-healthcheck']).toMatchObject({
      passed: false,
      reason: 'ready: healthy needs a HEALTHCHECK, and busybox has none'
    })
    expect(await leftOver(runId)).toEqual([])
  })

  test('the defaults: hello-world alone runs on the default network; beside a built image, without one', async () => {
    const networks = async (options: Parameters<typeof run>[1]) => {
      const { smoke, runId } = await run('', { ...options, cleanup: false })
      try {
        expect(smoke.results.map(r => r.passed)).toEqual(smoke.results.map(() => true))
        const modes: Record<string, string> = {}
        for (const result of smoke.results) {
          const info = await docker.getContainer(result.container!.id!).inspect()
          modes[result.name] = info.HostConfig.NetworkMode ?? ''
        }
        return modes
      } finally {
        for (const name of await leftOver(runId))
          await docker.getContainer(name.replace(/^\//, '')).remove({ force: true })
      }
    }
    // dockerd says `default` for the bridge it picks; Podman names it (`bridge`).
    const defaultNetwork = expect.stringMatching(/^(default|bridge)$/)
    expect(await networks({})).toEqual({ 'hello-world': defaultNetwork })
    const built = buildImage('FROM busybox:latest\nCMD ["echo", "built"]\n')
    expect(await networks({ builtImage: built })).toEqual({
      'hello-world': 'none',
      [`img-${suffix}-${builtImages.length - 1}`]: defaultNetwork
    })
  })

  test('the defaults with a built image: EXPOSE → TCP on a free host port; no EXPOSE → exit 0 or settle', async () => {
    const exposing = buildImage(
      `FROM busybox:latest\nEXPOSE 80\nCMD ${JSON.stringify(['sh', '-c', 'mkdir -p /www && httpd -f -p 80 -h /www'])}\n`
    )
    const withExpose = await run('', { builtImage: exposing })
    expect(withExpose.smoke.results.map(r => [r.name, r.passed])).toEqual([
      ['hello-world', true],
      [`img-${suffix}-${builtImages.length - 1}`, true]
    ])
    expect(withExpose.smoke.results[1]!.image).toBe(exposing.reference)
    expect(withExpose.smoke.results[1]!.reason).toMatch(
      /^ready: a TCP connection to 127\.0\.0\.1:\d+ \(container port 80\)/
    )
    expect(await leftOver(withExpose.runId)).toEqual([])

    const oneShot = buildImage('FROM busybox:latest\nCMD ["echo", "hello from the app"]\n')
    const exits = await run('', { builtImage: oneShot })
    expect(exits.smoke.results[1]).toMatchObject({ passed: true, exitCode: 0, reason: 'exited 0' })
    expect(exits.smoke.results[1]!.outputTail).toBe('hello from the app\n')

    const daemon = buildImage('FROM busybox:latest\nCMD ["sleep", "600"]\n')
    const settles = await run('', { builtImage: daemon })
    expect(settles.smoke.results[1]).toMatchObject({ passed: true, reason: 'still running after 5s' })
    expect(await leftOver(settles.runId)).toEqual([])

    const healthchecked = buildImage(
      'FROM busybox:latest\nHEALTHCHECK --interval=1s CMD true\nEXPOSE 80\nCMD ["sleep", "600"]\n'
    )
    const healthy = await run('', { builtImage: healthchecked })
    // HEALTHCHECK wins over EXPOSE (nothing listens on 80 here).
    expect(healthy.smoke.results[1]).toMatchObject({
      passed: true,
      reason: HEALTHY
    })
    expect(await leftOver(healthy.runId)).toEqual([])

    const broken = buildImage('FROM busybox:latest\nCMD ["sh", "-c", "echo boom >&2; exit 4"]\n')
    const fails = await run('', { builtImage: broken })
    expect(fails.smoke.results[1]).toMatchObject({
      passed: false,
      exitCode: 4,
      reason: 'exited 4, expected 0'
    })
    expect(await leftOver(fails.runId)).toEqual([])
  })

  test('workflow commands in container output reach the log only inside the untrusted block', async () => {
    const { smoke, log } = await run(`
- name: injector
  image: busybox
  command: [sh, -c, 'echo "::set-output name=x::y"; echo "text ##[error]x"; printf "a\\r::add-mask::b\\n"']
`)
    expect(smoke.results[0]!.passed).toBe(true)
    const untrusted = log.untrustedText.join('')
    expect(untrusted).toContain('::set-output name=x::y')
    expect(untrusted).toContain('##[error]x')
    const trusted = [...log.lines, ...log.annotations.map(a => a.message)].join('\n')
    expect(trusted).not.toMatch(/::set-output|##\[error\]|::add-mask::/)
  })

  test('through the GitHub runtime log, the runner obeys none of the commands a container prints', async () => {
    let stdout = ''
    const write = process.stdout.write
    process.stdout.write = ((chunk: string | Uint8Array) => {
      stdout += chunk.toString()
      return true
    }) as typeof process.stdout.write
    try {
      await run(
        `- name: injector
  image: busybox
  command: [sh, -c, 'echo "::set-output name=x::y"; echo "text ##[error]x"; printf "a\\r::add-mask::b\\n"; echo "::error file=a::b"']
- name: second
  image: busybox
  command: echo "::warning::from the second"
`,
        { log: new GitHubLog(), parallel: 2 }
      )
    } finally {
      process.stdout.write = write
    }
    expect(stdout).toContain('::set-output name=x::y')
    expect(obeyedCommands(stdout).filter(c => !/^::(group|endgroup|stop-commands)::/.test(c))).toEqual([])
  })

  test('cleanup: false keeps the judged container (stopped) for inspection', async () => {
    const { smoke, runId } = await run(`- { name: kept, image: busybox, command: sleep 600, timeout: 3s }`, {
      cleanup: false
    })
    try {
      expect(smoke.results[0]!.container!.removed).toBe(false)
      const left = await docker.listContainers({ all: true, filters: { label: [`${LABEL_RUN}=${runId}`] } })
      expect(left).toHaveLength(1)
      expect(left[0]!.State).toBe('exited')
    } finally {
      for (const name of await leftOver(runId))
        await docker.getContainer(name.replace(/^\//, '')).remove({ force: true })
    }
  })

  test('cancel: waits stop, containers are killed and removed, CancelledError', async () => {
    const controller = new AbortController()
    const env = testEnvironment()
    const problems = new ProblemList()
    const entries = await parseSmokeList(
      `- { name: a, image: busybox, command: sleep 600 }\n- { name: b, image: busybox, command: sleep 600 }\n- { name: c, image: busybox, command: sleep 600 }`,
      { timeoutMs: 60_000 },
      problems
    )
    setTimeout(() => controller.abort(new Error('received SIGINT')), 1500)
    const started = Date.now()
    const outcome = runSmoke({
      client,
      options: { entries, timeoutMs: 60_000, parallel: 2, pullPolicy: 'missing', cleanup: false },
      env,
      log: new RecordingLog(),
      signal: controller.signal,
      labels: runLabels(env.runId, 'smoke')
    })
    await expect(outcome).rejects.toBeInstanceOf(CancelledError)
    expect(Date.now() - started).toBeLessThan(10_000)
    // Even with cleanup: false, a cancelled run removes what it created.
    expect(await leftOver(env.runId)).toEqual([])
  })

  test('100 MB of output: a bounded tail, bounded memory, and patterns still found at the end', async () => {
    const memory = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
    const baseline = memory()
    let peak = baseline
    const sampler = setInterval(() => (peak = Math.max(peak, memory())), 50)
    const { smoke, runId } = await run(`
- name: chatty
  image: busybox
  # Long lines: the engine's json-file log costs per line, and the point here is the volume.
  command: [sh, -c, 'line=$(head -c 1000 /dev/zero | tr "\\0" x); yes "$line" | head -c 100000000; echo; echo THE END']
  expect-output: ^THE END$
  timeout: 90s
`)
    clearInterval(sampler)
    const [chatty] = smoke.results
    // Holding the output would take 100 MB (200 MB as a string); the stream is read in bounded pieces.
    expect(peak - baseline).toBeLessThan(48 * 1024 * 1024)
    expect(chatty).toMatchObject({ passed: true, outputTruncated: true })
    expect(Buffer.byteLength(chatty!.outputTail)).toBeLessThanOrEqual(64 * 1024)
    expect(chatty!.outputTail.endsWith('THE END\n')).toBe(true)
    expect(await leftOver(runId)).toEqual([])
  })
})
