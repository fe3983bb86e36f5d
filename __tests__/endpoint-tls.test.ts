import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import { checkEngine } from '../src/engine/check.js'
import { EngineClient } from '../src/engine/client.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import { contextId } from '../src/engine/docker-context.js'
import { PreflightError } from '../src/errors.js'
import { runAction } from './helpers/action-runner.js'
import { testClient } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'
import {
  makeCertificates,
  removeCertificates,
  startTlsFront,
  type Certificates,
  type TlsFront
} from './helpers/tls-front.js'

// The real engine behind real TLS: a node:tls front (in this test, for its duration) with certificates
// openssl made here. The engine itself listens on no TCP port.

let certs: Certificates
let scratch: string
const fronts: TlsFront[] = []
beforeAll(() => {
  certs = makeCertificates()
  scratch = mkdtempSync(join(tmpdir(), 'preflight-endpoint-tls-'))
})
afterAll(async () => {
  for (const front of fronts) await front.close()
  removeCertificates(certs)
  rmSync(scratch, { recursive: true, force: true })
})

async function front(options: Parameters<typeof startTlsFront>[0]): Promise<TlsFront> {
  const started = await startTlsFront(options)
  fronts.push(started)
  return started
}

let serial = 0
function certDir(files: Record<string, string>): string {
  const dir = join(scratch, `certs-${++serial}`)
  mkdirSync(dir)
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, name))
  return dir
}

/** The engine check over DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, as a user would set them. */
async function checkOver(host: string, dir: string) {
  const endpoint = resolveEndpoint(undefined, {
    DOCKER_HOST: host,
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CERT_PATH: dir
  })
  return checkEngine({
    client: new EngineClient(endpoint),
    options: { requireInfo: [] },
    log: new RecordingLog()
  })
}

async function failureOver(host: string, dir: string): Promise<string> {
  const error = await checkOver(host, dir).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(PreflightError)
  return (error as Error).message
}

const serverCert = (
  name: string,
  issuer = 'preflight-test-ca',
  names = 'IP 127.0.0.1, DNS localhost'
): string => `CN=${name}, for ${names}, issued by CN=${issuer}`

describe('the engine check over TLS (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH)', () => {
  test('ca.pem alone: the server is verified, the engine answers, no client certificate needed', async () => {
    const tls = await front({ server: certs.server })
    const result = await checkOver(tls.host, certDir({ 'ca.pem': certs.ca }))
    expect(result.facts.endpoint).toBe(`${tls.host} (TLS)`)
    expect(result.facts.serverVersion).toMatch(/^\d+\.\d+/)
    expect(tls.handshakes).toBeGreaterThan(0)
  })

  test('mutual TLS: the engine asks for a client certificate and gets one', async () => {
    const tls = await front({ server: certs.server, clientCa: certs.ca })
    const dir = certDir({ 'ca.pem': certs.ca, 'cert.pem': certs.client.cert, 'key.pem': certs.client.key })
    const result = await checkOver(tls.host, dir)
    expect(result.facts.apiVersion).toMatch(/^1\.\d+$/)
  })

  test('a CA that did not sign the engine certificate: which certificate, which CA file', async () => {
    const tls = await front({ server: certs.server })
    const dir = certDir({ 'ca.pem': certs.otherCa })
    expect(await failureOver(tls.host, dir)).toBe(
      `Cannot use the Docker engine at ${tls.host} (TLS): TLS failed: its certificate (${serverCert('server')}) ` +
        `is not signed by the CA in ${dir}/ca.pem (CN=preflight-other-ca). The TLS files come from DOCKER_CERT_PATH (${dir}).`
    )
  })

  test('a server certificate for another name', async () => {
    const tls = await front({ server: certs.serverOtherName })
    const dir = certDir({ 'ca.pem': certs.ca })
    expect(await failureOver(tls.host, dir)).toBe(
      `Cannot use the Docker engine at ${tls.host} (TLS): TLS failed: its certificate ` +
        `(${serverCert('server-other-name', undefined, 'DNS other.example')}) is not for 127.0.0.1: connect by a ` +
        `name it lists, or have the engine's certificate list 127.0.0.1. The TLS files come from DOCKER_CERT_PATH (${dir}).`
    )
  })

  test('an expired server certificate', async () => {
    const tls = await front({ server: certs.serverExpired })
    const dir = certDir({ 'ca.pem': certs.ca })
    expect(await failureOver(tls.host, dir)).toMatch(
      new RegExp(
        `^Cannot use the Docker engine at ${tls.host} \\(TLS\\): TLS failed: its certificate \\(${serverCert('server-expired')}\\) ` +
          `expired on \\w{3} \\d+ [\\d:]+ \\d{4} GMT\\. The TLS files come from DOCKER_CERT_PATH`
      )
    )
  })

  test('an engine that wants a client certificate, and ca.pem alone', async () => {
    const tls = await front({ server: certs.server, clientCa: certs.ca })
    const dir = certDir({ 'ca.pem': certs.ca })
    expect(await failureOver(tls.host, dir)).toBe(
      `Cannot use the Docker engine at ${tls.host} (TLS): TLS failed: the engine asks for a client certificate, ` +
        `and none was given (no cert.pem and key.pem beside ${dir}/ca.pem). The TLS files come from DOCKER_CERT_PATH (${dir}).`
    )
  })

  test('a client certificate the engine does not trust', async () => {
    const tls = await front({ server: certs.server, clientCa: certs.ca })
    const dir = certDir({
      'ca.pem': certs.ca,
      'cert.pem': certs.clientOtherCa.cert,
      'key.pem': certs.clientOtherCa.key
    })
    const message = await failureOver(tls.host, dir)
    expect(message).toMatch(
      new RegExp(
        `^Cannot use the Docker engine at ${tls.host} \\(TLS\\): TLS failed: the engine did not accept the client ` +
          `certificate ${dir}/cert.pem \\(CN=client-other-ca, issued by CN=preflight-other-ca, valid until .*\\): ` +
          `it (closed the connection after the handshake|answered \\w+)\\. The TLS files come from DOCKER_CERT_PATH`
      )
    )
    expect(message).not.toMatch(/Is dockerd running/)
  })

  test('plain HTTP to a TLS port says the port speaks TLS', async () => {
    const tls = await front({ server: certs.server })
    const endpoint = resolveEndpoint(tls.host, {})
    const error = await checkEngine({
      client: new EngineClient(endpoint),
      options: { requireInfo: [] },
      log: new RecordingLog()
    }).catch((e: Error) => e)
    expect((error as Error).message).toBe(
      `Cannot use the Docker engine at ${tls.host}: it speaks TLS there (its certificate is ${serverCert('server')}), ` +
        'and no TLS was asked for. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem ' +
        'and key.pem, or use a docker context with TLS files (the address comes from docker-host).'
    )
  })
})

describe('a docker context with TLS, made and chosen by the docker CLI, through the bundled action', () => {
  const client = testClient()
  const runIds: string[] = []
  afterAll(async () => {
    for (const runId of runIds)
      await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
  })

  /** A private docker config with one context, made current with `docker context use`. */
  function contextConfig(name: string, host: string, tls: { ca: string; cert: string; key: string }): string {
    const config = join(scratch, `config-${++serial}`)
    mkdirSync(config)
    const cli = (args: string[]): string =>
      execFileSync('docker', args, {
        env: { PATH: process.env.PATH, HOME: scratch, DOCKER_CONFIG: config },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      })
    cli(['context', 'create', name, '--docker', `host=${host},ca=${tls.ca},cert=${tls.cert},key=${tls.key}`])
    cli(['context', 'use', name])
    return config
  }

  /** The action's environment: the private docker config and nothing else that names an engine. */
  const contextEnv = (config: string): NodeJS.ProcessEnv => ({
    DOCKER_CONFIG: config,
    DOCKER_HOST: undefined
  })

  test('`docker context use` is followed with no other setting: build, smoke, report name the context', async () => {
    const tls = await front({ server: certs.server, clientCa: certs.ca })
    const config = contextConfig('ci-tls', tls.host, { ca: certs.ca, ...certs.client })
    const run = await runAction(
      { context: '__tests__/fixtures/hello-app', tags: `preflight-endpoint-test/app:${process.pid}` },
      { env: contextEnv(config) }
    )
    if (run.state['run-id']) runIds.push(run.state['run-id'])
    expect(run.stdout).not.toMatch(/::error::/)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['smoke-passed']).toBe('true')
    const origin = `context \`ci-tls\` (currentContext in ${join(config, 'config.json')})`
    expect(run.stdout).toContain(`Endpoint:        ${tls.host} (TLS), from ${origin}`)
    expect(run.summary).toContain(
      `<td>Endpoint</td><td><code>tcp&#58;//127.0.0.1&#58;${tls.port} &#40;TLS&#41;</code>, from context ` +
        `<code>ci&#45;tls</code> &#40;currentContext in `
    )
    const report = JSON.parse(readFileSync(run.outputs['report']!, 'utf8')) as Record<string, unknown>
    expect(report.endpoint).toBe(`${tls.host} (TLS)`)
    expect(report.endpointSource).toEqual({
      kind: 'context',
      context: 'ci-tls',
      contextFrom: 'config.json',
      description: origin
    })
    // Every request went through the front: the build, the smoke containers, the inventory.
    expect(tls.handshakes).toBeGreaterThan(3)
  })

  test('the post step cleans up through the context main used, even after a later `docker context use`', async () => {
    const tls = await front({ server: certs.server, clientCa: certs.ca })
    const config = contextConfig('ci-post', tls.host, { ca: certs.ca, ...certs.client })
    const run = await runAction({ build: 'false', cleanup: 'false' }, { env: contextEnv(config) })
    if (run.state['run-id']) runIds.push(run.state['run-id'])
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.state['config']!)).toMatchObject({ context: 'ci-post' })

    // A later step points the CLI elsewhere (at a port where nothing listens).
    const cli = (args: string[]): string =>
      execFileSync('docker', args, {
        env: { PATH: process.env.PATH, HOME: scratch, DOCKER_CONFIG: config },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      })
    cli(['context', 'create', 'ci-elsewhere', '--docker', 'host=tcp://127.0.0.1:1'])
    cli(['context', 'use', 'ci-elsewhere'])
    const handshakes = tls.handshakes
    const post = await runAction({}, { env: contextEnv(config), state: run.state })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/Removed container /)
    expect(post.stdout).not.toMatch(/::warning::/)
    expect(tls.handshakes).toBeGreaterThan(handshakes)
  })

  test('DOCKER_CONTEXT naming a context that does not exist: one error naming it, nothing started', async () => {
    const config = join(scratch, `config-${++serial}`)
    mkdirSync(config)
    const run = await runAction(
      { build: 'false' },
      { env: { ...contextEnv(config), DOCKER_CONTEXT: 'ci-gone' } }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout.split('\n').filter(line => line.startsWith('::error'))).toEqual([
      '::error::The docker context `ci-gone` (DOCKER_CONTEXT) does not exist: there is no ' +
        `${join(config, 'contexts', 'meta', contextId('ci-gone'), 'meta.json')}. \`docker context ls\` lists the ` +
        'contexts; set docker-host or DOCKER_HOST to use an address instead.'
    ])
    expect(run.stdout).not.toMatch(/::group::Engine/)
  })

  test('a context whose CA did not sign the engine certificate: one clear error naming the context', async () => {
    const tls = await front({ server: certs.server, clientCa: certs.ca })
    const config = contextConfig('ci-wrong-ca', tls.host, { ca: certs.otherCa, ...certs.client })
    const run = await runAction({ build: 'false' }, { env: contextEnv(config) })
    expect(run.exitCode).toBe(1)
    const tlsDir = join(config, 'contexts', 'tls', contextId('ci-wrong-ca'), 'docker')
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toEqual([
      `::error::Cannot use the Docker engine at ${tls.host} (TLS): TLS failed: its certificate (${serverCert('server')}) ` +
        `is not signed by the CA in ${tlsDir}/ca.pem (CN=preflight-other-ca). The TLS files come from context ` +
        `\`ci-wrong-ca\` (currentContext in ${join(config, 'config.json')}).`
    ])
    expect(run.stdout).not.toMatch(/Is dockerd running|\n\s+at /)
  })
})
