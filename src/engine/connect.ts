import http from 'node:http'
import https from 'node:https'
import Docker from 'dockerode'
import type { Endpoint } from './endpoint.js'

export { DEFAULT_SOCKET, resolveEndpoint, type Endpoint } from './endpoint.js'

/**
 * What docker-modem 5 reads from the environment when it is constructed (lib/modem.js defaultOpts):
 * DOCKER_HOST (its `host` beats our `socketPath`), DOCKER_TLS_VERIFY, DOCKER_CERT_PATH (read with
 * readFileSync: a missing cert.pem throws), DOCKER_PATH_PREFIX, DOCKER_CLIENT_TIMEOUT and, for ssh,
 * SSH_AUTH_SOCK (its sshOptions are assigned over ours). The endpoint was resolved already; none of
 * these may change where or how the client connects.
 */
export const MODEM_ENV = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_PATH_PREFIX',
  'DOCKER_CLIENT_TIMEOUT',
  'SSH_AUTH_SOCK'
] as const

/** A dockerode client that talks to exactly this endpoint. No request is made here. */
export function connect(endpoint: Endpoint): Docker {
  const o = endpoint.options
  const tcp = o.protocol === 'http' || o.protocol === 'https'
  // Every option docker-modem's defaults could set is given, undefined ones too (Object.assign copies them).
  const options = {
    socketPath: o.socketPath,
    host: o.host,
    port: o.port,
    protocol: o.protocol,
    pathPrefix: o.pathPrefix,
    username: o.username,
    ca: o.ca,
    cert: o.cert,
    key: o.key,
    timeout: undefined,
    sshOptions: o.protocol === 'ssh' ? { agent: o.sshAgent } : {},
    // An agent of our own over TCP: node's global agent follows HTTP(S)_PROXY when NODE_USE_ENV_PROXY
    // is set (Node 24), and only this agent can switch server verification off (DOCKER_TLS, SkipTLSVerify).
    agent: tcp
      ? o.protocol === 'https'
        ? new https.Agent({ keepAlive: true, rejectUnauthorized: endpoint.tls?.verify !== false })
        : new http.Agent({ keepAlive: true })
      : undefined
  }
  const docker = withoutModemEnv(() => new Docker(options as Docker.DockerOptions))
  const modem = docker.modem as unknown as Record<string, unknown>
  if (modem.socketPath !== o.socketPath || modem.host !== o.host || modem.port !== o.port) {
    // A docker-modem that reads something new would show here first.
    throw new Error(`docker-modem did not take the endpoint ${endpoint.display} as given`)
  }
  return docker
}

/** Runs `make` (synchronous: nothing else runs meanwhile) with docker-modem's variables out of process.env. */
function withoutModemEnv<T>(make: () => T): T {
  const saved = new Map<string, string>()
  for (const name of MODEM_ENV) {
    const value = process.env[name]
    if (value !== undefined) {
      saved.set(name, value)
      delete process.env[name]
    }
  }
  try {
    return make()
  } finally {
    for (const [name, value] of saved) process.env[name] = value
  }
}
