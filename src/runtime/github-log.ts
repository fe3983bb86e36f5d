import * as core from '@actions/core'
import type { AnnotationTarget, Log, UntrustedBlock } from '../log/log.js'
import { CommandGuard, normalizeLines, stripAnsi } from '../log/untrusted.js'

/** Could the runner read this as a workflow command? (`::` at a line start, `##[` anywhere, or `\r`.) */
export function mightBeCommand(text: string): boolean {
  return text.includes('::') || text.includes('##[') || text.includes('\r')
}

/**
 * The Log for a GitHub Actions job. Untrusted text is written between `::stop-commands::TOKEN` and
 * `::TOKEN::`. Blocks may overlap (parallel smoke containers): the guard is reference-counted, so
 * commands resume only when the last open block closes.
 */
export class GitHubLog implements Log {
  private guard: CommandGuard | undefined
  private openBlocks = 0

  constructor(private readonly write: (text: string) => void = text => process.stdout.write(text)) {}

  info(message: string): void {
    // Our own lines can carry engine-provided values; guard them when they could act as commands.
    if (mightBeCommand(message)) this.guarded(message)
    else core.info(message)
  }

  warning(message: string, target?: AnnotationTarget): void {
    core.warning(message, target) // core escapes the message data of annotation commands
  }

  error(message: string, target?: AnnotationTarget): void {
    core.error(message, target)
  }

  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(title, fn)
  }

  untrusted(title: string): UntrustedBlock {
    core.startGroup(title)
    this.openGuard()
    let closed = false
    return {
      write: (text: string) => {
        if (!closed && text !== '') this.write(`${normalizeLines(stripAnsi(text))}\n`)
      },
      close: () => {
        if (closed) return
        closed = true
        this.closeGuard()
        core.endGroup()
      }
    }
  }

  progress(message: string): void {
    this.info(message)
  }

  debug(message: string): void {
    if (mightBeCommand(message)) {
      if (core.isDebug()) this.guarded(message)
    } else core.debug(message)
  }

  private guarded(text: string): void {
    this.openGuard()
    this.write(`${normalizeLines(stripAnsi(text))}\n`)
    this.closeGuard()
  }

  private openGuard(): void {
    if (this.openBlocks++ === 0) {
      this.guard = new CommandGuard()
      this.write(`${this.guard.open}\n`)
    }
  }

  private closeGuard(): void {
    if (--this.openBlocks === 0 && this.guard) {
      this.write(`${this.guard.close}\n`)
      this.guard = undefined
    }
  }
}
