/**
 * Turns SIGINT/SIGTERM into an AbortSignal. The runner cancels a job with SIGINT, then SIGTERM 7.5 s
 * later: the first signal aborts whatever is in progress (builds, pulls, waits) so cleanup can run; a
 * second one means cleanup itself is stuck, and the process exits at once, non-zero.
 */
export interface Cancellation {
  signal: AbortSignal
  /** Removes the handlers (call when the run is over). */
  dispose(): void
}

export function onTermination(notify: (signalName: string) => void = () => {}): Cancellation {
  const controller = new AbortController()
  let received = 0
  const handler = (signalName: NodeJS.Signals): void => {
    received++
    if (received === 1) {
      notify(signalName)
      controller.abort(new Error(`received ${signalName}`))
    } else {
      process.exit(signalName === 'SIGINT' ? 130 : 143)
    }
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    }
  }
}
