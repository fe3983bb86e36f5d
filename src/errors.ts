/**
 * A failure the user can act on. Its message is the whole story (what, where, what to check): runtimes
 * print it as one line with no stack trace. Anything else that escapes is a bug and keeps its stack.
 */
export class PreflightError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'PreflightError'
  }
}

/** A run aborted by a signal (the job was cancelled). */
export class CancelledError extends PreflightError {
  constructor(reason = 'the run was cancelled') {
    super(reason)
    this.name = 'CancelledError'
  }
}

/** The message of any thrown value, without a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

/** An error code Node or docker-modem attached (ENOENT, ECONNREFUSED, ...), or HTTP status as a number. */
export function errorCode(error: unknown): string | number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const e = error as { code?: unknown; statusCode?: unknown; cause?: unknown }
  if (typeof e.statusCode === 'number') return e.statusCode
  if (typeof e.code === 'string' || typeof e.code === 'number') return e.code
  return e.cause ? errorCode(e.cause) : undefined
}

/** Throws a CancelledError when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError()
}
