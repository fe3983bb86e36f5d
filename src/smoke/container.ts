// The engine calls one smoke container needs, with the traps measured on dockerode 5 handled here:
// - wait is a streaming request opened (condition next-exit) before start; a connection that closes
//   without a status means the engine went away, and is an error (a plain wait never settles then);
// - logs are followed as a multiplexed stream and split as they arrive;
// - kill and remove tolerate a container that already exited or is already gone (304, 404, 409).
import type { IncomingMessage } from 'node:http'
import { EngineError, type EngineClient } from '../engine/client.js'
import { messageOf } from '../errors.js'
import { FrameDemuxer, type OutputCollector } from './output.js'
import { sleep } from '../signals.js'

export interface ExitStatus {
  statusCode: number
  /** The engine's own error for the wait (rare), if any. */
  error?: string
}

export interface ExitWatch {
  /** Settles with the exit status; rejects with an EngineError (lost) when the connection closes without one. */
  exited: Promise<ExitStatus>
  /** Ends the request (once the result no longer matters). */
  close(): void
}

/**
 * Opens `POST /containers/{id}/wait?condition=next-exit` and resolves once the engine has answered
 * with headers: from then on the wait is registered, so `start` may follow without a race.
 */
export async function watchExit(client: EngineClient, id: string, signal?: AbortSignal): Promise<ExitWatch> {
  return readExit(client, await client.containers.waitNextExit(id, signal), signal)
}

function readExit(client: EngineClient, response: IncomingMessage, signal?: AbortSignal): ExitWatch {
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
      else reject(client.lost('waiting for the container to exit, without an exit status'))
    })
    const lost = (): void => {
      if (ended) return
      if (signal?.aborted) reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'))
      else reject(client.lost('waiting for the container to exit'))
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
  /**
   * Settles when the log stream ends (the container exited and everything was read): true when the
   * reply ended normally, false when it failed or was cut off (then only part of it was collected).
   */
  ended: Promise<boolean>
  close(): void
}

/**
 * Follows the container's combined output into `collector`, frame by frame, never buffering it whole.
 * Resolves at once, without waiting for the reply's headers: Podman 4 sends them only with the first
 * line of output, so a quiet container (a web server) would hold the smoke entry until its timeout.
 * The logs read from the container's start whenever the reply comes, so nothing is missed. With
 * `follow: false`, what a stopped container wrote, read once.
 */
export async function followOutput(
  client: EngineClient,
  id: string,
  collector: OutputCollector,
  signal?: AbortSignal,
  options: { follow?: boolean } = {}
): Promise<OutputFollow> {
  let stream: IncomingMessage | undefined
  let closed = false
  const demuxer = new FrameDemuxer(payload => collector.append(payload))
  const ended = new Promise<boolean>(resolve => {
    const request = client.containers.logs(id, signal, options)
    // A logs request that fails (the container is gone, the engine stopped) ends the output; the
    // exit watch and the engine calls after it say what happened.
    request.then(
      reply => {
        stream = reply
        if (closed) reply.destroy()
        reply.on('data', (chunk: Buffer) => demuxer.push(chunk))
        reply.on('end', () => resolve(true))
        reply.on('close', () => resolve(reply.complete))
        reply.on('error', () => resolve(false))
      },
      () => resolve(false)
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

/** What a stopped container wrote, read whole into `collector`; true when all of it was read. */
export async function readOutput(
  client: EngineClient,
  id: string,
  collector: OutputCollector,
  signal?: AbortSignal
): Promise<boolean> {
  return (await followOutput(client, id, collector, signal, { follow: false })).ended
}

/** Kills a container; one that already stopped or is gone is fine. */
export async function killQuietly(client: EngineClient, id: string, signal?: AbortSignal): Promise<void> {
  try {
    await client.containers.kill(id, signal)
  } catch (error) {
    if (!(error instanceof EngineError && [304, 404, 409].includes(error.status ?? 0))) throw error
  }
}

/**
 * Waits (a bounded while) until the container listing no longer says `running`. dockerd 28 answers a
 * kill once the container stopped but updates the view that /containers/json reads (and `docker ps`,
 * and this run's inventory) just after (moby daemon/monitor.go: SetStopped, then CheckpointTo the
 * replica); measured 20-50 ms here. A kept container must be listed as stopped in the report.
 */
export async function untilListedStopped(
  client: EngineClient,
  id: string,
  signal?: AbortSignal,
  withinMs = 3_000
): Promise<void> {
  const until = Date.now() + withinMs
  for (;;) {
    const [listed] = await client.containers.list({ all: true, filters: { id: [id] } }, signal)
    if (!listed || !['running', 'restarting'].includes(listed.State) || Date.now() > until) return
    await sleep(25, signal)
  }
}

/**
 * Removes a container with its anonymous volumes, killing it if it runs. Resolves true when it is gone
 * (also when it already was), false with the reason when the engine refused or could not be reached.
 * `exited`: the container's exit was seen (its wait answered) and nothing restarts it, so there is
 * nothing to kill and the kill's round trip (a 409) is skipped.
 */
export async function removeQuietly(
  client: EngineClient,
  id: string,
  signal?: AbortSignal,
  options: { exited?: boolean } = {}
): Promise<{ removed: boolean; error?: string }> {
  try {
    // Killed first: Podman's forced remove stops a running container with its stop timeout (SIGTERM,
    // then SIGKILL after 10 s; a `sleep` as PID 1 ignores SIGTERM), where dockerd kills at once.
    // A failed kill (gone, already stopped, engine away) is for the remove to report.
    if (!options.exited) await killQuietly(client, id, signal).catch(() => {})
    await client.containers.remove(id, { force: true }, signal)
    return { removed: true }
  } catch (error) {
    const code = error instanceof EngineError ? error.status : undefined
    if (code === 404) return { removed: true }
    // 409 "removal already in progress": someone (the post step) is removing it.
    if (code === 409 && /already in progress/i.test(messageOf(error))) return { removed: true }
    return { removed: false, error: messageOf(error) }
  }
}
