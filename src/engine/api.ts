import type Docker from 'dockerode'
import { listingWithRetry } from './listing.js'

// dockerode 5 accepts `abortSignal` on these calls, but @types/dockerode 4 does not declare it.
// These thin wrappers keep the casts in one place.

interface SignalOptions {
  abortSignal?: AbortSignal
}

type Untyped = Record<string, (options: SignalOptions & Record<string, unknown>) => Promise<unknown>>

function call<T>(
  docker: Docker,
  method: string,
  options: SignalOptions & Record<string, unknown>
): Promise<T> {
  const target = docker as unknown as Untyped
  return target[method]!.call(docker, options) as Promise<T>
}

export const api = {
  ping: (docker: Docker, signal?: AbortSignal) => call<unknown>(docker, 'ping', { abortSignal: signal }),
  version: (docker: Docker, signal?: AbortSignal) =>
    call<Record<string, unknown>>(docker, 'version', { abortSignal: signal }),
  info: (docker: Docker, signal?: AbortSignal) =>
    call<Record<string, unknown>>(docker, 'info', { abortSignal: signal }),
  df: (docker: Docker, signal?: AbortSignal) =>
    listingWithRetry(() => call<Record<string, unknown>>(docker, 'df', { abortSignal: signal }), signal)
}
