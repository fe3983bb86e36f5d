import { errorCode, messageOf } from '../errors.js'

/** Error codes that mean the engine went away under a call, not that it refused what was asked. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ENOENT'])

/**
 * What the engine said when a call failed, in one line for a person: its own JSON message without
 * docker-modem's "(HTTP code 404) no such container - " prefix; a connection that dropped (the daemon
 * died or restarted) says so, naming what was being done.
 */
export function engineMessage(error: unknown, doing: string): string {
  if (connectionLost(error)) {
    return `the connection to the Docker engine was lost ${doing} (did the Docker daemon stop or restart?)`
  }
  const json = (error as { json?: { message?: unknown } } | undefined)?.json
  if (json && typeof json.message === 'string') return json.message.trim()
  return messageOf(error)
    .replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '')
    .trim()
}

/** True when the call failed because the connection to the engine dropped or could not be made. */
export function connectionLost(error: unknown): boolean {
  const message = messageOf(error)
  return (
    CONNECTION_LOST.has(String(errorCode(error))) || message === 'aborted' || message === 'socket hang up'
  )
}
