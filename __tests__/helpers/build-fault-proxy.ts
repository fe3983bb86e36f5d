import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveEndpoint } from '../../src/engine/endpoint.js'

/**
 * A unix socket in front of the test engine that passes every connection through, except the first
 * `faults` `POST .../build` requests: each one's context is read to its end and answered with `reply` (a
 * 200 and the given JSON lines), as the engine answers a build that fails. For an engine race no test can
 * cause on demand (an image removed between the classic builder's cache listing and its read).
 */
export async function startBuildFaultProxy(
  reply: object[],
  faults = 1
): Promise<{
  host: string
  builds: () => number
  close: () => Promise<void>
}> {
  const engine = resolveEndpoint(undefined, process.env).options.socketPath
  if (!engine) throw new Error('the build fault proxy needs the test engine on a unix socket')
  const dir = mkdtempSync(join(tmpdir(), 'preflight-fault-'))
  const path = join(dir, 'engine.sock')
  let builds = 0
  const open = new Set<net.Socket>()
  const server = net.createServer(client => {
    open.add(client)
    client.on('close', () => open.delete(client))
    let head = Buffer.alloc(0)
    let decided = false
    const passThrough = (first: Buffer): void => {
      const upstream = net.connect(engine)
      upstream.write(first)
      client.pipe(upstream).pipe(client)
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
      client.on('close', () => upstream.destroy())
    }
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk])
      if (!decided) {
        const headerEnd = head.indexOf('\r\n\r\n')
        if (headerEnd < 0) return
        decided = true
        const headers = head.subarray(0, headerEnd).toString('latin1')
        if (!/^POST \S*\/build\?/.test(headers) || builds++ >= faults) {
          client.off('data', onData)
          passThrough(head)
          return
        }
      }
      // The faulted build: wait for the whole chunked body (the tar), then answer and close.
      if (head.subarray(-5).toString('latin1') !== '0\r\n\r\n') return
      client.off('data', onData)
      const body = reply.map(line => `${JSON.stringify(line)}\r\n`).join('')
      client.end(
        `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
      )
    }
    client.on('data', onData)
    client.on('error', () => {})
  })
  await new Promise<void>(resolve => server.listen(path, resolve))
  return {
    host: `unix://${path}`,
    builds: () => builds,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of open) socket.destroy()
        server.close(() => {
          rmSync(dir, { recursive: true, force: true })
          resolve()
        })
      })
  }
}
