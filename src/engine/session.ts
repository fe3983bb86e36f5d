// A BuildKit session with the engine, as dockerode 5 opens one for registry credentials (lib/session.js):
// `POST /session` upgraded to h2c, the hijacked connection handed to a @grpc/grpc-js server, which the
// engine's BuildKit then calls. dockerode's only serves Auth and cannot be extended, so this one is opened
// in its place with every service a build needs (Auth, FileSync, Secrets). Unlike dockerode's, it lists
// the methods it serves in X-Docker-Expose-Session-Grpc-Method: BuildKit asks the session whether it
// supports a method (session.Caller.Supports) before using file sync, and refuses without it.

import { randomUUID } from 'node:crypto'
import type { Socket } from 'node:net'
import type Docker from 'dockerode'
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
}

export interface Session {
  id: string
  /** Stops serving and closes the connection. */
  close(): void
}

interface Dialer {
  dial(options: Record<string, unknown>, callback: (error: unknown, socket?: Socket) => void): void
}

export function openSession(docker: Docker, options: SessionOptions, signal?: AbortSignal): Promise<Session> {
  const id = randomUUID()
  const services = [healthService, ...options.services]
  const methods = services.flatMap(service => Object.values(service.definition).map(method => method.path))
  return new Promise((resolve, reject) => {
    ;(docker.modem as unknown as Dialer).dial(
      {
        method: 'POST',
        path: '/session',
        hijack: true,
        abortSignal: signal,
        headers: {
          Upgrade: 'h2c',
          'X-Docker-Expose-Session-Uuid': id,
          'X-Docker-Expose-Session-Name': options.name ?? 'docker-preflight',
          'X-Docker-Expose-Session-Sharedkey': options.sharedKey,
          'X-Docker-Expose-Session-Grpc-Method': methods
        },
        statusCodes: { 101: true, 200: true, 500: 'server error' }
      },
      (error, socket) => {
        if (error || !socket) {
          reject(error instanceof Error ? error : new Error(`could not open a session: ${String(error)}`))
          return
        }
        const server = new grpc.Server()
        for (const service of services) server.addService(service.definition, service.implementation)
        const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure())
        injector.injectConnection(socket)
        let closed = false
        resolve({
          id,
          close: () => {
            if (closed) return
            closed = true
            server.forceShutdown()
            socket.destroy()
          }
        })
      }
    )
  })
}
