// The one logging surface every stage writes to. Stages never touch @actions/core or stdout themselves:
// the GitHub runtime and the terminal each provide a Log (src/runtime/*), and tests provide a recording one.

/** Where an annotation points: a file in the workspace and a line in it. */
export interface AnnotationTarget {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
}

export interface Log {
  /** A line the action wrote itself (trusted). */
  info(message: string): void
  warning(message: string, target?: AnnotationTarget): void
  error(message: string, target?: AnnotationTarget): void
  /** A collapsible section around whatever `fn` logs. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
  /**
   * Text from a build or a container. It must never be able to act as a workflow command, so it is
   * written inside a block that the runtime guards (see runtime/github.ts). Call `write` any number of
   * times, then `close` (in a finally).
   */
  untrusted(title: string): UntrustedBlock
  /** A transient status line for long steps (pull, build); the terminal redraws it, Actions prints it. */
  progress(message: string): void
  debug(message: string): void
}

export interface UntrustedBlock {
  write(text: string): void
  close(): void
}

/** A Log that forgets everything; for library callers that want no output. */
export const silentLog: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  group: (_title, fn) => fn(),
  untrusted: () => ({ write: () => {}, close: () => {} }),
  progress: () => {},
  debug: () => {}
}
