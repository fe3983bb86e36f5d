// A BuildKit session with the engine, as dockerode 5 opens one for registry credentials (lib/session.js):
// `POST /session` upgraded to h2c, the hijacked connection handed to a @grpc/grpc-js server, which the
// engine's BuildKit then calls. dockerode's only serves Auth and cannot be extended, so this one is opened
// in its place with every service a build needs (Auth, FileSync, Secrets). Unlike dockerode's, it lists
// the methods it serves in X-Docker-Expose-Session-Grpc-Method: BuildKit asks the session whether it
// supports a method (session.Caller.Supports) before using file sync, and refuses without it.

import { randomUUID } from 'node:crypto'
import type { Socket } from 'node:net'
import { Duplex } from 'node:stream'
import type { EngineClient } from './client.js'
import type * as http2 from 'node:http2'
import * as grpc from '@grpc/grpc-js'
import protobuf from 'protobufjs'

// BuildKit checks the session's health every few seconds (session/grpc.go monitorHealth) and drops a
// session that fails twice: a build taking longer than that needs grpc.health.v1.Health/Check answered.
const healthTypes = protobuf.Root.fromJSON({
  nested: {
    HealthCheckRequest: { fields: { service: { type: 'string', id: 1 } } },
    HealthCheckResponse: { fields: { status: { type: 'int32', id: 1 } } }
  }
})
const HealthCheckRequest = healthTypes.lookupType('HealthCheckRequest')
const HealthCheckResponse = healthTypes.lookupType('HealthCheckResponse')
const SERVING = 1

const healthService: SessionService = {
  definition: {
    Check: {
      path: '/grpc.health.v1.Health/Check',
      requestStream: false,
      responseStream: false,
      requestSerialize: (value: object) => Buffer.from(HealthCheckRequest.encode(value).finish()),
      requestDeserialize: (bytes: Buffer) => HealthCheckRequest.decode(bytes),
      responseSerialize: (value: object) => Buffer.from(HealthCheckResponse.encode(value).finish()),
      responseDeserialize: (bytes: Buffer) => HealthCheckResponse.decode(bytes),
      originalName: 'check'
    }
  } as unknown as grpc.ServiceDefinition,
  implementation: {
    Check: (_call: unknown, callback: grpc.sendUnaryData<{ status: number }>) =>
      callback(null, { status: SERVING })
  }
}

export interface SessionService {
  definition: grpc.ServiceDefinition
  implementation: grpc.UntypedServiceImplementation
}

export interface SessionOptions {
  /** BuildKit reuses what it synced before from a session with the same key (the CLI: a hash of the dir). */
  sharedKey: string
  services: SessionService[]
  /** Shown by the engine as the session's name. */
  name?: string
  /** Metadata keys whose values are lists of arbitrary text (see keepListHeadersWhole). */
  listHeaders?: string[]
}

export interface Session {
  id: string
  /** Stops serving and closes the connection. */
  close(): void
}

export async function openSession(
  client: EngineClient,
  options: SessionOptions,
  signal?: AbortSignal
): Promise<Session> {
  const id = randomUUID()
  const services = [healthService, ...options.services]
  const methods = services.flatMap(service => Object.values(service.definition).map(method => method.path))
  const socket = await client.build.session(
    {
      'X-Docker-Expose-Session-Uuid': id,
      'X-Docker-Expose-Session-Name': options.name ?? 'docker-preflight',
      'X-Docker-Expose-Session-Sharedkey': options.sharedKey,
      'X-Docker-Expose-Session-Grpc-Method': methods
    },
    signal
  )
  const server = new grpc.Server()
  for (const service of services) server.addService(service.definition, service.implementation)
  allowLongHeaderLists(server)
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure())
  keepListHeadersWhole(server, options.listHeaders ?? [])
  injector.injectConnection(streamOf(socket))
  let closed = false
  return {
    id,
    close: () => {
      if (closed) return
      closed = true
      server.forceShutdown()
      socket.destroy()
    }
  }
}

/**
 * A .dockerignore of a few hundred lines is a few hundred headers on one call: Node's HTTP/2 server
 * answers more than 128 header pairs (maxHeaderListPairs) with ENHANCE_YOUR_CALM, and its header list
 * size setting defaults to 64 KiB. grpc-js offers neither option; they go into the options it creates its
 * HTTP/2 server with.
 */
function allowLongHeaderLists(server: grpc.Server): void {
  const common = (server as unknown as { commonServerOptions?: http2.ServerOptions }).commonServerOptions
  if (!common) throw new Error('@grpc/grpc-js changed: its HTTP/2 server options are no longer reachable')
  common.maxHeaderListPairs = 1 << 20
  common.settings = { ...common.settings, maxHeaderListSize: 64 * 1024 * 1024 }
}

/**
 * BuildKit sends each value of a list (include and exclude patterns) as its own HTTP/2 header, in UTF-8.
 * Node joins repeated headers with ", " and reads their bytes as Latin-1, and @grpc/grpc-js then drops a
 * value with a byte outside printable ASCII altogether: a `.dockerignore` line with `ü` would silently
 * exclude nothing. So before grpc-js reads a call's headers, the raw values of those keys are put back as
 * BuildKit's own escaped form (its `<key>-encoded` convention, filesync.go encodeOpts), one per value.
 * grpc-js has no hook for this; its connection injector's HTTP/2 server is reached through the server.
 */
function keepListHeadersWhole(server: grpc.Server, keys: string[]): void {
  if (keys.length === 0) return
  const servers = (server as unknown as { http2Servers?: Map<http2.Http2Server, unknown> }).http2Servers
  const http2Server = servers ? [...servers.keys()].pop() : undefined
  if (!http2Server) throw new Error('@grpc/grpc-js changed: its HTTP/2 server is no longer reachable')
  http2Server.prependListener(
    'stream',
    (_stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders, _flags: number, raw: string[]) => {
      for (const key of keys) {
        const values: string[] = []
        for (let i = 0; i + 1 < raw.length; i += 2) {
          if (raw[i]!.toLowerCase() === key) values.push(Buffer.from(raw[i + 1]!, 'latin1').toString('utf8'))
        }
        if (values.length === 0) continue
        const encoded = headers[`${key}-encoded`] === '1'
        headers[key] = encoded ? values : values.map(v => encodeURIComponent(v))
        headers[`${key}-encoded`] = '1'
      }
    }
  )
}

/**
 * The socket as node:http2 should read it. HTTP/2 reads a net.Socket or TLSSocket through its native
 * handle, which skips bytes already in the socket's JS buffer: what arrived with the 101 response (the
 * engine starts talking at once; docker-modem unshifts it) would be lost, and over TLS the engine's first
 * frames always come that way. Such a socket is handed over as a plain Duplex instead.
 */
export function streamOf(socket: Socket): Duplex {
  if (!(socket as Socket & { encrypted?: boolean }).encrypted && socket.readableLength === 0) return socket
  const duplex = new Duplex({
    read: () => socket.resume(),
    write: (chunk: Buffer, _encoding, callback) => socket.write(chunk, callback),
    final: callback => {
      socket.end()
      callback()
    },
    destroy: (error, callback) => {
      socket.destroy(error ?? undefined)
      callback(error)
    }
  })
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause()
  })
  socket.on('end', () => duplex.push(null))
  socket.on('error', error => duplex.destroy(error))
  socket.on('close', () => duplex.destroy())
  return duplex
}
