import http from 'node:http'
import type { Endpoint } from './endpoint.js'

/**
 * The engine's answer to GET /_ping, sent with node:http before dockerode and @actions/core have loaded
 * (they take ~200 ms to evaluate; the engine answers in a few). The engine check awaits this instead of
 * pinging again. Settles with the error dockerode would have given (ENOENT, ECONNREFUSED, ...).
 */
export type PingOutcome = { endpoint: string; error?: unknown }

/** Starts the ping; the promise never rejects (an unhandled rejection would end the process early). */
export function startEarlyPing(endpoint: Endpoint, timeoutMs: number): Promise<PingOutcome> {
  return ping(endpoint, timeoutMs).then(
    () => ({ endpoint: endpoint.display }),
    error => ({ endpoint: endpoint.display, error })
  )
}

async function ping(endpoint: Endpoint, timeoutMs: number): Promise<void> {
  const options = endpoint.options
  if (options.protocol === 'ssh') throw new Error('early ping does not speak ssh')
  // node:https (and node:tls under it, ~2 MB on Node 24) only for a TLS endpoint.
  const transport = options.protocol === 'https' ? await import('node:https') : http
  const prefix = (options.pathPrefix ?? '/').replace(/\/?$/, '/')
  return new Promise<void>((resolve, reject) => {
    const request = transport.request(
      {
        socketPath: options.socketPath,
        host: options.socketPath ? undefined : options.host,
        port: options.socketPath ? undefined : options.port,
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        rejectUnauthorized: endpoint.tls?.verify !== false,
        // Not the global agent: on Node 24 it may follow HTTP(S)_PROXY (NODE_USE_ENV_PROXY).
        agent: false,
        path: `${prefix}_ping`,
        method: 'GET',
        signal: AbortSignal.timeout(timeoutMs)
      },
      response => {
        response.resume()
        response.on('end', () => {
          const status = response.statusCode ?? 0
          if (status >= 200 && status < 300) resolve()
          else reject(Object.assign(new Error(`/_ping answered HTTP ${status}`), { statusCode: status }))
        })
        response.on('error', reject)
      }
    )
    request.on('error', reject)
    request.end()
  })
}
