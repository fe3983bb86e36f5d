// Small helpers for deadlines and cancellation as AbortSignals.
//
// Why not AbortSignal.any([parent, AbortSignal.timeout(ms)])? On Node 20 the timeout signal inside it is
// held only weakly and can be garbage collected before it fires (nodejs/node#57736): the deadline then
// never comes, and a call to an engine that stopped answering hangs. Seen here in the engine check under
// load. `deadline` keeps its own timer, which holds its controller strongly.

/** Rejects with the signal's reason as soon as it aborts, for calls that take no signal themselves. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) {
    promise.catch(() => {})
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      error => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

/** Resolves after `ms`, or rejects when the signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    // Polls sleep on one signal many times: each sleep takes its listener away again.
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * A signal that aborts after `ms` (with `reason`, a TimeoutError by default) or when `parent` aborts;
 * `dispose` clears the timer. The timer is unref'd: a pending deadline alone does not keep node running.
 */
export function deadline(
  ms: number,
  reason: Error = new DOMException('The operation timed out', 'TimeoutError'),
  parent?: AbortSignal
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(reason), ms)
  timer.unref()
  const onParentAbort = (): void => controller.abort(parent?.reason)
  if (parent?.aborted) controller.abort(parent.reason)
  else parent?.addEventListener('abort', onParentAbort, { once: true })
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParentAbort)
    }
  }
}

/** A controller that also aborts when `parent` does; `dispose` stops following the parent. */
export function childController(parent?: AbortSignal): { controller: AbortController; dispose(): void } {
  const controller = new AbortController()
  const onParentAbort = (): void => controller.abort(parent?.reason)
  if (parent?.aborted) controller.abort(parent.reason)
  else parent?.addEventListener('abort', onParentAbort, { once: true })
  return { controller, dispose: () => parent?.removeEventListener('abort', onParentAbort) }
}
