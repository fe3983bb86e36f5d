// Resolving an engine address needs no dockerode at run time, so the entry can ping the engine
// (src/engine/early-ping.ts) before the heavy modules have loaded. The order and the rules are the docker
// CLI's (docker/cli: cli/command/cli.go, cli/flags/options.go, opts/hosts.go, cli/context/docker/load.go),
// with one addition the brief asked for: a rootless daemon's socket before the default one.
import type { KeyObject, X509Certificate } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PreflightError } from '../errors.js'
import { nodeCrypto } from '../ids.js'
import {
  DEFAULT_CONTEXT,
  describeContext,
  dockerConfigDir,
  readStoredContext,
  selectedContext,
  type SelectedContext
} from './docker-context.js'

export const DEFAULT_SOCKET = '/var/run/docker.sock'
/** The CLI's address when TLS is on and nothing names a host (opts/hosts.go defaultTLSHost). */
const DEFAULT_TLS_HOST = 'tcp://localhost:2376'

/** What chose the endpoint. */
export interface EndpointSource {
  kind: 'input' | 'DOCKER_HOST' | 'context' | 'rootless' | 'default'
  /** The docker context's name, when one chose it. */
  context?: string
  /** What named the context: DOCKER_CONTEXT, or currentContext in the CLI's config.json. */
  contextFrom?: SelectedContext['from']
  /** For people: "DOCKER_HOST", "context `ci-tls` (DOCKER_CONTEXT)", "the default socket". */
  description: string
}

/** Where the TLS material came from, for messages; the material itself is in `options`. */
export interface EndpointTls {
  /** False with DOCKER_TLS alone or a context's SkipTLSVerify: encrypted, the server not verified. */
  verify: boolean
  /** "DOCKER_CERT_PATH (/certs)", "context `ci-tls` (DOCKER_CONTEXT)". */
  from: string
  caFile?: string
  certFile?: string
  keyFile?: string
}

/** How to connect; connect.ts hands exactly these to the client, early-ping.ts to node:http(s). */
export interface ConnectionOptions {
  socketPath?: string
  protocol?: 'http' | 'https' | 'ssh'
  host?: string
  port?: number
  pathPrefix?: string
  username?: string
  /** PEM; absent means the system's CAs. */
  ca?: Buffer
  cert?: Buffer
  key?: Buffer
  /** SSH_AUTH_SOCK for an ssh:// endpoint. */
  sshAgent?: string
}

/** An engine address as the docker CLI would pick it, resolved to what a client needs. */
export interface Endpoint {
  /** As a person would write it: unix:///var/run/docker.sock, tcp://127.0.0.1:2376 (TLS) */
  display: string
  source: EndpointSource
  tls?: EndpointTls
  options: ConnectionOptions
  /** Worth a line in the log: a variable that overrides a context, a config.json that was skipped. */
  notes: string[]
}

/** One line for the log and the report: "tcp://127.0.0.1:23760 (TLS), from context `ci-tls` (DOCKER_CONTEXT)". */
export function describeEndpoint(display: string, source: EndpointSource): string {
  return source.kind === 'default' || source.kind === 'rootless'
    ? `${display}, ${source.description}`
    : `${display}, from ${source.description}`
}

/** An address as parsed from docker-host, DOCKER_HOST or a context's Host. */
export type ParsedHost =
  | { kind: 'unix'; path: string }
  | { kind: 'npipe'; path: string }
  | { kind: 'tcp'; host: string; port: number; address: string; pathPrefix: string; https: boolean }
  | { kind: 'ssh'; host: string; port: number; username?: string; address: string }

const EXPECTED =
  '(expected unix:///path/to/docker.sock, tcp://host:port, ssh://user@host or npipe:////./pipe/name)'

/**
 * Parses an address as the CLI does (opts/hosts.go): no scheme means tcp, a tcp address without a port
 * means 2375, an empty host localhost. Also takes http:// and https:// (the CLI does not). Throws a
 * PreflightError naming `name` and the value; reads no file and no variable.
 */
export function parseHost(raw: string, name: string): ParsedHost {
  const value = raw.trim()
  const fail = (why: string): never => {
    throw new PreflightError(`${name} "${raw}" is not a valid Docker endpoint: ${why} ${EXPECTED}`)
  }
  if (value.startsWith('unix://')) {
    const path = value.slice('unix://'.length) || DEFAULT_SOCKET
    if (!path.startsWith('/')) fail('the socket path must be absolute')
    return { kind: 'unix', path }
  }
  if (value.startsWith('npipe://'))
    return { kind: 'npipe', path: value.slice('npipe://'.length) || '//./pipe/docker_engine' }
  if (value.startsWith('/')) return { kind: 'unix', path: value }
  if (value.startsWith('fd://')) fail('fd:// is only for dockerd itself')

  let url: URL
  try {
    url = new URL(value.includes('://') ? value : `tcp://${value}`)
  } catch {
    return fail('it does not parse as a URL')
  }
  const scheme = url.protocol.replace(/:$/, '')
  if (scheme === 'ssh') {
    if (!url.hostname) fail('it names no host')
    const port = url.port ? Number(url.port) : 22
    return {
      kind: 'ssh',
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      username: url.username ? decodeURIComponent(url.username) : undefined,
      address: value
    }
  }
  if (scheme !== 'tcp' && scheme !== 'http' && scheme !== 'https') fail(`unknown scheme "${scheme}"`)
  const host = url.hostname || 'localhost'
  const port = url.port ? Number(url.port) : scheme === 'https' ? 2376 : 2375
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return {
    kind: 'tcp',
    host: host.replace(/^\[(.*)\]$/, '$1'),
    port,
    address: `tcp://${bracketed}:${port}`,
    pathPrefix: url.pathname && url.pathname !== '/' ? url.pathname : '/',
    https: scheme === 'https'
  }
}

/**
 * Resolves the endpoint the way the docker CLI does: the `docker-host` input (the CLI's -H), else
 * DOCKER_HOST, else the context DOCKER_CONTEXT or `docker context use` named, else a rootless daemon's
 * socket ($XDG_RUNTIME_DIR/docker.sock) when there is one, else /var/run/docker.sock. TLS for the first
 * two and the default comes from DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH, for a context from the
 * context. Throws a PreflightError (naming the value, file or context) before any request is made.
 */
export function resolveEndpoint(explicit: string | undefined, env: NodeJS.ProcessEnv): Endpoint {
  const notes: string[] = []
  const dockerHost = env.DOCKER_HOST?.trim()
  if (explicit || dockerHost) {
    const source: EndpointSource = explicit
      ? { kind: 'input', description: 'docker-host' }
      : { kind: 'DOCKER_HOST', description: 'DOCKER_HOST' }
    const overridden = selectedContext(env, [])
    if (overridden && overridden.name !== DEFAULT_CONTEXT) {
      notes.push(`${source.description} overrides the docker ${describeContext(overridden)}.`)
    }
    const name = explicit ? 'docker-host' : 'DOCKER_HOST'
    return fromHost(parseHost((explicit || dockerHost)!, name), source, envTls(env), notes, env)
  }

  const selected = selectedContext(env, notes)
  if (selected && selected.name !== DEFAULT_CONTEXT) {
    const stored = readStoredContext(env, selected)
    const which = describeContext(selected)
    const source: EndpointSource = {
      kind: 'context',
      context: selected.name,
      contextFrom: selected.from,
      description: which
    }
    const parsed = parseHost(stored.host || `unix://${DEFAULT_SOCKET}`, `The host of the docker ${which}`)
    // cli/context/docker/load.go: TLS when the context has TLS files or skips verification.
    const tls: RequestedTls | undefined =
      stored.tlsDir || stored.skipTlsVerify
        ? {
            verify: !stored.skipTlsVerify,
            from: which,
            caFile: has(stored.tlsFiles, 'ca.pem', stored.tlsDir),
            certFile: has(stored.tlsFiles, 'cert.pem', stored.tlsDir),
            keyFile: has(stored.tlsFiles, 'key.pem', stored.tlsDir)
          }
        : undefined
    return fromHost(parsed, source, tls, notes, env)
  }

  const tls = envTls(env)
  if (tls) {
    const source: EndpointSource = {
      kind: 'default',
      description: `the CLI's default TLS address (${tls.trigger} is set, DOCKER_HOST is not)`
    }
    return fromHost(parseHost(DEFAULT_TLS_HOST, 'default'), source, tls, notes)
  }
  const rootless = env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'docker.sock') : undefined
  if (rootless && isSocket(rootless)) {
    const source: EndpointSource = { kind: 'rootless', description: 'the rootless socket in XDG_RUNTIME_DIR' }
    return fromHost({ kind: 'unix', path: rootless }, source, undefined, notes)
  }
  return fromHost(
    { kind: 'unix', path: DEFAULT_SOCKET },
    { kind: 'default', description: 'the default socket' },
    undefined,
    notes
  )
}

/**
 * The docker context resolveEndpoint would take the endpoint from, or undefined (an address is set, or
 * no context is named). Reads only the CLI's config.json; never throws.
 */
export function contextInUse(explicit: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (explicit || env.DOCKER_HOST?.trim()) return undefined
  const selected = selectedContext(env, [])
  return selected && selected.name !== DEFAULT_CONTEXT ? selected.name : undefined
}

/** TLS as asked for: which files, and (from the environment) what asked and whether ca.pem is missing. */
interface RequestedTls extends EndpointTls {
  trigger?: string
  missingCa?: boolean
}

/**
 * cli/flags/options.go: DOCKER_TLS_VERIFY (any non-empty value, "0" too) means TLS, verified; DOCKER_TLS
 * TLS unverified. The files are in DOCKER_CERT_PATH, else the CLI's config folder; ca.pem must be there,
 * cert.pem and key.pem are dropped when absent.
 */
function envTls(env: NodeJS.ProcessEnv): RequestedTls | undefined {
  const verify = Boolean(env.DOCKER_TLS_VERIFY)
  if (!verify && !env.DOCKER_TLS) return undefined
  const dir = env.DOCKER_CERT_PATH || dockerConfigDir(env)
  const from = env.DOCKER_CERT_PATH
    ? `DOCKER_CERT_PATH (${dir})`
    : `the docker config folder (${dir}; DOCKER_CERT_PATH is not set)`
  const exists = (name: string): string | undefined =>
    fileExists(join(dir, name)) ? join(dir, name) : undefined
  const trigger = verify ? 'DOCKER_TLS_VERIFY' : 'DOCKER_TLS'
  const caFile = join(dir, 'ca.pem')
  // Checked only when the address is TCP: TLS settings do not apply to a socket.
  if (!fileExists(caFile)) return { verify, from, trigger, caFile, missingCa: true }
  return { verify, from, trigger, caFile, certFile: exists('cert.pem'), keyFile: exists('key.pem') }
}

function fromHost(
  parsed: ParsedHost,
  source: EndpointSource,
  requested: RequestedTls | undefined,
  notes: string[],
  env: NodeJS.ProcessEnv = {}
): Endpoint {
  switch (parsed.kind) {
    case 'unix':
    case 'npipe':
      // A socket needs no TLS (cli/context/docker/load.go isSocket): TLS settings are ignored for it.
      return {
        display: `${parsed.kind}://${parsed.path}`,
        source,
        options: { socketPath: parsed.path },
        notes
      }
    case 'ssh':
      return {
        display: parsed.address,
        source,
        options: {
          protocol: 'ssh',
          host: parsed.host,
          port: parsed.port,
          username: parsed.username,
          // The user's ssh agent, as the CLI's ssh helper would use it.
          sshAgent: env.SSH_AUTH_SOCK || undefined
        },
        notes
      }
    case 'tcp': {
      const base = { host: parsed.host, port: parsed.port, pathPrefix: parsed.pathPrefix }
      const tls = requested ?? (parsed.https ? { verify: true, from: `the https:// address` } : undefined)
      if (!tls) return { display: parsed.address, source, options: { protocol: 'http', ...base }, notes }
      const material = loadTls(tls)
      return {
        display: `${parsed.address} (TLS${tls.verify ? '' : ', server not verified'})`,
        source,
        tls: {
          verify: tls.verify,
          from: tls.from,
          caFile: tls.caFile,
          certFile: tls.certFile,
          keyFile: tls.keyFile
        },
        options: { protocol: 'https', ...base, ...material },
        notes
      }
    }
  }
}

/** Reads and checks the TLS files, so a bad one is one clear error before any request. */
function loadTls(tls: RequestedTls): Pick<ConnectionOptions, 'ca' | 'cert' | 'key'> {
  if (tls.missingCa) {
    throw new PreflightError(
      `${tls.trigger} is set, but ${tls.caFile} does not exist: put the engine's CA certificate there, or set ` +
        'DOCKER_CERT_PATH to the folder that holds ca.pem (and cert.pem and key.pem for a client certificate).'
    )
  }
  if (Boolean(tls.certFile) !== Boolean(tls.keyFile)) {
    const [present, absent] = tls.certFile ? [tls.certFile, 'key.pem'] : [tls.keyFile!, 'cert.pem']
    throw new PreflightError(
      `${present} has no ${absent} beside it (${tls.from}): a client certificate needs both files.`
    )
  }
  const read = (file: string): Buffer => {
    try {
      return readFileSync(file)
    } catch (error) {
      throw new PreflightError(`Cannot read ${file} (${tls.from}): ${(error as Error).message}`)
    }
  }
  const ca = tls.caFile ? read(tls.caFile) : undefined
  if (ca && tls.caFile) certificateOf(ca, tls.caFile, tls.from, 'CA certificate')
  if (!tls.certFile || !tls.keyFile) return { ca }
  const cert = read(tls.certFile)
  const key = read(tls.keyFile)
  const x509 = certificateOf(cert, tls.certFile, tls.from, 'client certificate')
  let keyObject: KeyObject
  try {
    keyObject = nodeCrypto().createPrivateKey(key)
  } catch (error) {
    const encrypted = /ENCRYPTED/.test(key.toString('latin1')) || /passphrase/i.test((error as Error).message)
    throw new PreflightError(
      `${tls.keyFile} (${tls.from}) is not a usable private key: ` +
        (encrypted
          ? 'it is encrypted, and docker no longer supports encrypted keys.'
          : `${(error as Error).message}.`)
    )
  }
  if (!x509.checkPrivateKey(keyObject)) {
    throw new PreflightError(
      `${tls.keyFile} is not the private key of ${tls.certFile} (${tls.from}): the client certificate and key must belong together.`
    )
  }
  return { ca, cert, key }
}

function certificateOf(pem: Buffer, file: string, from: string, what: string): X509Certificate {
  try {
    return new (nodeCrypto().X509Certificate)(pem)
  } catch {
    throw new PreflightError(`${file} (${from}) is not a PEM ${what}.`)
  }
}

function has(files: Set<string>, name: string, dir: string | undefined): string | undefined {
  return dir && files.has(name) ? join(dir, name) : undefined
}

function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function isSocket(path: string): boolean {
  try {
    return statSync(path).isSocket()
  } catch {
    return false
  }
}
