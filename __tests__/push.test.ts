import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildImage } from '../src/build/build.js'
import { pushImage, type PushResult } from '../src/push/push.js'
import { buildInput } from './fixtures/build-support/helpers.js'
import { runAction, type ActionRun } from './helpers/action-runner.js'
import { testClient, testDocker } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'
import { startFaultyProxy, startRegistry, type TestRegistry } from './helpers/registry.js'

// Push against real registries: Debian's docker-registry with htpasswd auth and TLS from a CA this test
// makes (the engine trusts it through certs.d), and plain ones behind a proxy that fails blob uploads.

const docker = testDocker()
const client = testClient()
const USER = 'pf-pusher'
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64')
const scratch = mkdtempSync(join(tmpdir(), 'preflight-push-test-'))
let secure: TestRegistry
const localTags: string[] = []

beforeAll(async () => {
  secure = await startRegistry({ tls: true, auth: { user: USER, password: PASSWORD } })
})
afterAll(async () => {
  for (const tag of localTags)
    await docker
      .getImage(tag)
      .remove({ noprune: true })
      .catch(() => {})
  await secure?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

const unique = (): string => `preflight-push/app-${randomBytes(4).toString('hex')}`

/** A DOCKER_CONFIG directory holding `config`. */
function dockerConfig(config: object): string {
  const dir = mkdtempSync(join(scratch, 'config-'))
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
  return dir
}

/** busybox under a new tag, for pushes that need no build; removed after the file. */
async function localImage(tag: string): Promise<string> {
  const busybox = docker.getImage('busybox:latest')
  const at = tag.lastIndexOf(':')
  await busybox.tag({ repo: tag.slice(0, at), tag: tag.slice(at + 1) })
  localTags.push(tag)
  return (await busybox.inspect()).Id
}

/** Every file under `dir`, as text. */
function filesUnder(dir: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) Object.assign(found, filesUnder(path))
    else found[path] = readFileSync(path, 'latin1')
  }
  return found
}

/** The secrets a leak would show: the password, and the base64 forms config.json and X-Registry-Auth use. */
function expectNoCredential(run: ActionRun, secrets: string[]): void {
  const places: Record<string, string> = { stdout: run.stdout, stderr: run.stderr, ...filesUnder(run.dir) }
  expect(Object.keys(places).some(p => p.endsWith('.json'))).toBe(true) // the report is among them
  for (const [place, text] of Object.entries(places)) {
    for (const secret of secrets) {
      if (text.includes(secret)) throw new Error(`a credential appears in ${place}`)
    }
  }
}

const secrets = [PASSWORD, BASIC]

/** The summary's text as a reader sees it (the summary escapes `:`, `-` and quotes as entities). */
const readable = (html: string): string =>
  html.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"')

async function pushRun(
  tags: string[],
  env: NodeJS.ProcessEnv,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  localTags.push(...tags)
  return runAction(
    { context: '__tests__/fixtures/hello-app', tags: tags.join('\n'), push: 'true', ...inputs },
    { env }
  )
}

describe('push: true with a TLS registry that wants a password', () => {
  test('config.json auths: every tag is pushed, and `digest` is what the registry serves for each', async () => {
    const repository = unique()
    const tags = [`${secure.address}/${repository}:1.0`, `${secure.address}/${repository}:latest`]
    const run = await pushRun(tags, {
      DOCKER_CONFIG: dockerConfig({ auths: { [secure.address]: { auth: BASIC } } })
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const digest = run.outputs['digest']!
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(run.outputs['pushed-tags']).toBe(tags.join(','))
    for (const tag of ['1.0', 'latest']) {
      const served = await secure.manifest(repository, tag)
      expect({ tag, head: served.head, body: served.body }).toEqual({ tag, head: digest, body: digest })
    }
    expect(await secure.tags(repository)).toEqual(['1.0', 'latest'])
    // Ready to copy: name@digest for each tag, in the summary and the report.
    for (const tag of tags)
      expect(readable(run.summary)).toContain(`${tag.replace(/:[^:/]+$/, '')}@${digest}`)
    const report = JSON.parse(readFileSync(join(run.dir, 'docker-preflight-report.json'), 'utf8')) as {
      push: PushResult
    }
    expect(report.push).toMatchObject({ status: 'pushed', digest, problems: [] })
    expect(report.push.pushed.map(p => p.tag)).toEqual(tags)
    // Progress as the CLI shows it, in its own group: layer by layer, then the pinned reference.
    expect(run.stdout).toMatch(/::group::Push\n/)
    expect(run.stdout).toMatch(/[a-f0-9]{12}: Pushed/)
    expect(run.stdout).toMatch(/[a-f0-9]{12}: Layer already exists/) // the second tag finds the layers there
    expectNoCredential(run, secrets)
  })

  test.each([
    [
      'credHelpers (before a stale auths entry)',
      (stale: string) => ({
        auths: { [secure.address]: { auth: stale } },
        credHelpers: { [secure.address]: 'pftest' }
      })
    ],
    ['credsStore', () => ({ credsStore: 'pftest' })]
  ])('a credential helper through %s pushes; its secret is printed nowhere', async (_name, config) => {
    const bin = mkdtempSync(join(scratch, 'bin-'))
    const asked = join(bin, 'asked')
    // The helper protocol: the server address on stdin, JSON with Username and Secret on stdout.
    writeFileSync(
      join(bin, 'docker-credential-pftest'),
      `#!/bin/sh\n[ "$1" = get ] || exit 1\nread server\necho "$server" >> ${asked}\n` +
        `printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}' "$server"\n`
    )
    chmodSync(join(bin, 'docker-credential-pftest'), 0o755)
    const stale = Buffer.from(`${USER}:not-the-password`).toString('base64')
    const repository = unique()
    const run = await pushRun([`${secure.address}/${repository}:1`], {
      PATH: `${bin}:${process.env.PATH}`,
      DOCKER_CONFIG: dockerConfig(config(stale))
    })
    expect(run.exitCode).toBe(0)
    // The build asks too, for its base image's registry (docker.io) when credsStore covers every registry.
    expect(readFileSync(asked, 'utf8').split('\n')).toContain(secure.address)
    expect(run.stdout).toContain('credentials from docker-credential-pftest')
    expect((await secure.manifest(repository, '1')).head).toBe(run.outputs['digest'])
    expectNoCredential(run, [...secrets, stale])
  })

  test('a failing smoke container leaves the registry exactly as it was', async () => {
    const repository = unique()
    // The registry already holds the tag this run would overwrite.
    const existing = `${secure.address}/${repository}:1.0`
    const busyboxId = await localImage(existing)
    const seeded = await pushImage({
      client,
      imageId: busyboxId,
      tags: [existing],
      log: new RecordingLog(),
      processEnv: { DOCKER_CONFIG: dockerConfig({ auths: { [secure.address]: { auth: BASIC } } }) }
    })
    expect(seeded.status).toBe('pushed')
    await docker.getImage(existing).remove({ noprune: true })
    const before = await secure.snapshot()
    expect(before[repository]).toEqual({ '1.0': seeded.digest })

    const run = await pushRun(
      [existing, `${secure.address}/${repository}:2.0`],
      { DOCKER_CONFIG: dockerConfig({ auths: { [secure.address]: { auth: BASIC } } }) },
      { smoke: "- name: must-fail\n  command: [sh, -c, 'exit 3']" }
    )
    expect(run.exitCode).toBe(1)
    expect(await secure.snapshot()).toEqual(before)
    expect(run.outputs['digest']).toBe('')
    expect(run.outputs['pushed-tags']).toBe('')
    expect(readable(run.summary)).toContain('Not pushed: a check failed: Smoke container "must-fail" failed')
    expect(run.stdout).not.toMatch(/::group::Push/)
  })
})

describe('a push that fails ends with one clear sentence', () => {
  const attempt = async (registryAddress: string, config: object, caseName: string) => {
    const tag = `${registryAddress}/preflight-push/${caseName}:1`
    const imageId = await localImage(tag)
    const log = new RecordingLog()
    const started = Date.now()
    const result = await pushImage({
      client,
      imageId,
      tags: [tag],
      log,
      processEnv: { DOCKER_CONFIG: dockerConfig(config) },
      backoffMs: 200
    })
    return { result, log, ms: Date.now() - started, tag }
  }

  test('wrong password', async () => {
    const wrong = Buffer.from(`${USER}:wrong`).toString('base64')
    const { result } = await attempt(
      secure.address,
      { auths: { [secure.address]: { auth: wrong } } },
      'wrong-pw'
    )
    expect(result.status).toBe('failed')
    expect(result.problems).toHaveLength(1)
    // 20.10 says `unauthorized: authentication required`; the containerd store `… 401 Unauthorized`.
    expect(result.problems[0]).toMatch(
      new RegExp(
        `^Push of ${secure.address}/preflight-push/wrong-pw:1 to ${secure.address} failed: the registry refused the credentials from auths\\["${secure.address}"\\] in config.json \\(.*(unauthorized: authentication required|401 Unauthorized)\\)\\.$`
      )
    )
  })

  test('a tag that no longer names the smoked image is not pushed', async () => {
    const tag = `${secure.address}/preflight-push/moved:1`
    await localImage(tag)
    const moved = await pushImage({
      client,
      imageId: `sha256:${'0'.repeat(64)}`,
      tags: [tag],
      log: new RecordingLog(),
      processEnv: {}
    })
    expect(moved.problems[0]).toMatch(
      /^Push of .*moved:1 refused: the tag now names [a-f0-9]{12}, not the image this run built and smoked \(000000000000\)\.$/
    )
    await docker.getImage(tag).remove({ noprune: true })
    const gone = await pushImage({
      client,
      imageId: `sha256:${'0'.repeat(64)}`,
      tags: [tag],
      log: new RecordingLog(),
      processEnv: {}
    })
    expect(gone.problems[0]).toMatch(
      /^Push of .*moved:1 refused: the engine has no image tagged .*moved:1 any more\.$/
    )
    expect(await secure.tags('preflight-push/moved')).toEqual([])
  })

  test('no credentials for a registry that wants them', async () => {
    const { result } = await attempt(secure.address, {}, 'no-creds')
    expect(result.problems[0]).toMatch(
      /failed: the registry wants credentials and none are configured for .* \(run docker\/login-action first\)\.$/
    )
  })

  test('a CA the engine does not trust', async () => {
    const untrusted = await startRegistry({ tls: true, trust: false })
    try {
      const { result } = await attempt(untrusted.address, {}, 'unknown-ca')
      expect(result.problems).toHaveLength(1)
      expect(result.problems[0]).toContain(
        `to ${untrusted.address} failed: the engine does not trust the registry's TLS certificate (`
      )
      expect(result.problems[0]).toContain('x509: certificate signed by unknown authority')
      expect(result.problems[0]).toContain(`/etc/docker/certs.d/${untrusted.address}/ca.crt`)
    } finally {
      await untrusted.stop()
    }
  })

  test('a registry that is down', async () => {
    const gone = await startRegistry()
    await gone.stop()
    const { result, ms } = await attempt(gone.address, {}, 'down')
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatch(
      new RegExp(`to ${gone.address} failed: the registry did not answer \\(.*connection refused\\)\\.$`)
    )
    console.log(`push to a registry that is down: failed after ${ms} ms`)
  })
})

describe('5xx and dropped connections during a blob upload', () => {
  // A fresh registry for each: one that already holds the layer would let the engine mount it, not upload.
  let plain: TestRegistry
  beforeEach(async () => {
    plain = await startRegistry()
  })
  afterEach(() => plain?.stop())

  test.each([
    ['a 500 (disk full) on the first blob upload', '500' as const],
    ['a dropped connection on the first blob upload', 'drop' as const]
  ])('%s is retried, and the push completes', async (_name, fault) => {
    const proxy = await startFaultyProxy(plain.address, n => (n === 1 ? fault : 'pass'))
    try {
      const tag = `${proxy.address}/preflight-push/retry-${fault}:1`
      const imageId = await localImage(tag)
      const log = new RecordingLog()
      const started = Date.now()
      const result = await pushImage({ client, imageId, tags: [tag], log, processEnv: {}, backoffMs: 200 })
      console.log(
        `${fault} on one blob upload: pushed after ${Date.now() - started} ms, ${proxy.uploads} upload requests`
      )
      expect(result.problems).toEqual([])
      expect(proxy.failed).toBe(1)
      // Retried (by the engine itself, or by the stage when the engine gave up): the failed upload was sent again.
      expect(proxy.uploads).toBeGreaterThan(1)
      expect((await plain.manifest('preflight-push/retry-' + fault, '1')).head).toBe(result.digest)
    } finally {
      await proxy.stop()
    }
  })

  test('a registry that answers 500 to every blob upload: a bounded retry, then one sentence', async () => {
    const proxy = await startFaultyProxy(plain.address, () => '500')
    try {
      const tag = `${proxy.address}/preflight-push/always-500:1`
      const imageId = await localImage(tag)
      const started = Date.now()
      const result = await pushImage({
        client,
        imageId,
        tags: [tag],
        log: new RecordingLog(),
        processEnv: {},
        backoffMs: 200
      })
      const ms = Date.now() - started
      console.log(
        `500 on every blob upload: gave up after ${ms} ms and ${proxy.failed} failed upload requests`
      )
      expect(result.status).toBe('failed')
      expect(result.problems).toHaveLength(1)
      expect(result.problems[0]).toMatch(
        new RegExp(`^Push of ${tag} to ${proxy.address} failed: the registry kept failing .*\\.$`)
      )
      expect(proxy.failed).toBeLessThanOrEqual(15)
      expect(await plain.tags('preflight-push/always-500')).toEqual([])
    } finally {
      await proxy.stop()
    }
  }, 180_000)
})

describe('cancel during a push', () => {
  test('stops within seconds; the engine abandons the push and writes no tag', async () => {
    const plain = await startRegistry()
    // Every blob upload is answered 3 s late, so the cancel lands in the middle of one.
    const proxy = await startFaultyProxy(plain.address, () => 'slow')
    try {
      const tag = `${proxy.address}/preflight-push/cancelled:1`
      const imageId = await localImage(tag)
      const controller = new AbortController()
      const log = new RecordingLog()
      const pushing = pushImage({
        client,
        imageId,
        tags: [tag],
        log,
        processEnv: {},
        signal: controller.signal
      })
      pushing.catch(() => {})
      while (proxy.uploads === 0) await new Promise(resolve => setTimeout(resolve, 50))
      const abortedAt = Date.now()
      controller.abort()
      await expect(pushing).rejects.toThrow('cancelled')
      const stoppedMs = Date.now() - abortedAt
      const uploadsAtCancel = proxy.uploads
      // Long enough for the held upload to be answered and for any later request (another layer, the
      // manifest) to arrive, were the engine still pushing.
      await new Promise(resolve => setTimeout(resolve, 6000))
      // Counted from the moment the engine closed the upload it held (it gave the push up), not from the
      // cancel: dockerd 28 with the containerd store uploads the config and the layer side by side, and
      // a request it sent in the milliseconds before it saw the cancel is not one sent after.
      const uploadsAtGiveUp = proxy.uploadsWhenHeldClosed ?? proxy.uploads
      console.log(
        `cancel during a push: the stage returned after ${stoppedMs} ms; the engine closed the upload it had in flight ${proxy.heldClosedAt === undefined ? 'not within 6 s' : `${proxy.heldClosedAt - abortedAt} ms after the cancel (the proxy answers it 3 s after it arrived)`}, ${uploadsAtGiveUp - uploadsAtCancel} upload requests arrived between the stage's return and then, and ${proxy.uploads - uploadsAtGiveUp} after`
      )
      expect(stoppedMs).toBeLessThan(3000)
      expect(proxy.heldClosedAt).toBeDefined()
      // At most one upload request after it: seen once on dockerd 20.10 on an idle machine, a blob upload
      // the engine had queued went out as the held one was answered. A push that went on would upload
      // the rest and write the tag (checked below).
      expect(proxy.uploads - uploadsAtGiveUp).toBeLessThanOrEqual(1)
      // The repository may exist (an upload was started in it), but no tag, so no manifest, was written.
      expect(await plain.tags('preflight-push/cancelled')).toEqual([])
    } finally {
      await proxy.stop()
      await plain.stop()
    }
  }, 30_000)

  test('cancelling the action (SIGINT, as the runner does) during the push: it exits within seconds, no tag', async () => {
    const plain = await startRegistry()
    const proxy = await startFaultyProxy(plain.address, () => 'slow')
    try {
      const tag = `${proxy.address}/preflight-push/cancelled-action:1`
      localTags.push(tag)
      let signalledAt = 0
      const run = await runAction(
        {
          context: '__tests__/fixtures/hello-app',
          tags: tag,
          push: 'true',
          smoke: '- name: ok\n  command: [true]'
        },
        {
          onSpawn: child => {
            const poll = setInterval(() => {
              if (proxy.uploads > 0 && child.exitCode === null) {
                clearInterval(poll)
                signalledAt = Date.now()
                child.kill('SIGINT')
              }
            }, 50)
            child.on('close', () => clearInterval(poll))
          }
        }
      )
      const exitMs = Date.now() - signalledAt
      console.log(
        `cancelling the action during a push: it exited ${exitMs} ms after SIGINT (code ${run.exitCode})`
      )
      expect(signalledAt).toBeGreaterThan(0)
      expect(run.exitCode).not.toBe(0)
      expect(exitMs).toBeLessThan(5000)
      await new Promise(resolve => setTimeout(resolve, 4000))
      expect(await plain.tags('preflight-push/cancelled-action')).toEqual([])
      expect(run.outputs['digest'] ?? '').toBe('')
    } finally {
      await proxy.stop()
      await plain.stop()
    }
  }, 60_000)
})

describe('a BuildKit build FROM an image on a registry that wants a password', () => {
  // Plain HTTP on 127.0.0.1: the engine's BuildKit does not read the daemon's certs.d for a registry's CA
  // (20.10 fails the TLS registry above with `x509: certificate signed by unknown authority`).
  let locked: TestRegistry
  beforeAll(async () => {
    locked = await startRegistry({ auth: { user: USER, password: PASSWORD } })
  })
  afterAll(async () => {
    await locked?.stop()
  })

  test('fails at the FROM line without credentials, and pulls with config.json auths, which BuildKit asks for over the session', async () => {
    const secure = locked
    const repository = `preflight-push/base-${randomBytes(4).toString('hex')}`
    const base = `${secure.address}/${repository}:1`
    await localImage(base)
    const pushed = await docker
      .getImage(base)
      .push({ authconfig: { serveraddress: secure.address, username: USER, password: PASSWORD } })
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(pushed, (error: Error | null, events: Array<{ error?: string }>) => {
        const failed = error?.message ?? events.find(e => e.error)?.error
        if (failed) reject(new Error(failed))
        else resolve()
      })
    )
    expect(await secure.tags(repository)).toEqual(['1'])
    // Only on the registry now: the build has to pull it.
    await docker.getImage(base).remove({ noprune: true })
    const dir = mkdtempSync(join(scratch, 'context-'))
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${base}\nRUN echo built > /built.txt\n`)
    const tag = `preflight-push/from-private:${randomBytes(4).toString('hex')}`
    localTags.push(tag)
    const build = (config: object) =>
      buildImage(
        buildInput(
          client,
          dir,
          { tags: [tag], builder: 'buildkit' },
          { processEnv: { DOCKER_CONFIG: dockerConfig(config) } }
        )
      )

    const without = await build({})
    expect(without.status).toBe('failed')
    expect(without.failure).toMatchObject({ file: 'Dockerfile', line: 1 })
    expect(without.failure!.message).toMatch(
      new RegExp(
        `^The base image ${base} could not be pulled: .*(401|unauthorized|authentication required)`,
        'i'
      )
    )

    const withAuths = await build({ auths: { [secure.address]: { auth: BASIC } } })
    expect(withAuths.failure).toBeUndefined()
    expect(withAuths.status).toBe('built')
    expect((await docker.getImage(tag).inspect()).Id).toBe(withAuths.imageId)
  }, 120_000)
})
