import type { AnnotationTarget, Log, UntrustedBlock } from '../log/log.js'
import { normalizeLines, stripAnsi } from '../log/untrusted.js'

/**
 * The Log for a terminal or another CI system. Progress redraws one line on a TTY and prints at most a
 * line every few seconds elsewhere. Untrusted text is indented under its title, with escape sequences
 * removed so container output cannot move the cursor or recolour the terminal.
 */
export class TerminalLog implements Log {
  private progressShown = false
  private lastProgressAt = 0

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
    private readonly verbose = false
  ) {}

  info(message: string): void {
    this.line(stripAnsi(message))
  }

  warning(message: string, target?: AnnotationTarget): void {
    this.line(`warning: ${where(target)}${stripAnsi(message)}`)
  }

  error(message: string, target?: AnnotationTarget): void {
    this.line(`error: ${where(target)}${stripAnsi(message)}`)
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.line(`▶ ${title}`)
    return fn()
  }

  untrusted(title: string): UntrustedBlock {
    this.line(`▶ ${stripAnsi(title)}`)
    return {
      write: text => {
        for (const l of normalizeLines(stripAnsi(text)).split('\n')) this.line(`  │ ${l}`)
      },
      close: () => {}
    }
  }

  progress(message: string): void {
    const text = stripAnsi(message).replace(/\s+/g, ' ')
    if (this.out.isTTY) {
      const width = (this.out as { columns?: number }).columns ?? 100
      this.out.write(`\r\x1b[2K${text.slice(0, width - 1)}`)
      this.progressShown = true
    } else if (Date.now() - this.lastProgressAt > 5_000) {
      this.lastProgressAt = Date.now()
      this.out.write(`${text}\n`)
    }
  }

  debug(message: string): void {
    if (this.verbose) this.line(`debug: ${stripAnsi(message)}`)
  }

  private line(text: string): void {
    if (this.progressShown) {
      this.out.write('\r\x1b[2K')
      this.progressShown = false
    }
    this.out.write(`${text}\n`)
  }
}

function where(target: AnnotationTarget | undefined): string {
  if (!target?.file) return ''
  return `${target.file}${target.startLine ? `:${target.startLine}` : ''}: `
}
