// Resolving an engine address needs no dockerode at run time, so the entry can ping the engine
// (src/engine/early-ping.ts) before the heavy modules have loaded.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type Docker from 'dockerode'
import { PreflightError } from '../errors.js'

export const DEFAULT_SOCKET = '/var/run/docker.sock'

/** An engine address as the docker CLI understands it, resolved to what dockerode needs. */
export interface Endpoint {
  /** As a person would write it, for messages: unix:///var/run/docker.sock, tcp://127.0.0.1:2375 */
  display: string
  options: Docker.DockerOptions
}

/**
 * Resolves the endpoint the way the docker CLI does: the explicit `docker-host` input, else DOCKER_HOST
 * (with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH), else the default socket. Throws a PreflightError naming
 * the value when it is malformed, so bad input is caught before any request.
 */
export function resolveEndpoint(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): Endpoint {
  const source = explicit ? 'docker-host' : env.DOCKER_HOST ? 'DOCKER_HOST' : undefined
  const raw = explicit || env.DOCKER_HOST || `unix://${DEFAULT_SOCKET}`
  const fail = (why: string): never => {
    throw new PreflightError(
      `${source ?? 'engine address'} "${raw}" is not a valid Docker endpoint: ${why} ` +
        '(expected unix:///path/to/docker.sock, tcp://host:port, ssh://user@host or npipe:////./pipe/name)'
    )
  }

  if (raw.startsWith('unix://')) {
    const socketPath = raw.slice('unix://'.length)
    if (!socketPath.startsWith('/')) fail('the socket path must be absolute')
    return { display: raw, options: { socketPath } }
  }
  if (raw.startsWith('npipe://')) {
    return { display: raw, options: { socketPath: raw.slice('npipe://'.length) } }
  }
  if (raw.startsWith('/')) return { display: `unix://${raw}`, options: { socketPath: raw } }

  let url: URL
  try {
    url = new URL(raw.includes('://') ? raw : `tcp://${raw}`)
  } catch {
    return fail('it does not parse as a URL')
  }
  if (!url.hostname) fail('it names no host')

  if (url.protocol === 'ssh:') {
    return {
      display: raw,
      options: {
        protocol: 'ssh',
        host: url.hostname,
        port: url.port ? Number(url.port) : 22,
        username: url.username || undefined
      } as Docker.DockerOptions
    }
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(`unknown scheme "${url.protocol.replace(/:$/, '')}"`)
  }

  const tls = url.protocol === 'https:' || isSet(env.DOCKER_TLS_VERIFY) || isSet(env.DOCKER_TLS)
  const port = url.port ? Number(url.port) : tls ? 2376 : 2375
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const display = `tcp://${url.host}${url.port ? '' : `:${port}`}`
  if (!tls) return { display, options: { protocol: 'http', host, port } }

  const certDir = env.DOCKER_CERT_PATH || join(homedir(), '.docker')
  const read = (name: string): Buffer | undefined => {
    try {
      return readFileSync(join(certDir, name))
    } catch {
      return undefined
    }
  }
  const ca = read('ca.pem')
  if (isSet(env.DOCKER_TLS_VERIFY) && !ca) {
    throw new PreflightError(
      `DOCKER_TLS_VERIFY is set but ${join(certDir, 'ca.pem')} cannot be read; set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem`
    )
  }
  return {
    display: `${display} (TLS)`,
    options: { protocol: 'https', host, port, ca, cert: read('cert.pem'), key: read('key.pem') }
  }
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0'
}
