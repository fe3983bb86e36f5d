// `POST /build` without a body, for a BuildKit build whose context comes through a session
// (`remote=client-session`). dockerode's buildImage cannot make this request: it always sends a context
// and, for `version=2`, opens its own session that serves only registry credentials.

import type Docker from 'dockerode'

interface Dialer {
  dial(options: Record<string, unknown>, callback: (error: unknown, stream?: unknown) => void): void
}

export function buildRequest(
  docker: Docker,
  query: Record<string, unknown>,
  signal?: AbortSignal
): Promise<NodeJS.ReadableStream & AsyncIterable<Buffer>> {
  return new Promise((resolve, reject) => {
    ;(docker.modem as unknown as Dialer).dial(
      {
        path: '/build?',
        method: 'POST',
        options: { _query: query, _body: {} },
        abortSignal: signal,
        isStream: true,
        statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' }
      },
      (error, stream) => {
        if (error) reject(error)
        else resolve(stream as NodeJS.ReadableStream & AsyncIterable<Buffer>)
      }
    )
  })
}
