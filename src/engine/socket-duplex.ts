// A hijacked engine connection as an HTTP/2 endpoint reads it. Used by the session (session.ts, our own
// server: h2/server.ts), BuildKit's control API (control.ts, node:http2) and the measuring trace (h2-trace.ts).
import type { Socket } from 'node:net'
import { Duplex } from 'node:stream'

/** What a wrapper may watch: every chunk each way, and the end of the connection. */
export interface SocketTap {
  incoming(chunk: Buffer): void
  outgoing(chunk: Buffer): void
  closed(): void
}

/**
 * The socket as an HTTP/2 endpoint should read it. A plain socket is handed over as it is (node:http2 reads
 * it through its native handle, first feeding it what is already in the socket's JS buffer: the engine
 * starts talking at once, and those bytes arrive with the 101 response). A TLSSocket is handed over as a
 * plain Duplex: node:http2 over its handle lost the frames that came with the upgrade. With a tap, any
 * socket goes through the Duplex.
 */
export function streamOf(socket: Socket, tap?: SocketTap): Duplex {
  if (!tap && !(socket as Socket & { encrypted?: boolean }).encrypted) return socket
  const duplex = new Duplex({
    read: () => socket.resume(),
    write: (chunk: Buffer, _encoding, callback) => {
      tap?.outgoing(chunk)
      socket.write(chunk, callback)
    },
    writev: (chunks, callback) => {
      const joined = Buffer.concat(chunks.map(c => c.chunk as Buffer))
      tap?.outgoing(joined)
      socket.write(joined, callback)
    },
    final: callback => {
      socket.end()
      callback()
    },
    destroy: (error, callback) => {
      socket.destroy(error ?? undefined)
      callback(error)
    }
  })
  // Flowing mode hands over what the socket already buffered (the bytes that came with the 101) first.
  socket.on('data', (chunk: Buffer) => {
    tap?.incoming(chunk)
    if (!duplex.push(chunk)) socket.pause()
  })
  socket.on('end', () => duplex.push(null))
  socket.on('error', error => duplex.destroy(error))
  socket.on('close', () => {
    tap?.closed()
    duplex.destroy()
  })
  return duplex
}
