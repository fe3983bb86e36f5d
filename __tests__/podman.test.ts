// The action against Podman's Docker-compatible API (`podman system service`), as a user whose
// DOCKER_HOST points at Podman runs it. These tests need that engine: run them with
//   PREFLIGHT_ENGINE=podman npm test -- __tests__/podman.test.ts
// (scripts/engine.sh hands the bring-up to scripts/engine-podman.sh and sets DOCKER_HOST). Under any
// other engine they are skipped, and say why.
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type Docker from 'dockerode'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import { podmanVersion } from '../src/engine/podman.js'
import { LABEL_RUN } from '../src/labels.js'
import { runAction, type ActionRun } from './helpers/action-runner.js'
import { testClient, testDocker } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'

const onPodman = process.env.PREFLIGHT_ENGINE === 'podman'
const title = onPodman
  ? "the action against Podman's Docker-compatible API"
  : 'Podman (skipped: PREFLIGHT_ENGINE is not podman; run PREFLIGHT_ENGINE=podman npm test -- __tests__/podman.test.ts)'

const BUILDKIT_NOTE = /whose Docker-compatible API has no BuildKit: building with the classic builder\./g

;(onPodman ? describe : describe.skip)(title, () => {
  let docker: Docker
  let version: string
  const runIds: string[] = []
  const dirs: string[] = []

  beforeAll(async () => {
    docker = testDocker()
    version = podmanVersion((await docker.version()) as unknown as Record<string, unknown>) ?? ''
    if (!version) throw new Error(`DOCKER_HOST=${process.env.DOCKER_HOST} is not Podman's API`)
  })
  afterAll(async () => {
    for (const runId of runIds)
      await cleanupRun({ client: testClient(), runId, removeImages: true, log: new RecordingLog() })
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  const tag = (): string => `preflight-podman-test/app:${randomBytes(4).toString('hex')}`
  const remember = (run: ActionRun): ActionRun => {
    if (run.state['run-id']) runIds.push(run.state['run-id'])
    return run
  }
  /** A build context under the workspace (the action's context input is relative to it). */
  const context = (files: Record<string, string>, from?: string): string => {
    const dir = mkdtempSync(join(process.cwd(), '.test-podman-'))
    dirs.push(dir)
    if (from) cpSync(from, dir, { recursive: true })
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    return relative(process.cwd(), dir)
  }
  /**
   * What the run left on the Podman engine: containers, and images (with `all`, the intermediate ones:
   * Podman's classic builder adds the action's labels as LABEL steps, so its layer cache carries them).
   */
  const leftBy = async (runId: string, all = true): Promise<string[]> => {
    const filters = JSON.stringify({ label: [`${LABEL_RUN}=${runId}`] })
    const [containers, images] = await Promise.all([
      docker.listContainers({ all: true, filters }),
      docker.listImages({ all, filters })
    ])
    return [
      ...containers.map(c => `container ${c.Names?.[0] ?? c.Id} (${c.State})`),
      ...images.map(i => `image ${(i.RepoTags ?? []).join(',') || i.Id}`)
    ]
  }
  const results = (run: ActionRun): { name: string; passed: boolean; reason: string }[] =>
    JSON.parse(run.outputs['smoke-results'] ?? '[]') as { name: string; passed: boolean; reason: string }[]

  test('the default pipeline on a small Dockerfile passes: classic build after one note, smoke, Podman in the engine facts', async () => {
    const reference = tag()
    const run = remember(
      await runAction({ context: context({}, '__tests__/fixtures/hello-app'), tags: reference })
    )
    expect(run.exitCode).toBe(0)
    expect(run.stdout.match(BUILDKIT_NOTE)).toHaveLength(1)
    expect(run.stdout).toContain(
      `This engine is Podman ${version}, whose Docker-compatible API has no BuildKit`
    )
    expect(run.stdout).not.toMatch(/^::(error|warning)/m)
    expect(results(run).map(r => [r.name, r.passed])).toEqual([
      ['hello-world', true],
      ['app', true]
    ])
    // The built image is on Podman, and the outputs describe it.
    const image = await docker.getImage(reference).inspect()
    expect(run.outputs['image-id']).toBe(image.Id)
    expect(run.outputs['image-size']).toBe(String(image.Size))
    const report = JSON.parse(readFileSync(run.outputs['report']!, 'utf8')) as {
      build: { builder: string }
      engine: { facts: { podmanVersion?: string } }
    }
    expect(report.build.builder).toBe('classic')
    expect(report.engine.facts.podmanVersion).toBe(version)
    expect(run.summary).toContain(`<tr><td>Podman</td><td>${version} (Docker-compatible API)</td></tr>`)
    expect(run.stdout).toMatch(
      new RegExp(`^Podman: +${version.replace(/\./g, '\\.')} \\(Docker-compatible API\\)$`, 'm')
    )
    // Smoke containers are gone once judged; the built image stays (cleanup-images is false).
    expect(await leftBy(run.state['run-id']!, false)).toEqual([`image docker.io/${reference}`])
  })

  test('readiness by HTTP, TCP port, log line and HEALTHCHECK; with cleanup-images the post step leaves nothing', async () => {
    const dir = context({
      Dockerfile:
        'FROM busybox:latest\n' +
        'HEALTHCHECK --interval=1s --timeout=2s CMD test -f /tmp/ready\n' +
        'CMD ["sh", "-c", "sleep 1; touch /tmp/ready; sleep 60"]\n'
    })
    const smoke = [
      '- name: web',
      '  image: busybox:latest',
      '  command: httpd -f -p 8080 -h /etc',
      "  ports: ['8080']",
      '  ready: { http: /passwd }',
      '- name: port',
      '  image: busybox:latest',
      '  command: httpd -f -p 8081',
      "  ports: ['8081']",
      '  ready: { port: 8081 }',
      '- name: log',
      '  image: busybox:latest',
      "  command: [sh, -c, 'echo starting; sleep 1; echo listening now; sleep 60']",
      '  ready: { log: listening now }',
      '- name: healthy',
      '  ready: { healthy: true }',
      '  timeout: 30s'
    ].join('\n')
    const inputs = { context: dir, tags: tag(), smoke, 'cleanup-images': 'true' }
    const run = remember(await runAction(inputs))
    expect(results(run)).toEqual([
      expect.objectContaining({
        name: 'web',
        passed: true,
        reason: expect.stringMatching(/^ready: GET http:\/\/127\.0\.0\.1:\d+\/passwd answered 200$/)
      }),
      expect.objectContaining({
        name: 'port',
        passed: true,
        reason: expect.stringMatching(
          /^ready: a TCP connection to 127\.0\.0\.1:\d+ \(container port 8081\) was accepted$/
        )
      }),
      expect.objectContaining({ name: 'log', passed: true, reason: 'ready: output matched /listening now/' }),
      expect.objectContaining({
        name: 'healthy',
        passed: true,
        reason: expect.stringMatching(/^ready: HEALTHCHECK reported healthy/)
      })
    ])
    expect(run.exitCode).toBe(0)
    // The post step removes the built image, and with it the layers its build made.
    const post = await runAction(inputs, { state: run.state })
    expect(post.exitCode).toBe(0)
    expect(await leftBy(run.state['run-id']!)).toEqual([])
  })

  test('the built image’s default entry is judged by its HEALTHCHECK, which Podman’s image inspect leaves out', async () => {
    // Nothing listens on the EXPOSEd port: judged by the port, this entry would time out.
    const dir = context({
      Dockerfile: 'FROM busybox:latest\nHEALTHCHECK --interval=1s CMD true\nEXPOSE 80\nCMD ["sleep", "600"]\n'
    })
    const reference = tag()
    const run = remember(await runAction({ context: dir, tags: reference }))
    expect((await docker.getImage(reference).inspect()).Config.Healthcheck).toBeUndefined()
    expect(results(run)).toEqual([
      expect.objectContaining({ name: 'hello-world', passed: true }),
      expect.objectContaining({
        name: 'app',
        passed: true,
        reason: expect.stringMatching(/^ready: HEALTHCHECK reported healthy/)
      })
    ])
    expect(run.exitCode).toBe(0)
  })

  test('a HEALTHCHECK that fails is judged unhealthy with its output, not left to time out', async () => {
    const dir = context({
      Dockerfile:
        'FROM busybox:latest\n' +
        'HEALTHCHECK --interval=1s --timeout=2s --retries=2 CMD echo not yet; exit 1\n' +
        'CMD ["sleep", "60"]\n'
    })
    const smoke = '- name: sick\n  ready: { healthy: true }\n  timeout: 30s\n'
    const run = remember(await runAction({ context: dir, tags: tag(), smoke }))
    expect(run.exitCode).toBe(1)
    expect(results(run)).toEqual([
      expect.objectContaining({
        name: 'sick',
        passed: false,
        reason: expect.stringMatching(
          /^HEALTHCHECK reported unhealthy \(last check exited 1: not yet\) \(run by docker-preflight/
        )
      })
    ])
    // The container is gone; the built image stays until afterAll (cleanup-images is false).
    expect((await leftBy(run.state['run-id']!, false)).filter(left => left.startsWith('container'))).toEqual(
      []
    )
  })

  test('report-scope all and disk-usage: the inventory lists the whole engine without an error', async () => {
    const run = remember(await runAction({ build: 'false', 'report-scope': 'all', 'disk-usage': 'true' }))
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toMatch(/^::(error|warning)/m)
    const report = JSON.parse(readFileSync(run.outputs['report']!, 'utf8')) as {
      inventory: {
        scope: string
        images: { tags: string[] }[]
        containers: { name: string }[]
        errors: string[]
      }
      diskUsage?: { Images?: unknown[] }
    }
    expect(report.inventory.scope).toBe('all')
    expect(report.inventory.errors).toEqual([])
    expect(report.inventory.containers.map(c => c.name)).toContain(
      `preflight-${run.state['run-id']}-hello-world`
    )
    // Named as `docker image ls` names them (Podman's API says docker.io/library/busybox:latest).
    const tags = report.inventory.images.flatMap(i => i.tags)
    expect(tags).toEqual(expect.arrayContaining(['busybox:latest', 'hello-world:latest']))
    expect(tags.filter(t => t.startsWith('docker.io/'))).toEqual([])
    expect(report.diskUsage?.Images?.length).toBeGreaterThanOrEqual(2)
  })

  test('a container that writes 100 MB: its last line is seen, as on Docker (Podman ends a followed log early)', async () => {
    const smoke = [
      '- name: chatty',
      '  image: busybox:latest',
      `  command: [sh, -c, 'line=$(head -c 1000 /dev/zero | tr "\\0" x); yes "$line" | head -c 100000000; echo; echo THE END']`,
      '  expect-output: ^THE END$',
      '  timeout: 90s'
    ].join('\n')
    const run = remember(await runAction({ build: 'false', smoke }))
    expect(results(run)).toEqual([
      expect.objectContaining({
        name: 'chatty',
        passed: true,
        reason: expect.stringMatching(/^exited 0 and output matched \/\^THE END\$\//)
      })
    ])
    expect(run.exitCode).toBe(0)
    expect(await leftBy(run.state['run-id']!, false)).toEqual([])
  })

  test('a failing smoke container fails the step with the same message as on Docker, and is removed', async () => {
    const smoke = "- name: boom\n  image: busybox:latest\n  command: [sh, -c, 'echo boom >&2; exit 3']\n"
    const onPodmanRun = remember(await runAction({ build: 'false', smoke }))
    const onDockerRun = await runAction(
      { build: 'false', smoke },
      { env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }
    )
    const errors = (run: ActionRun): string[] =>
      run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(onPodmanRun.exitCode).toBe(1)
    expect(errors(onPodmanRun)).toEqual(['::error::Smoke container "boom" failed: exited 3, expected 0'])
    expect(onDockerRun.exitCode).toBe(1)
    expect(errors(onPodmanRun)).toEqual(errors(onDockerRun))
    expect(onPodmanRun.summary).toContain('boom')
    expect(await leftBy(onPodmanRun.state['run-id']!)).toEqual([])
  })

  test('a container that never gets ready times out, fails the step, and is removed', async () => {
    const smoke =
      "- name: deaf\n  image: busybox:latest\n  command: sleep 60\n  ports: ['9000']\n  ready: { port: 9000 }\n  timeout: 3s\n"
    const run = remember(await runAction({ build: 'false', smoke }))
    expect(run.exitCode).toBe(1)
    expect(results(run)).toEqual([
      expect.objectContaining({
        name: 'deaf',
        passed: false,
        reason: expect.stringMatching(
          /^timed out after 3s waiting to be ready \(last: a TCP connection to 127\.0\.0\.1:\d+ \(container port 9000\)/
        )
      })
    ])
    expect(await leftBy(run.state['run-id']!)).toEqual([])
  })
})
