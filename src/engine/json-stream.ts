// The engine's progress streams (pull, push) are JSON lines. One reader for all of them: each line goes
// to the caller's handler until an error line, a line that is not JSON, the end, or the connection going
// away; a cancel destroys the stream.
import type { Readable } from 'node:stream'
import { CancelledError } from '../errors.js'
import { LineSplitter } from '../lines.js'

/** How a progress stream ended. */
export type StreamEnd =
  | { kind: 'end' }
  /** The handler returned an error (the engine's error line, in its words). */
  | { kind: 'error'; message: string }
  | { kind: 'malformed' }
  /** The connection closed or failed before the stream's end. */
  | { kind: 'lost' }

export const MALFORMED_LINE = 'the engine sent a malformed progress line'

/**
 * Reads `stream` line by line (a partial line, or a UTF-8 character split across chunks, waits for the
 * rest), handing each parsed line to `onEvent`; an error message returned by it ends the read. Resolves
 * with how the stream ended (the stream is destroyed unless it ended by itself); rejects only with
 * CancelledError once `signal` aborts.
 */
export function readJsonLines<Event>(
  stream: Readable,
  onEvent: (event: Event) => string | undefined,
  signal?: AbortSignal
): Promise<StreamEnd> {
  return new Promise<StreamEnd>((resolve, reject) => {
    const lines = new LineSplitter()
    let settled = false
    const finish = (end: StreamEnd | CancelledError): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      if (end instanceof CancelledError) {
        stream.destroy()
        reject(end)
        return
      }
      if (end.kind !== 'end') stream.destroy()
      resolve(end)
    }
    const onAbort = (): void => finish(new CancelledError())
    if (signal?.aborted) return onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    stream.on('data', (chunk: Buffer) => {
      for (const raw of lines.push(chunk)) {
        const line = raw.trim()
        if (line === '') continue
        let event: Event
        try {
          event = JSON.parse(line) as Event
        } catch {
          return finish({ kind: 'malformed' })
        }
        const message = onEvent(event)
        if (message !== undefined) return finish({ kind: 'error', message })
      }
    })
    stream.on('end', () => finish({ kind: 'end' }))
    stream.on('error', () => finish({ kind: 'lost' }))
    stream.on('close', () => finish({ kind: 'lost' }))
  })
}
