import { engineEnvironment } from '../src/compose/exec.js'
import { parseComposeSmoke } from '../src/compose/spec.js'
import { parseInputs } from '../src/inputs/parse.js'
import { ProblemList, formatProblem } from '../src/inputs/problems.js'
import { pluginDirs, findComposePlugin, missingPluginError } from '../src/compose/plugin.js'
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

async function parse(
  text: string
): Promise<{ result: Awaited<ReturnType<typeof parseComposeSmoke>>; problems: string[] }> {
  const problems = new ProblemList()
  const result = await parseComposeSmoke(text, { timeoutMs: 120_000 }, problems)
  return { result, problems: problems.items.map(formatProblem) }
}

describe('compose-smoke', () => {
  test('service entries add expectations; other entries are containers for the stack network', async () => {
    const { result, problems } = await parse(`
- service: web
  ports: ["8080"]
  ready: { http: /health }
- service: migrate
  expect-exit-code: 3
  timeout: 10s
- name: probe
  image: busybox
  command: wget -q -O- http://web:8080/
`)
    expect(problems).toEqual([])
    expect(result!.services.map(s => [s.service, s.entry, s.expectsExit])).toEqual([
      ['web', 1, false],
      ['migrate', 2, true]
    ])
    expect(result!.services[0]!.spec.ready).toEqual({ kind: 'http', target: '/health', containerPort: 8080 })
    expect(result!.services[1]!.spec).toMatchObject({ name: 'migrate', expectExitCode: 3, timeoutMs: 10_000 })
    expect(result!.services[0]!.spec.timeoutMs).toBe(120_000)
    expect(result!.containers.map(c => [c.name, c.image, c.command])).toEqual([
      ['probe', 'busybox', ['wget', '-q', '-O-', 'http://web:8080/']]
    ])
  })

  test('a service entry may not set what the Compose file sets, and each problem names the entry', async () => {
    const { result, problems } = await parse(`
- service: web
  image: nginx
  redy: { port: 80 }
- service: web
`)
    expect(result).toBeUndefined()
    expect(problems).toEqual([
      'Input "compose-smoke": "image" (entry #1 "web") is not a key of a service entry: the Compose file sets the service up (expected one of service, name, ports, ready, expect-exit-code, expect-output, reject-output, timeout)',
      'Input "compose-smoke": "redy" (entry #1 "web") is not a key of a service entry: did you mean "ready"?',
      'Input "compose-smoke": "web" (entry #2, key "service") names service "web" a second time',
      'Input "compose-smoke": "web" (entry #2 "web", key "name") is already the name of entry #1'
    ])
  })

  test('the smoke rules apply: ready http needs a port, YAML must be a list', async () => {
    expect((await parse('- service: web\n  ready: { http: / }')).problems).toEqual([
      'Input "compose-smoke": "/" (entry #1 "web", key "ready.http") needs a published TCP port: add ports (e.g. "8080:80" or "80")'
    ])
    expect((await parse('service: web')).problems).toEqual([
      'Input "compose-smoke": "service: web" is not a YAML list (got a map; e.g. "- service: web" then "  ready: {http: /}")'
    ])
    expect((await parse('')).result).toEqual({ services: [], containers: [] })
  })
})

describe('finding the compose plugin as the docker CLI does', () => {
  const root = mkdtempSync(join(tmpdir(), 'preflight-plugin-'))
  const plugin = (dir: string): string => {
    mkdirSync(dir, { recursive: true })
    const path = join(dir, 'docker-compose')
    writeFileSync(path, '#!/bin/sh\n')
    chmodSync(path, 0o755)
    return path
  }

  test('cliPluginsExtraDirs first, then DOCKER_CONFIG/cli-plugins, then the system directories', () => {
    const config = join(root, 'config')
    mkdirSync(config, { recursive: true })
    writeFileSync(join(config, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: [join(root, 'extra')] }))
    expect(pluginDirs({ DOCKER_CONFIG: config })).toEqual([
      join(root, 'extra'),
      join(config, 'cli-plugins'),
      '/usr/local/lib/docker/cli-plugins',
      '/usr/local/libexec/docker/cli-plugins',
      '/usr/lib/docker/cli-plugins',
      '/usr/libexec/docker/cli-plugins'
    ])
    expect(pluginDirs({ HOME: join(root, 'home') })[0]).toBe(join(root, 'home', '.docker', 'cli-plugins'))
    const inConfig = plugin(join(config, 'cli-plugins'))
    expect(findComposePlugin({ DOCKER_CONFIG: config })).toBe(inConfig)
    const inExtra = plugin(join(root, 'extra'))
    expect(findComposePlugin({ DOCKER_CONFIG: config })).toBe(inExtra)
  })

  test('a broken symlink is skipped; none anywhere gives the one error that says how to get it', () => {
    const config = join(root, 'broken')
    mkdirSync(join(config, 'cli-plugins'), { recursive: true })
    symlinkSync(join(root, 'nowhere'), join(config, 'cli-plugins', 'docker-compose'))
    const env = { DOCKER_CONFIG: config }
    const found = findComposePlugin(env)
    expect(found === undefined || found.startsWith('/usr/')).toBe(true)
    const message = missingPluginError(env).message
    expect(message).toMatch(
      /^The compose input needs the docker compose v2 plugin, and none was found \(looked for docker-compose in /
    )
    expect(message).toContain(join(config, 'cli-plugins'))
    expect(message).toContain('~/.docker/cli-plugins/')
  })
})

describe('the plugin is pointed at the endpoint the action resolved', () => {
  const base = { source: { kind: 'input' as const, description: 'docker-host' }, options: {}, notes: [] }

  test('DOCKER_HOST without the display suffix; TLS as DOCKER_TLS_VERIFY or DOCKER_TLS with DOCKER_CERT_PATH', () => {
    expect(engineEnvironment({ ...base, display: 'unix:///run/x/docker.sock' })).toEqual({
      DOCKER_HOST: 'unix:///run/x/docker.sock'
    })
    expect(
      engineEnvironment({
        ...base,
        display: 'tcp://10.0.0.5:2376 (TLS)',
        tls: {
          verify: true,
          from: 'DOCKER_CERT_PATH (/certs)',
          caFile: '/certs/ca.pem',
          certFile: '/certs/cert.pem'
        }
      })
    ).toEqual({ DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' })
    expect(
      engineEnvironment({
        ...base,
        display: 'tcp://10.0.0.5:2376 (TLS, server not verified)',
        tls: { verify: false, from: 'DOCKER_TLS' }
      })
    ).toEqual({ DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS: '1' })
  })
})

describe('the compose inputs, checked before anything runs', () => {
  const env = { actions: false, workspace: process.cwd(), tempDir: tmpdir(), runId: 'local-0000' }

  test('a file that is not there, compose-smoke without compose, a bad timeout: each named', async () => {
    const outcome = await parseInputs(
      { build: 'false', compose: 'missing.yaml', 'compose-timeout': 'soon' },
      env,
      {
        processEnv: process.env
      }
    )
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.problems.items.map(formatProblem)).toEqual([
      `Input "compose": "missing.yaml" is not a file (resolved to ${join(process.cwd(), 'missing.yaml')})`,
      'Input "compose-timeout": "soon" is not a duration (expected e.g. 30s, 2m, 1m30s)'
    ])
    const alone = await parseInputs({ build: 'false', 'compose-smoke': '- service: web' }, env, {
      processEnv: process.env
    })
    expect(alone.ok ? [] : alone.problems.items.map(formatProblem)).toEqual([
      'Input "compose-smoke": "- service: web" needs Compose files: set the compose input too'
    ])
  })

  test('files, comma or newline separated, resolved against the workspace; the timeout defaults to 2m', async () => {
    const outcome = await parseInputs(
      {
        build: 'false',
        compose: '__tests__/fixtures/compose/stack.yaml,\n__tests__/fixtures/compose/build.yaml'
      },
      env,
      { processEnv: process.env }
    )
    if (!outcome.ok) throw new Error(outcome.problems.items.map(formatProblem).join('\n'))
    expect(outcome.config.compose).toMatchObject({
      files: [
        join(process.cwd(), '__tests__/fixtures/compose/stack.yaml'),
        join(process.cwd(), '__tests__/fixtures/compose/build.yaml')
      ],
      timeoutMs: 120_000,
      smoke: { services: [], containers: [] }
    })
  })
})
