import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// A fake Docker engine on a real unix socket, for what a real engine will not do on demand: accept a
// connection and never answer, answer with something that is not JSON, cut a chunked reply short.
// Everything else about the conversation (HTTP over a socket, dockerode, docker-modem) is real.

export interface FakeRequest {
  method: string
  /** Path and query, with the /v1.xx prefix dockerode adds removed: /_ping, /version, /containers/json?all=1 */
  path: string
}

/**
 * What the fake engine does with one request: write these bytes (a whole raw HTTP response, or part of
 * one), then either keep the connection open ('hang') or close it ('close', the default).
 */
export type FakeReply = { raw: string; then?: 'hang' | 'close' } | 'silent'

export interface FakeEngine {
  /** unix:///tmp/.../docker.sock, for docker-host or DOCKER_HOST */
  host: string
  socketPath: string
  /** Every request the engine received, in order. */
  requests: FakeRequest[]
  close(): Promise<void>
}

/** Starts a fake engine answering each request with `reply(request)`. */
export async function startFakeEngine(reply: (request: FakeRequest) => FakeReply): Promise<FakeEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-fake-engine-'))
  const requests: FakeRequest[] = []
  const sockets = new Set<net.Socket>()

  const server = net.createServer(socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    let buffered = ''
    socket.on('data', chunk => {
      buffered += chunk.toString('latin1')
      // Requests on a kept-alive connection follow one another; bodies (POST JSON) are skipped by length.
      for (;;) {
        const headEnd = buffered.indexOf('\r\n\r\n')
        if (headEnd < 0) return
        const head = buffered.slice(0, headEnd)
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0)
        if (buffered.length < headEnd + 4 + length) return
        buffered = buffered.slice(headEnd + 4 + length)
        const [method = '', target = ''] = head.split('\r\n')[0]!.split(' ')
        const request = { method, path: target.replace(/^\/v\d+\.\d+/, '') }
        requests.push(request)
        const answer = reply(request)
        if (answer === 'silent') continue
        socket.write(answer.raw, 'latin1')
        if (answer.then !== 'hang') socket.end()
      }
    })
  })
  return listenOn(server, dir, requests, sockets)
}

/** Listens on `dir`/docker.sock; `close` ends every connection, the server and the folder. */
async function listenOn(
  server: net.Server,
  dir: string,
  requests: FakeRequest[],
  sockets: Set<net.Socket>
): Promise<FakeEngine> {
  const socketPath = join(dir, 'docker.sock')
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socketPath, resolve)
  })
  return {
    host: `unix://${socketPath}`,
    socketPath,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A complete HTTP/1.1 response with a Content-Length body. */
export function httpResponse(
  status: number,
  body: string,
  contentType = 'application/json',
  headers: Record<string, string> = {}
): string {
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  return (
    `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Error'}\r\n` +
    `Content-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body, 'latin1')}\r\n` +
    `Api-Version: 1.41\r\nConnection: close\r\n${extra}\r\n${body}`
  )
}

/** The head of a chunked response and its first chunk, and then nothing: a stream cut short. */
export function truncatedChunked(status: number, firstChunk: string): string {
  return (
    `HTTP/1.1 ${status} OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n` +
    `Api-Version: 1.41\r\n\r\n${firstChunk.length.toString(16)}\r\n${firstChunk}\r\n`
  )
}

/** Answers /_ping like a healthy engine; everything else is up to `rest`. */
export function pingThen(rest: (request: FakeRequest) => FakeReply): (request: FakeRequest) => FakeReply {
  return request =>
    request.path.startsWith('/_ping') ? { raw: httpResponse(200, 'OK', 'text/plain') } : rest(request)
}

/**
 * A unix socket in front of the real engine that passes every request through, except those whose
 * request line matches `fail` (the first `times` of them, all by default): those get `reply` once their
 * body has arrived (a build's context, say), and the connection is closed. For a real engine that fails
 * one call on demand (it cannot be made to, say, refuse /system/df, or lose an image mid-build).
 */
export async function startFailingProxy(
  fail: RegExp,
  reply: string,
  options: { times?: number } = {}
): Promise<FakeEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-proxy-'))
  const target = (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '')
  const requests: FakeRequest[] = []
  const sockets = new Set<net.Socket>()
  let failed = 0
  const server = net.createServer(client => {
    const upstream = net.connect(target)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {})
    }
    // The failing request as it arrives, until its body is complete.
    let failing: string | undefined
    client.on('data', chunk => {
      if (failing !== undefined) {
        failing += chunk.toString('latin1')
        if (requestComplete(failing)) client.end(reply, 'latin1')
        return
      }
      const [method = '', path = ''] = chunk.toString('latin1').split('\r\n')[0]!.split(' ')
      // Each chunk that starts a request starts with its request line (request heads here are small).
      if (/^[A-Z]+$/.test(method)) requests.push({ method, path: path.replace(/^\/v\d+\.\d+/, '') })
      if (fail.test(`${method} ${path}`) && failed < (options.times ?? Infinity)) {
        failed++
        upstream.destroy()
        failing = chunk.toString('latin1')
        if (requestComplete(failing)) client.end(reply, 'latin1')
      } else upstream.write(chunk)
    })
    upstream.pipe(client)
    client.on('end', () => upstream.end())
  })
  return listenOn(server, dir, requests, sockets)
}

/** Whether `text` holds a whole request: its head, and its body by Content-Length or chunked to the end. */
function requestComplete(text: string): boolean {
  const headEnd = text.indexOf('\r\n\r\n')
  if (headEnd < 0) return false
  const head = text.slice(0, headEnd)
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) return text.endsWith('\r\n0\r\n\r\n')
  return text.length >= headEnd + 4 + Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0)
}
