// The engine calls one smoke container needs, with the traps measured on dockerode 5 handled here:
// - wait is a streaming request opened (condition next-exit) before start; a connection that closes
//   without a status means the engine went away, and is an error (a plain wait never settles then);
// - logs are followed as a multiplexed stream and split as they arrive;
// - kill and remove tolerate a container that already exited or is already gone (304, 404, 409).
import type { IncomingMessage } from 'node:http'
import type Docker from 'dockerode'
import { PreflightError, errorCode, messageOf } from '../errors.js'
import { FrameDemuxer, type OutputCollector } from './output.js'
import { sleep } from '../signals.js'

/** The engine closed a stream before it answered: it stopped, restarted or crashed. */
export class EngineLostError extends PreflightError {
  constructor(what: string) {
    super(`the connection to the Docker engine closed ${what} (did the Docker daemon stop?)`)
    this.name = 'EngineLostError'
  }
}

interface DialOptions {
  path: string
  method: string
  isStream?: boolean
  abortSignal?: AbortSignal
  statusCodes: Record<number, true | string>
  options: Record<string, unknown>
}

interface Modem {
  dial(options: DialOptions, callback: (error: unknown, result: unknown) => void): void
}

export interface ExitStatus {
  statusCode: number
  /** The engine's own error for the wait (rare), if any. */
  error?: string
}

export interface ExitWatch {
  /** Settles with the exit status; rejects with EngineLostError when the connection closes without one. */
  exited: Promise<ExitStatus>
  /** Ends the request (once the result no longer matters). */
  close(): void
}

/**
 * Opens `POST /containers/{id}/wait?condition=next-exit` and resolves once the engine has answered
 * with headers: from then on the wait is registered, so `start` may follow without a race.
 */
export function watchExit(container: Docker.Container, signal?: AbortSignal): Promise<ExitWatch> {
  const modem = container.modem as unknown as Modem
  return new Promise((resolve, reject) => {
    modem.dial(
      {
        path: `/containers/${container.id}/wait?`,
        method: 'POST',
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error' },
        options: { condition: 'next-exit' }
      },
      (error, result) => {
        if (error) reject(error)
        else resolve(readExit(result as IncomingMessage, signal))
      }
    )
  })
}

function readExit(response: IncomingMessage, signal?: AbortSignal): ExitWatch {
  let body = ''
  let ended = false
  const exited = new Promise<ExitStatus>((resolve, reject) => {
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      if (body.length < 65536) body += chunk
    })
    response.on('end', () => {
      ended = true
      const parsed = parseWaitBody(body)
      if (parsed) resolve(parsed)
      else reject(new EngineLostError('while waiting for the container to exit, without an exit status'))
    })
    const lost = (): void => {
      if (ended) return
      if (signal?.aborted) reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'))
      else reject(new EngineLostError('while waiting for the container to exit'))
    }
    response.on('error', lost)
    response.on('close', lost)
  })
  // Whoever stops caring (the container was judged ready, or timed out) must not leave an unhandled rejection.
  exited.catch(() => {})
  return {
    exited,
    close: () => {
      ended = true
      response.destroy()
    }
  }
}

function parseWaitBody(body: string): ExitStatus | undefined {
  try {
    const json = JSON.parse(body) as { StatusCode?: unknown; Error?: { Message?: string } | null }
    if (typeof json.StatusCode !== 'number') return undefined
    return { statusCode: json.StatusCode, ...(json.Error?.Message ? { error: json.Error.Message } : {}) }
  } catch {
    return undefined
  }
}

export interface OutputFollow {
  /** Settles when the log stream ends (the container exited and everything was read). */
  ended: Promise<void>
  close(): void
}

/**
 * Follows the container's combined output into `collector`, frame by frame, never buffering it whole.
 * Resolves at once, without waiting for the reply's headers: Podman 4 sends them only with the first
 * line of output, so a quiet container (a web server) would hold the smoke entry until its timeout.
 * The logs read from the container's start whenever the reply comes, so nothing is missed.
 */
export async function followOutput(
  container: Docker.Container,
  collector: OutputCollector,
  signal?: AbortSignal
): Promise<OutputFollow> {
  let stream: IncomingMessage | undefined
  let closed = false
  const demuxer = new FrameDemuxer(payload => collector.append(payload))
  const ended = new Promise<void>(resolve => {
    const request = container.logs({
      follow: true,
      stdout: true,
      stderr: true,
      abortSignal: signal
    } as Docker.ContainerLogsOptions & { follow: true }) as unknown as Promise<IncomingMessage>
    // A logs request that fails (the container is gone, the engine stopped) ends the output; the
    // exit watch and the engine calls after it say what happened.
    request.then(
      reply => {
        stream = reply
        if (closed) reply.destroy()
        reply.on('data', (chunk: Buffer) => demuxer.push(chunk))
        reply.on('end', () => resolve())
        reply.on('close', () => resolve())
        reply.on('error', () => resolve())
      },
      () => resolve()
    )
  })
  return {
    ended,
    close: () => {
      closed = true
      stream?.destroy()
    }
  }
}

/** Kills a container; one that already stopped or is gone is fine. */
export async function killQuietly(container: Docker.Container, signal?: AbortSignal): Promise<void> {
  try {
    await container.kill({ abortSignal: signal })
  } catch (error) {
    if (![304, 404, 409].includes(errorCode(error) as number)) throw error
  }
}

/**
 * Waits (a bounded while) until the container listing no longer says `running`. dockerd 28 answers a
 * kill once the container stopped but updates the view that /containers/json reads (and `docker ps`,
 * and this run's inventory) just after (moby daemon/monitor.go: SetStopped, then CheckpointTo the
 * replica); measured 20-50 ms here. A kept container must be listed as stopped in the report.
 */
export async function untilListedStopped(
  docker: Docker,
  id: string,
  signal?: AbortSignal,
  withinMs = 3_000
): Promise<void> {
  const until = Date.now() + withinMs
  for (;;) {
    const options = { all: true, filters: { id: [id] }, abortSignal: signal } as Docker.ContainerListOptions
    const [listed] = await docker.listContainers(options)
    if (!listed || !['running', 'restarting'].includes(listed.State) || Date.now() > until) return
    await sleep(25, signal)
  }
}

/**
 * Removes a container with its anonymous volumes, killing it if it runs. Resolves true when it is gone
 * (also when it already was), false with the reason when the engine refused or could not be reached.
 */
export async function removeQuietly(
  container: Docker.Container,
  signal?: AbortSignal
): Promise<{ removed: boolean; error?: string }> {
  try {
    // Killed first: Podman's forced remove stops a running container with its stop timeout (SIGTERM,
    // then SIGKILL after 10 s; a `sleep` as PID 1 ignores SIGTERM), where dockerd kills at once.
    // A failed kill (gone, already stopped, engine away) is for the remove to report.
    await killQuietly(container, signal).catch(() => {})
    await container.remove({ force: true, v: true, abortSignal: signal })
    return { removed: true }
  } catch (error) {
    const code = errorCode(error)
    if (code === 404) return { removed: true }
    // 409 "removal already in progress": someone (the post step) is removing it.
    if (code === 409 && /already in progress/i.test(messageOf(error))) return { removed: true }
    return { removed: false, error: messageOf(error) }
  }
}
