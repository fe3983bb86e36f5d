// BuildKit's control API on the engine's `/grpc` endpoint, as buildx's `docker` driver reaches the
// engine's embedded BuildKit: the connection is upgraded to h2c and spoken to as a gRPC client. Only what a
// Dockerfile build needs: Solve (unary) and Status (server stream), framed by hand over node:http2 (a
// gRPC message is a flag byte, a 4-byte length and the protobuf). Used for what `/build` cannot carry:
// frontend attributes such as named contexts (`context:<name>`).

import * as http2 from 'node:http2'
import type { Socket } from 'node:net'
import type { EngineClient } from './client.js'
import { ProtoWriter, mapEntry, protoFields } from './protowire.js'
import { streamOf } from './socket-duplex.js'

function stringMap(attrs: Record<string, string>): [string, string][] {
  return Object.entries(attrs)
}

/**
 * moby.buildkit.v1.SolveRequest (api/services/control/control.proto): Ref 1, Session 5, Frontend 6,
 * FrontendAttrs 7, Cache 8 (CacheOptions: Imports 5, each CacheOptionsEntry{Type 1, Attrs 2}),
 * Exporters 13 (each Exporter{Type 1, Attrs 2}).
 */
function encodeSolveRequest(options: SolveOptions): Buffer {
  const cache = new ProtoWriter()
  for (const ref of options.cacheImports)
    cache.message(
      5,
      new ProtoWriter()
        .string(1, 'registry')
        .map(2, [['ref', ref]])
        .finish(),
      true
    )
  const exporter = new ProtoWriter().string(1, 'moby').map(2, stringMap(options.exporterAttrs)).finish()
  return new ProtoWriter()
    .string(1, options.ref)
    .string(5, options.session)
    .string(6, 'dockerfile.v0')
    .map(7, stringMap(options.frontendAttrs))
    .message(8, cache.finish(), true)
    .message(13, exporter, true)
    .finish()
}

/** moby.buildkit.v1.SolveResponse: ExporterResponse 1 (map<string, string>). */
function decodeSolveResponse(message: Buffer): Record<string, string> {
  const response: Record<string, string> = {}
  for (const [field, value] of protoFields(message)) {
    if (field !== 1) continue
    const [key, entry] = mapEntry(value)
    response[key] = entry.toString('utf8')
  }
  return response
}

export interface SolveOptions {
  ref: string
  session: string
  frontendAttrs: Record<string, string>
  /** Exporter `moby` (the engine's image store) with these attributes (`name`: the tags). */
  exporterAttrs: Record<string, string>
  cacheImports: string[]
}

/** An h2c connection to the engine's BuildKit. */
export async function connectControl(client: EngineClient, signal?: AbortSignal): Promise<ControlClient> {
  const socket = await client.build.grpc(signal)
  const session = http2.connect('http://buildkit', { createConnection: () => streamOf(socket) })
  session.on('error', () => {}) // each call reports its own failure
  return new ControlClient(session, socket)
}

function frame(message: Uint8Array): Buffer {
  const header = Buffer.alloc(5)
  header.writeUInt32BE(message.length, 1)
  return Buffer.concat([header, message])
}

/** Splits a gRPC response body into messages. */
class Deframer {
  private buffer = Buffer.alloc(0)
  push(chunk: Buffer): Buffer[] {
    this.buffer = Buffer.concat([this.buffer, chunk])
    const out: Buffer[] = []
    while (this.buffer.length >= 5) {
      const length = this.buffer.readUInt32BE(1)
      if (this.buffer.length < 5 + length) break
      out.push(this.buffer.subarray(5, 5 + length))
      this.buffer = this.buffer.subarray(5 + length)
    }
    return out
  }
}

export class ControlClient {
  constructor(
    private readonly session: http2.ClientHttp2Session,
    private readonly socket: Socket
  ) {}

  private call(path: string, body: Uint8Array, onMessage: (message: Buffer) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const stream = this.session.request({
        ':method': 'POST',
        ':path': path,
        'content-type': 'application/grpc',
        te: 'trailers'
      })
      const deframer = new Deframer()
      let status: string | undefined
      let message = ''
      const readStatus = (headers: http2.IncomingHttpHeaders) => {
        if (headers['grpc-status'] !== undefined) {
          status = String(headers['grpc-status'])
          message = decodeURIComponent(String(headers['grpc-message'] ?? ''))
        }
      }
      stream.on('response', readStatus)
      stream.on('trailers', readStatus)
      stream.on('data', (chunk: Buffer) => deframer.push(chunk).forEach(onMessage))
      stream.on('error', reject)
      stream.on('close', () => {
        if (status === '0') resolve()
        else reject(new Error(message || `BuildKit's ${path} failed (gRPC status ${status ?? 'none'})`))
      })
      stream.end(frame(body))
    })
  }

  /** Solve; resolves to the exporter's response (image digests). */
  async solve(options: SolveOptions): Promise<Record<string, string>> {
    let response: Record<string, string> = {}
    await this.call('/moby.buildkit.v1.Control/Solve', encodeSolveRequest(options), message => {
      response = decodeSolveResponse(message)
    })
    return response
  }

  /** Status of solve `ref`: each StatusResponse as its raw protobuf, until the solve ends. */
  status(ref: string, onStatus: (raw: Buffer) => void): Promise<void> {
    return this.call(
      '/moby.buildkit.v1.Control/Status',
      new ProtoWriter().string(1, ref).finish(), // StatusRequest{Ref = 1}
      onStatus
    )
  }

  close(): void {
    this.session.destroy()
    this.socket.destroy()
  }
}
