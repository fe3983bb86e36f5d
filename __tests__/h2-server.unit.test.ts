// The session's own HTTP/2 server (src/engine/h2/) against a real HTTP/2 peer: node:http2's client
// (nghttp2) over a unix socket, with its own HPACK encoder (Huffman, dynamic table), flow control and
// PINGs. The engine's grpc-go client is the other peer, in the BuildKit build tests.
import { afterEach, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import * as http2 from 'node:http2'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HpackDecoder, encodeHeaderBlock } from '../src/engine/h2/hpack.js'
import { huffmanDecode } from '../src/engine/h2/huffman.js'
import { Http2ServerConnection, type HeaderField, type ServerStream } from '../src/engine/h2/server.js'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** Our server on one end of a unix socket, node:http2's client on the other. */
async function connect(
  onStream: (stream: ServerStream, headers: HeaderField[]) => void
): Promise<{ client: http2.ClientHttp2Session; connection: () => Http2ServerConnection }> {
  const dir = mkdtempSync(join(tmpdir(), 'h2-server-'))
  const path = join(dir, 'socket')
  let connection: Http2ServerConnection | undefined
  const server = net.createServer(socket => (connection = new Http2ServerConnection(socket, onStream)))
  await new Promise<void>(resolve => server.listen(path, resolve))
  const client = http2.connect('http://session', { createConnection: () => net.connect(path) })
  client.on('error', () => {})
  await new Promise<void>((resolve, reject) => {
    client.once('remoteSettings', () => resolve())
    client.once('error', reject)
  })
  cleanups.push(() => {
    client.destroy()
    server.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return { client, connection: () => connection! }
}

function bodyOf(stream: http2.ClientHttp2Stream): Promise<Buffer> {
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

test('HPACK: RFC 7541 C.4.1, a Huffman-coded request; literals this side encodes decode back', () => {
  const decoder = new HpackDecoder()
  expect(decoder.decode(Buffer.from('828684418cf1e3c2e5f23a6ba0ab90f4ff', 'hex'))).toEqual([
    [':method', 'GET'],
    [':scheme', 'http'],
    [':path', '/'],
    [':authority', 'www.example.com']
  ])
  // The entry it added (index 62) is used by the next block.
  expect(decoder.decode(Buffer.from('be', 'hex'))).toEqual([[':authority', 'www.example.com']])
  const fields: HeaderField[] = [
    [':status', '200'],
    ['grpc-message', 'x'.repeat(300)],
    ['dir-name', Buffer.from('ü/ß', 'utf8').toString('latin1')]
  ]
  expect(new HpackDecoder().decode(encodeHeaderBlock(fields))).toEqual(fields)
  // EOS's prefix as padding is fine; a code not in the table or long padding is refused.
  expect(huffmanDecode(Buffer.from('f1e3c2e5f23a6ba0ab90f4ff', 'hex')).toString()).toBe('www.example.com')
  expect(() => huffmanDecode(Buffer.from('ffffffff', 'hex'))).toThrow(/Huffman/)
  expect(() => huffmanDecode(Buffer.from('00', 'hex'))).toThrow(/padding/)
})

test('a request’s headers reach the handler exactly as nghttp2 encoded them: repeats, UTF-8, evictions', async () => {
  const seen: HeaderField[][] = []
  const { client } = await connect((stream, headers) => {
    seen.push(headers)
    stream.on('end', () => stream.respond([[':status', '200']], true))
  })
  // Enough headers, several times over, to fill and cycle the 4 KiB dynamic table.
  const patterns = Array.from({ length: 300 }, (_, i) => `node_modules/**/pattern-${i}-ü`)
  // node:http2 sends each character of a header value as one byte: UTF-8 goes in as its bytes.
  const sent = patterns.map(pattern => Buffer.from(pattern, 'utf8').toString('latin1'))
  for (let round = 0; round < 3; round++) {
    const request = client.request(
      { ':method': 'POST', ':path': `/moby.filesync.v1.FileSync/DiffCopy`, 'exclude-patterns': sent },
      { endStream: true }
    )
    request.resume()
    await new Promise<void>(resolve => request.on('close', () => resolve()))
  }
  expect(seen).toHaveLength(3)
  for (const headers of seen) {
    expect(headers.find(([name]) => name === ':path')?.[1]).toBe('/moby.filesync.v1.FileSync/DiffCopy')
    const values = headers.filter(([name]) => name === 'exclude-patterns').map(([, value]) => value)
    expect(values.map(value => Buffer.from(value, 'latin1').toString('utf8'))).toEqual(patterns)
  }
})

test('a reply far larger than the windows arrives whole and in order, then its trailers', async () => {
  const reply = Buffer.alloc(5 * 1024 * 1024)
  for (let i = 0; i < reply.length; i += 4) reply.writeUInt32BE(i, i)
  const { client } = await connect(stream => {
    stream.on('end', () => {
      stream.respond([
        [':status', '200'],
        ['content-type', 'application/grpc']
      ])
      // In pieces, as the session's calls write: each callback once its bytes are handed to the socket.
      for (let offset = 0; offset < reply.length; offset += 300_000)
        stream.write(reply.subarray(offset, offset + 300_000))
      stream.end([
        ['grpc-status', '0'],
        ['grpc-message', 'done']
      ])
    })
  })
  // nghttp2's default window is 64 KiB: the reply only gets through if WINDOW_UPDATEs are obeyed.
  const request = client.request({ ':method': 'POST', ':path': '/x' })
  request.end(Buffer.from('request body'))
  const trailers = new Promise<http2.IncomingHttpHeaders>(resolve => request.on('trailers', resolve))
  const body = await bodyOf(request)
  expect(body.equals(reply)).toBe(true)
  expect(await trailers).toMatchObject({ 'grpc-status': '0', 'grpc-message': 'done' })
})

test('the request body is delivered, PINGs are answered, and a reset stream closes with its writes dropped', async () => {
  let received = Buffer.alloc(0)
  let resetClosed!: () => void
  const closedByReset = new Promise<void>(resolve => (resetClosed = resolve))
  const { client, connection } = await connect((stream, headers) => {
    const path = headers.find(([name]) => name === ':path')?.[1]
    if (path === '/echo') {
      stream.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])))
      stream.on('end', () => stream.respond([[':status', '200']], true))
      return
    }
    // /stall: more than the window, never read by the client; the client resets it.
    stream.respond([[':status', '200']])
    stream.write(Buffer.alloc(1024 * 1024))
    stream.on('close', () => resetClosed())
  })
  const body = Buffer.alloc(200_000, 7)
  const echo = client.request({ ':method': 'POST', ':path': '/echo' })
  echo.end(body)
  echo.resume()
  await new Promise<void>(resolve => echo.on('close', () => resolve()))
  expect(received.equals(body)).toBe(true)

  const rtt = await new Promise<number>((resolve, reject) =>
    client.ping((error, duration) => (error ? reject(error) : resolve(duration)))
  )
  expect(rtt).toBeGreaterThanOrEqual(0)

  const stall = client.request({ ':method': 'POST', ':path': '/stall' }, { endStream: true })
  stall.pause()
  await new Promise<void>(resolve => stall.once('response', () => resolve()))
  expect(connection().state().queued).toBeGreaterThan(0)
  stall.close(http2.constants.NGHTTP2_CANCEL)
  await closedByReset
  expect(connection().state()).toMatchObject({ openStreams: 0, queued: 0 })
})
