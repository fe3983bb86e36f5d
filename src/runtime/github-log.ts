import * as slimCore from './actions-core.js'
import type { ActionsCore } from './actions-core.js'
import type { AnnotationTarget, Log, UntrustedBlock } from '../log/log.js'
import { CommandGuard, normalizeLines, stripAnsi } from '../log/untrusted.js'

/**
 * Could the runner read any line of this as a workflow command? It obeys `::cmd::` at the start of a line
 * (after leading white space) and `##[cmd]` anywhere in one, and splits lines on `\r` as well as `\n`
 * (see __tests__/helpers/runner-commands.ts for the runner source this follows). This errs on the side
 * of yes: `::` anywhere, and invisible format or control characters are ignored first, because the
 * runner's .NET string searches are culture-sensitive and may skip such characters (a soft hyphen
 * between the two colons, say).
 */
export function mightBeCommand(text: string): boolean {
  if (text.includes('\r')) return true
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\p{Cf}\x00-\x09\x0b-\x1f\x7f-\x9f]/gu, '')
  return visible.includes('::') || visible.includes('##[')
}

/**
 * The Log for a GitHub Actions job. Untrusted text that could act as a workflow command is written
 * between `::stop-commands::TOKEN` and `::TOKEN::`, one write at a time: each write is a whole number of
 * lines, so nothing else (another container's output, our own `::error::` annotations, group markers) is
 * ever written while commands are suspended. Text that cannot act as a command is written as it is, so
 * the log is not cluttered with guard lines.
 */
export class GitHubLog implements Log {
  constructor(
    private readonly write: (text: string) => void = text => process.stdout.write(text),
    private readonly core: ActionsCore = slimCore
  ) {}

  info(message: string): void {
    // Our own lines can carry engine-provided values; guard them when they could act as commands.
    if (mightBeCommand(message)) this.guarded(message)
    else this.core.info(message)
  }

  warning(message: string, target?: AnnotationTarget): void {
    this.core.warning(message, target) // core escapes the message data and properties of annotation commands
  }

  error(message: string, target?: AnnotationTarget): void {
    this.core.error(message, target)
  }

  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return this.core.group(title, fn) // core escapes the title: a newline in it cannot start a new line
  }

  untrusted(title: string): UntrustedBlock {
    this.core.startGroup(title)
    let closed = false
    return {
      write: (text: string) => {
        if (!closed && text !== '') this.guarded(text)
      },
      close: () => {
        if (closed) return
        closed = true
        this.core.endGroup()
      }
    }
  }

  progress(message: string): void {
    this.info(message)
  }

  debug(message: string): void {
    if (mightBeCommand(message)) {
      if (this.core.isDebug()) this.guarded(message)
    } else this.core.debug(message)
  }

  /** Writes the text as whole lines; guarded, in a single write, when any line could be a command. */
  private guarded(text: string): void {
    const lines = normalizeLines(stripAnsi(text))
    if (mightBeCommand(lines)) this.write(new CommandGuard().wrap(lines))
    else this.write(`${lines}\n`)
  }
}
