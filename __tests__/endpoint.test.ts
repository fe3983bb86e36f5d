import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contextId } from '../src/engine/docker-context.js'
import { EngineClient } from '../src/engine/client.js'
import { describeEndpoint, parseHost, resolveEndpoint } from '../src/engine/endpoint.js'
import { PreflightError } from '../src/errors.js'
import { makeCertificates, removeCertificates, type Certificates } from './helpers/tls-front.js'

// Endpoint resolution against real files: a private DOCKER_CONFIG whose contexts the real docker CLI
// makes (`docker context create` / `use`), certificates made by openssl. No engine is contacted here;
// endpoint-tls.test.ts and endpoint-override.test.ts take these endpoints through the whole pipeline.

let certs: Certificates
let scratch: string
beforeAll(() => {
  certs = makeCertificates()
  scratch = mkdtempSync(join(tmpdir(), 'preflight-endpoint-'))
})
afterAll(() => {
  removeCertificates(certs)
  rmSync(scratch, { recursive: true, force: true })
})

let serial = 0
/** A fresh, empty docker config folder. */
function configDir(): string {
  const dir = join(scratch, `config-${++serial}`)
  mkdirSync(dir)
  return dir
}

/** The docker CLI on PATH, with its own config folder and nothing else from this environment. */
function dockerCli(config: string, args: string[]): string {
  return execFileSync('docker', args, {
    env: { PATH: process.env.PATH, HOME: scratch, DOCKER_CONFIG: config },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

/** A folder with the given files copied in under the given names (ca.pem, cert.pem, key.pem). */
function certDir(files: Record<string, string>): string {
  const dir = join(scratch, `certs-${++serial}`)
  mkdirSync(dir)
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, name))
  return dir
}

function errorOf(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}

describe('which engine: the docker CLI order', () => {
  test('docker-host wins over DOCKER_HOST, DOCKER_HOST over DOCKER_CONTEXT, and each says so', () => {
    const config = configDir()
    dockerCli(config, ['context', 'create', 'ctx-a', '--docker', 'host=tcp://10.0.0.1:2375'])
    const env = { DOCKER_CONFIG: config, DOCKER_HOST: 'tcp://10.0.0.2:2375', DOCKER_CONTEXT: 'ctx-a' }

    const input = resolveEndpoint('unix:///run/a.sock', env)
    expect(input.options).toEqual({ socketPath: '/run/a.sock' })
    expect(input.source).toEqual({ kind: 'input', description: 'docker-host' })
    expect(input.notes).toEqual(['docker-host overrides the docker context `ctx-a` (DOCKER_CONTEXT).'])

    const variable = resolveEndpoint(undefined, env)
    expect(variable.display).toBe('tcp://10.0.0.2:2375')
    expect(variable.options).toMatchObject({ protocol: 'http', host: '10.0.0.2', port: 2375 })
    expect(variable.source.kind).toBe('DOCKER_HOST')
    expect(describeEndpoint(variable.display, variable.source)).toBe('tcp://10.0.0.2:2375, from DOCKER_HOST')
    expect(variable.notes).toEqual(['DOCKER_HOST overrides the docker context `ctx-a` (DOCKER_CONTEXT).'])

    const context = resolveEndpoint(undefined, { DOCKER_CONFIG: config, DOCKER_CONTEXT: 'ctx-a' })
    expect(context.display).toBe('tcp://10.0.0.1:2375')
    expect(context.source).toEqual({
      kind: 'context',
      context: 'ctx-a',
      contextFrom: 'DOCKER_CONTEXT',
      description: 'context `ctx-a` (DOCKER_CONTEXT)'
    })
    expect(context.notes).toEqual([])
  })

  test('`docker context use` is followed with no other setting; DOCKER_CONTEXT beats it', () => {
    const config = configDir()
    dockerCli(config, ['context', 'create', 'used', '--docker', 'host=unix:///run/used.sock'])
    dockerCli(config, ['context', 'create', 'other', '--docker', 'host=unix:///run/other.sock'])
    dockerCli(config, ['context', 'use', 'used'])
    // The folder the CLI made for the context is the one read here.
    expect(readdirSync(join(config, 'contexts', 'meta'))).toContain(contextId('used'))

    const used = resolveEndpoint(undefined, { DOCKER_CONFIG: config })
    expect(used.options).toEqual({ socketPath: '/run/used.sock' })
    expect(used.source).toMatchObject({ kind: 'context', context: 'used', contextFrom: 'config.json' })
    expect(describeEndpoint(used.display, used.source)).toBe(
      `unix:///run/used.sock, from context \`used\` (currentContext in ${join(config, 'config.json')})`
    )
    const other = resolveEndpoint(undefined, { DOCKER_CONFIG: config, DOCKER_CONTEXT: 'other' })
    expect(other.options).toEqual({ socketPath: '/run/other.sock' })

    // ~/.docker when DOCKER_CONFIG is not set.
    const home = join(scratch, `home-${++serial}`)
    mkdirSync(home)
    dockerCli(join(home, '.docker'), [
      'context',
      'create',
      'in-home',
      '--docker',
      'host=unix:///run/home.sock'
    ])
    dockerCli(join(home, '.docker'), ['context', 'use', 'in-home'])
    expect(resolveEndpoint(undefined, { HOME: home }).options).toEqual({ socketPath: '/run/home.sock' })
  })

  test('the `default` context means DOCKER_HOST-less defaults, whoever names it', () => {
    const config = configDir()
    dockerCli(config, ['context', 'create', 'elsewhere', '--docker', 'host=unix:///run/elsewhere.sock'])
    dockerCli(config, ['context', 'use', 'elsewhere'])
    dockerCli(config, ['context', 'use', 'default'])
    const env = { DOCKER_CONFIG: config, XDG_RUNTIME_DIR: join(scratch, 'no-runtime-dir') }
    const viaConfig = resolveEndpoint(undefined, env)
    expect(viaConfig.options).toEqual({ socketPath: '/var/run/docker.sock' })
    expect(viaConfig.source).toEqual({ kind: 'default', description: 'the default socket' })
    expect(resolveEndpoint(undefined, { ...env, DOCKER_CONTEXT: 'default' }).source.kind).toBe('default')
  })

  test('a rootless daemon socket in XDG_RUNTIME_DIR comes before /var/run/docker.sock', async () => {
    const runtimeDir = join(scratch, `runtime-${++serial}`)
    mkdirSync(runtimeDir)
    const env = { DOCKER_CONFIG: configDir(), XDG_RUNTIME_DIR: runtimeDir }
    // A regular file of that name is not a daemon's socket.
    writeFileSync(join(runtimeDir, 'docker.sock'), '')
    expect(resolveEndpoint(undefined, env).source.kind).toBe('default')
    rmSync(join(runtimeDir, 'docker.sock'))

    const server = net.createServer()
    await new Promise<void>(resolve => server.listen(join(runtimeDir, 'docker.sock'), resolve))
    try {
      const rootless = resolveEndpoint(undefined, env)
      expect(rootless.options).toEqual({ socketPath: join(runtimeDir, 'docker.sock') })
      expect(describeEndpoint(rootless.display, rootless.source)).toBe(
        `unix://${runtimeDir}/docker.sock, the rootless socket in XDG_RUNTIME_DIR`
      )
    } finally {
      await new Promise(resolve => server.close(resolve))
    }
  })

  test('a context that does not exist is one error naming it, what named it, and the file', () => {
    const config = configDir()
    writeFileSync(join(config, 'config.json'), JSON.stringify({ currentContext: 'gone' }))
    const error = errorOf(() => resolveEndpoint(undefined, { DOCKER_CONFIG: config }))
    expect(error).toBeInstanceOf(PreflightError)
    expect(error.message).toBe(
      `The docker context \`gone\` (currentContext in ${join(config, 'config.json')}) does not exist: ` +
        `there is no ${join(config, 'contexts', 'meta', contextId('gone'), 'meta.json')}. ` +
        '`docker context ls` lists the contexts; set docker-host or DOCKER_HOST to use an address instead.'
    )
  })

  test('a config.json that is not JSON is skipped with a note, as the CLI skips it with a warning', () => {
    const config = configDir()
    writeFileSync(join(config, 'config.json'), '{ "currentContext": ')
    const endpoint = resolveEndpoint(undefined, { DOCKER_CONFIG: config, XDG_RUNTIME_DIR: '' })
    expect(endpoint.source.kind).toBe('default')
    expect(endpoint.notes).toEqual([
      expect.stringMatching(/^\/.*config\.json is not valid JSON \(.*\); using no docker context\.$/)
    ])
  })
})

describe('TLS as the docker CLI sets it up', () => {
  test('a context made with ca, cert and key carries them, from the context', () => {
    const config = configDir()
    dockerCli(config, [
      'context',
      'create',
      'ci-tls',
      '--docker',
      `host=tcp://127.0.0.1:23760,ca=${certs.ca},cert=${certs.client.cert},key=${certs.client.key}`
    ])
    dockerCli(config, ['context', 'use', 'ci-tls'])
    const endpoint = resolveEndpoint(undefined, { DOCKER_CONFIG: config })
    expect(describeEndpoint(endpoint.display, endpoint.source)).toBe(
      `tcp://127.0.0.1:23760 (TLS), from context \`ci-tls\` (currentContext in ${join(config, 'config.json')})`
    )
    const tlsDir = join(config, 'contexts', 'tls', contextId('ci-tls'), 'docker')
    expect(endpoint.tls).toEqual({
      verify: true,
      from: endpoint.source.description,
      caFile: join(tlsDir, 'ca.pem'),
      certFile: join(tlsDir, 'cert.pem'),
      keyFile: join(tlsDir, 'key.pem')
    })
    expect(endpoint.options.protocol).toBe('https')
    expect(endpoint.options.ca?.toString()).toContain('BEGIN CERTIFICATE')
    expect(endpoint.options.key?.toString()).toContain('PRIVATE KEY')
  })

  test('a context with skip-tls-verify is TLS without verification; one with no TLS files is plain HTTP', () => {
    const config = configDir()
    dockerCli(config, [
      'context',
      'create',
      'skip',
      '--docker',
      'host=tcp://127.0.0.1:23761,skip-tls-verify=true'
    ])
    dockerCli(config, ['context', 'create', 'plain', '--docker', 'host=tcp://127.0.0.1:23762'])
    const skip = resolveEndpoint(undefined, { DOCKER_CONFIG: config, DOCKER_CONTEXT: 'skip' })
    expect(skip.display).toBe('tcp://127.0.0.1:23761 (TLS, server not verified)')
    expect(skip.tls?.verify).toBe(false)
    const plain = resolveEndpoint(undefined, { DOCKER_CONFIG: config, DOCKER_CONTEXT: 'plain' })
    expect(plain.options.protocol).toBe('http')
    expect(plain.tls).toBeUndefined()
  })

  test('DOCKER_TLS_VERIFY with only ca.pem: the server is verified, no client certificate is sent', () => {
    const dir = certDir({ 'ca.pem': certs.ca })
    const endpoint = resolveEndpoint(undefined, {
      DOCKER_HOST: 'tcp://127.0.0.1:23763',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: dir
    })
    expect(endpoint.display).toBe('tcp://127.0.0.1:23763 (TLS)')
    expect(endpoint.options.ca?.toString()).toContain('BEGIN CERTIFICATE')
    expect(endpoint.options.cert).toBeUndefined()
    expect(endpoint.options.key).toBeUndefined()
    expect(endpoint.tls).toEqual({
      verify: true,
      from: `DOCKER_CERT_PATH (${dir})`,
      caFile: join(dir, 'ca.pem')
    })
  })

  test('missing or mismatched TLS files are one clear error naming the file', () => {
    const host = { DOCKER_HOST: 'tcp://127.0.0.1:23764', DOCKER_TLS_VERIFY: '1' }
    const empty = certDir({})
    expect(errorOf(() => resolveEndpoint(undefined, { ...host, DOCKER_CERT_PATH: empty })).message).toBe(
      `DOCKER_TLS_VERIFY is set, but ${empty}/ca.pem does not exist: put the engine's CA certificate there, ` +
        'or set DOCKER_CERT_PATH to the folder that holds ca.pem (and cert.pem and key.pem for a client certificate).'
    )
    const noKey = certDir({ 'ca.pem': certs.ca, 'cert.pem': certs.client.cert })
    expect(errorOf(() => resolveEndpoint(undefined, { ...host, DOCKER_CERT_PATH: noKey })).message).toBe(
      `${noKey}/cert.pem has no key.pem beside it (DOCKER_CERT_PATH (${noKey})): a client certificate needs both files.`
    )
    const mismatched = certDir({
      'ca.pem': certs.ca,
      'cert.pem': certs.client.cert,
      'key.pem': certs.server.key
    })
    expect(errorOf(() => resolveEndpoint(undefined, { ...host, DOCKER_CERT_PATH: mismatched })).message).toBe(
      `${mismatched}/key.pem is not the private key of ${mismatched}/cert.pem (DOCKER_CERT_PATH (${mismatched})): ` +
        'the client certificate and key must belong together.'
    )
    const notPem = certDir({ 'ca.pem': certs.server.key })
    expect(errorOf(() => resolveEndpoint(undefined, { ...host, DOCKER_CERT_PATH: notPem })).message).toBe(
      `${notPem}/ca.pem (DOCKER_CERT_PATH (${notPem})) is not a PEM CA certificate.`
    )
  })

  test('DOCKER_TLS_VERIFY=0 still means TLS, verified, as the docker CLI reads it (any non-empty value)', () => {
    const dir = certDir({ 'ca.pem': certs.ca })
    const endpoint = resolveEndpoint('tcp://127.0.0.1:23766', {
      DOCKER_TLS_VERIFY: '0',
      DOCKER_CERT_PATH: dir
    })
    expect(endpoint.tls?.verify).toBe(true)
    expect(resolveEndpoint('tcp://127.0.0.1:23766', { DOCKER_TLS_VERIFY: '' }).tls).toBeUndefined()
  })

  test('without DOCKER_CERT_PATH the files are in the docker config folder; DOCKER_TLS alone does not verify', () => {
    const config = certDir({ 'ca.pem': certs.ca })
    const endpoint = resolveEndpoint('tcp://127.0.0.1:23765', { DOCKER_TLS: '1', DOCKER_CONFIG: config })
    expect(endpoint.display).toBe('tcp://127.0.0.1:23765 (TLS, server not verified)')
    expect(endpoint.tls).toMatchObject({ verify: false, caFile: join(config, 'ca.pem') })
  })

  test('TLS settings do not apply to a socket; with no host at all they mean tcp://localhost:2376', () => {
    const tls = { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent' }
    expect(resolveEndpoint('unix:///run/x.sock', tls).options).toEqual({ socketPath: '/run/x.sock' })
    const dir = certDir({ 'ca.pem': certs.ca })
    const endpoint = resolveEndpoint(undefined, {
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: dir,
      DOCKER_CONFIG: configDir()
    })
    expect(endpoint.display).toBe('tcp://localhost:2376 (TLS)')
    expect(endpoint.source).toEqual({
      kind: 'default',
      description: "the CLI's default TLS address (DOCKER_TLS_VERIFY is set, DOCKER_HOST is not)"
    })
  })
})

describe('addresses, parsed as the CLI parses them', () => {
  test.each([
    ['unix:///var/run/docker.sock', { kind: 'unix', path: '/var/run/docker.sock' }],
    ['unix://', { kind: 'unix', path: '/var/run/docker.sock' }],
    ['tcp://10.1.2.3', { kind: 'tcp', host: '10.1.2.3', port: 2375, address: 'tcp://10.1.2.3:2375' }],
    ['10.1.2.3:2376', { kind: 'tcp', host: '10.1.2.3', port: 2376, address: 'tcp://10.1.2.3:2376' }],
    ['tcp://[::1]:2376', { kind: 'tcp', host: '::1', port: 2376, address: 'tcp://[::1]:2376' }],
    ['tcp://', { kind: 'tcp', host: 'localhost', port: 2375 }],
    ['ssh://me@builder:2222', { kind: 'ssh', host: 'builder', port: 2222, username: 'me' }]
  ])('%s', (raw, expected) => {
    expect(parseHost(raw, 'DOCKER_HOST')).toMatchObject(expected)
  })

  test('an ssh:// endpoint uses the ssh agent of the environment it was resolved in, and nothing else', async () => {
    const endpoint = resolveEndpoint('ssh://me@builder', { SSH_AUTH_SOCK: '/run/agent.sock' })
    expect(endpoint.options).toEqual({
      protocol: 'ssh',
      host: 'builder',
      port: 22,
      username: 'me',
      sshAgent: '/run/agent.sock'
    })
    const saved = process.env.SSH_AUTH_SOCK
    process.env.SSH_AUTH_SOCK = '/run/other-agent.sock'
    try {
      const modem = (await new EngineClient(endpoint).modemOptions()) as {
        sshOptions: { agent?: string }
        host: string
      }
      expect(modem.sshOptions.agent).toBe('/run/agent.sock')
      expect(modem.host).toBe('builder')
    } finally {
      if (saved === undefined) delete process.env.SSH_AUTH_SOCK
      else process.env.SSH_AUTH_SOCK = saved
    }
  })

  test('malformed values throw, naming the setting, the value and what is expected', () => {
    expect(() => parseHost('ftp://x', 'docker-host')).toThrow(
      /^docker-host "ftp:\/\/x" is not a valid Docker endpoint: unknown scheme "ftp" \(expected unix:/
    )
    expect(() => resolveEndpoint(undefined, { DOCKER_HOST: 'unix://relative.sock' })).toThrow(
      /^DOCKER_HOST "unix:\/\/relative.sock" is not a valid Docker endpoint: the socket path must be absolute/
    )
    expect(() => parseHost('fd://', 'DOCKER_HOST')).toThrow(/fd:\/\/ is only for dockerd itself/)
  })
})
