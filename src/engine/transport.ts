// The Engine API over node:http / node:https: a unix socket, TCP, or TCP with TLS. It speaks what
// docker-modem 5's dial (lib/modem.js) spoke for this project, so the client's calls, their replies and
// their failures are the same, without docker-modem's module graph (ssh2 and more, ~60 ms of CPU and
// ~13 MB at start-up). Only ssh:// endpoints still go through docker-modem (client.ts loads it then).
//
// Differences from docker-modem, each on purpose: no environment is read (the endpoint was resolved
// already); the endpoint's path prefix is honoured as the docker CLI honours it (docker-modem's
// url.resolve dropped it); a hijack sends no chunked empty body (the CLI sends none); no redirects.
import http, { type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { stringify } from 'node:querystring'
import { addAbortSignal } from 'node:stream'
import type { Endpoint } from './endpoint.js'

/** One request, in the terms of docker-modem's dial. */
export interface Call {
  method: 'GET' | 'POST' | 'DELETE' | 'HEAD'
  /** From the API root: `/containers/json`. */
  path: string
  /** Encoded as docker-modem encodes `_query` (see queryString). */
  query?: Record<string, unknown>
  /** Sent as JSON. */
  body?: unknown
  /** Sent as the body, streamed (a build context's tar). */
  file?: NodeJS.ReadableStream
  headers?: Record<string, string | string[]>
  /** The status that means success; any other is an error. */
  ok: number
  /** Resolve with the IncomingMessage once the headers are in, instead of the whole reply. */
  isStream?: boolean
  /** Resolve with the reply's bytes, never parsed as JSON. */
  raw?: boolean
  /** Sent as X-Registry-Auth (base64url JSON), as the engine wants it for pushes and pulls. */
  authconfig?: object
  /** Sent as X-Registry-Config (base64 JSON), the classic builder's registry credentials. */
  registryconfig?: object
  /** Upgrade the connection (`Upgrade` names the protocol) and resolve with the socket. */
  hijack?: boolean
  signal?: AbortSignal
}

/** Sends one call; what it resolves with depends on isStream / raw / hijack. */
export type Dial = (call: Call) => Promise<unknown>

/** The failure of a reply whose status was not `ok`, shaped as docker-modem's (EngineClient.error reads it). */
export interface StatusError extends Error {
  statusCode: number
  /** The reply parsed as JSON (or its bytes); null for a streamed call, as docker-modem has it. */
  json: unknown
}

/** A dial for a unix socket or TCP (TLS) endpoint. Makes no request here. */
export function httpDial(endpoint: Endpoint): Dial {
  const o = endpoint.options
  const secure = o.protocol === 'https'
  // Our own keep-alive agent, never node's global one: that one follows HTTP(S)_PROXY when
  // NODE_USE_ENV_PROXY is set (Node 24), and only an agent of our own can switch server verification
  // off (DOCKER_TLS, SkipTLSVerify). The idle timeout is the global agent's (what docker-modem used
  // over a socket).
  const plain: Transport | undefined = secure
    ? undefined
    : {
        agent: new http.Agent({ keepAlive: true, ...(o.socketPath ? { timeout: 5000 } : {}) }),
        send: http.request
      }
  // node:https (with node:tls under it, ~2 MB on Node 24) is loaded by the first call to a TLS endpoint.
  let tls: Promise<Transport> | undefined
  const loadTls = (): Promise<Transport> =>
    (tls ??= import('node:https').then(https => ({
      agent: new https.Agent({ keepAlive: true, rejectUnauthorized: endpoint.tls?.verify !== false }),
      send: https.request
    })))
  // Without TLS there is no server name to send: set, node skips working one out for every request (the
  // first net.isIP compiles a large regular expression, ~4 ms on the way to the build).
  const where: http.RequestOptions & { servername?: string } = o.socketPath
    ? { socketPath: o.socketPath, servername: '' }
    : {
        host: o.host,
        port: o.port,
        ...(secure ? { ca: o.ca, cert: o.cert, key: o.key } : { servername: '' })
      }
  const prefix = (o.pathPrefix ?? '/').replace(/\/+$/, '')
  return call => (plain ? dial(plain, call) : loadTls().then(transport => dial(transport, call)))

  function dial({ agent, send }: Transport, call: Call): Promise<unknown> {
    const headers: http.OutgoingHttpHeaders = { ...call.headers }
    if (call.authconfig) headers['X-Registry-Auth'] = base64url(JSON.stringify(call.authconfig))
    if (call.registryconfig)
      headers['X-Registry-Config'] = Buffer.from(JSON.stringify(call.registryconfig)).toString('base64')
    let data: string | undefined
    if (call.file) headers['Content-Type'] ??= 'application/tar'
    else if (call.body !== undefined) {
      data = JSON.stringify(call.body)
      headers['Content-Type'] ??= 'application/json'
      headers['Content-Length'] = Buffer.byteLength(data)
    }
    if (call.hijack) {
      headers.Connection = 'Upgrade'
      headers.Upgrade ??= 'tcp'
    }
    const query = call.query ? queryString(call.query) : ''
    return new Promise<unknown>((resolve, reject) => {
      let settled = false
      const settle = (error: unknown, value?: unknown): void => {
        if (settled) return
        settled = true
        if (error) reject(error)
        else resolve(value)
      }
      let request: http.ClientRequest
      try {
        request = send({
          ...where,
          agent,
          method: call.method,
          path: `${prefix}${call.path}${query ? `?${query}` : ''}`,
          headers,
          signal: call.signal
        })
      } catch (error) {
        settle(error)
        return
      }
      request.on('error', error => settle(error))
      if (call.hijack) {
        request.on('upgrade', (_response: IncomingMessage, socket: Socket, head: Buffer) => {
          // The engine may start talking with the 101: those bytes are the protocol's, put them back.
          if (head.length > 0) socket.unshift(head)
          socket.setTimeout(0)
          settle(undefined, socket)
        })
      }
      request.on('response', response => {
        // A hijack that is answered without 101 (an engine without the endpoint) ends up here too.
        if (response.statusCode === call.ok && call.isStream && !call.hijack) settle(undefined, response)
        else readReply(response, call, settle)
      })
      if (call.file) {
        call.file.on('error', error => request.destroy(error))
        call.file.pipe(request)
      } else request.end(data)
    })
  }
}

/** The agent and request function of node:http or node:https. */
interface Transport {
  agent: http.Agent
  send: (options: http.RequestOptions) => http.ClientRequest
}

/** Reads a whole reply: the value of a call, or the failure of a status that was not `ok`. */
function readReply(
  response: IncomingMessage,
  call: Call,
  settle: (error: unknown, value?: unknown) => void
): void {
  // An abort while the body arrives must end it too (the request's signal covers the request only).
  if (call.signal) addAbortSignal(call.signal, response)
  const chunks: Buffer[] = []
  response.on('data', (chunk: Buffer) => chunks.push(chunk))
  response.on('error', error => settle(error))
  response.on('end', () => {
    const bytes = Buffer.concat(chunks)
    const status = response.statusCode ?? 0
    if (status === call.ok) {
      settle(undefined, call.raw ? bytes : (parseJson(bytes.toString()) ?? bytes))
      return
    }
    // docker-modem's wording: "(HTTP code 404) unexpected - <the engine's message> ".
    const text = bytes.toString()
    const parsed = parseJson(text)
    const cause = (parsed ?? (call.isStream ? text : bytes)) as { message?: unknown; error?: unknown }
    const said = (cause.message || cause.error || cause) as string
    const error = new Error(`(HTTP code ${status}) unexpected - ${said} `) as StatusError
    error.statusCode = status
    error.json = call.isStream ? null : (parsed ?? bytes)
    settle(error)
  })
}

/**
 * docker-modem's buildQuerystring: an object value (not an array) as JSON, the rest as querystring has
 * it (arrays as repeated keys, booleans as true/false). Undefined values are left out (docker-modem sent
 * `key=`, which the engine reads as unset too).
 */
export function queryString(query: Record<string, unknown>): string {
  const clone: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    clone[key] = value && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value
  }
  return stringify(clone as Parameters<typeof stringify>[0])
}

/** JSON, or null when the text is not JSON or is a falsy JSON value (docker-modem's `parseJSON(s) || buffer`). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) || null
  } catch {
    return null
  }
}

/** What docker-modem sends as X-Registry-Auth: base64 with `-` and `_` for `+` and `/`, padding kept. */
function base64url(text: string): string {
  return Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')
}
