import type { AnnotationTarget, Log, UntrustedBlock } from './log.js'

/**
 * A Log that holds what it is given until `release()`, then replays it in order and passes everything
 * straight through. The pipeline hands one to the smoke stage while the build still streams its log, so
 * a container that finishes early cannot land inside the build's group (or inside its guarded block,
 * where the runner would ignore its annotations). Progress lines are transient and are dropped while held.
 */
export class DeferredLog implements Log {
  private held: ((log: Log) => void)[] | undefined = []

  constructor(private readonly target: Log) {}

  /** Replays what was held and stops holding. Safe to call more than once. */
  release(): void {
    const held = this.held
    this.held = undefined
    for (const replay of held ?? []) replay(this.target)
  }

  private send(call: (log: Log) => void): void {
    if (this.held) this.held.push(call)
    else call(this.target)
  }

  info(message: string): void {
    this.send(log => log.info(message))
  }

  warning(message: string, target?: AnnotationTarget): void {
    this.send(log => log.warning(message, target))
  }

  error(message: string, target?: AnnotationTarget): void {
    this.send(log => log.error(message, target))
  }

  debug(message: string): void {
    this.send(log => log.debug(message))
  }

  progress(message: string): void {
    if (!this.held) this.target.progress(message)
  }

  /** While held, the title becomes a plain line: a group cannot be replayed around work already done. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    if (!this.held) return this.target.group(title, fn)
    this.info(title)
    return fn()
  }

  /**
   * While held, a block is buffered; on release it is opened for real at its place in the order, and a
   * block still open then goes on live (a build's log keeps streaming once the engine check is done).
   */
  untrusted(title: string): UntrustedBlock {
    if (!this.held) return this.target.untrusted(title)
    const chunks: string[] = []
    let live: UntrustedBlock | undefined
    let closed = false
    this.send(log => {
      live = log.untrusted(title)
      for (const chunk of chunks.splice(0)) live.write(chunk)
      if (closed) live.close()
    })
    return {
      write: text => {
        if (live) live.write(text)
        else chunks.push(text)
      },
      close: () => {
        if (live) live.close()
        else closed = true
      }
    }
  }
}
