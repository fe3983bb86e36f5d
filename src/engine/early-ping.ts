import http from 'node:http'
import { FACTS_TIMEOUT_MS } from './constants.js'
import type { Endpoint } from './endpoint.js'

/**
 * The engine's answer to GET /_ping, sent with node:http before the engine client and @actions/core have
 * loaded (they take tens of ms to evaluate; the engine answers in a few). The engine check awaits this
 * instead of pinging again. Settles with the error the client would have given (ENOENT, ECONNREFUSED, ...).
 * `facts`: /version and /info, asked beside the ping (the engine check and the build's choice of builder
 * need both). Not after its answer: that is read only once the modules have loaded, ~30 ms later.
 */
export type PingOutcome = { endpoint: string; error?: unknown; facts?: EarlyFacts }

/**
 * /version and /info asked right after the ping. Each resolves with the reply's JSON object, or undefined
 * when anything went wrong (the engine client then asks again, and words any failure as usual).
 */
export interface EarlyFacts {
  version: Promise<Record<string, unknown> | undefined>
  info: Promise<Record<string, unknown> | undefined>
}

/** Starts the ping; the promise never rejects (an unhandled rejection would end the process early). */
export function startEarlyPing(endpoint: Endpoint, timeoutMs: number): Promise<PingOutcome> {
  const ping = get(endpoint, '_ping', AbortSignal.timeout(timeoutMs))
  // Given up with the ping when it fails: nothing is left waiting on an engine that did not answer.
  const unanswered = new AbortController()
  const factsSignal = AbortSignal.any([AbortSignal.timeout(FACTS_TIMEOUT_MS), unanswered.signal])
  const facts: EarlyFacts = {
    version: get(endpoint, 'version', factsSignal).then(jsonObject, () => undefined),
    info: get(endpoint, 'info', factsSignal).then(jsonObject, () => undefined)
  }
  return ping.then(
    () => ({ endpoint: endpoint.display, facts }),
    error => {
      unanswered.abort()
      return { endpoint: endpoint.display, error }
    }
  )
}

function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** GET of one path from the API root: its body on a 2xx reply, else an error. */
async function get(endpoint: Endpoint, path: string, signal: AbortSignal): Promise<string> {
  const options = endpoint.options
  if (options.protocol === 'ssh') throw new Error('early ping does not speak ssh')
  // node:https (and node:tls under it, ~2 MB on Node 24) only for a TLS endpoint.
  const secure = options.protocol === 'https'
  const transport = secure ? await import('node:https') : http
  const prefix = (options.pathPrefix ?? '/').replace(/\/?$/, '/')
  return new Promise<string>((resolve, reject) => {
    const request = transport.request(
      {
        socketPath: options.socketPath,
        host: options.socketPath ? undefined : options.host,
        port: options.socketPath ? undefined : options.port,
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        rejectUnauthorized: endpoint.tls?.verify !== false,
        // Without TLS there is no server name to send: set, node skips working one out (its first
        // net.isIP compiles a large regular expression, ~4 ms on the way to the first request).
        ...(secure ? {} : { servername: '' }),
        // Not the global agent: on Node 24 it may follow HTTP(S)_PROXY (NODE_USE_ENV_PROXY).
        agent: false,
        path: `${prefix}${path}`,
        method: 'GET',
        signal
      },
      response => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const status = response.statusCode ?? 0
          if (status >= 200 && status < 300) resolve(Buffer.concat(chunks).toString())
          else reject(Object.assign(new Error(`/${path} answered HTTP ${status}`), { statusCode: status }))
        })
        response.on('error', reject)
      }
    )
    request.on('error', reject)
    request.end()
  })
}
