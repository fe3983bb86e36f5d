import type { AnnotationTarget, Log, UntrustedBlock } from '../log/log.js'
import { normalizeLines, stripAnsi } from '../log/untrusted.js'
import { terminalText } from '../report/escape.js'
import { formatElapsed, oneLine } from '../format.js'

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
/** How often the status line is redrawn on a TTY. */
const TICK_MS = 200
/** Off a TTY, progress messages are printed at most this often (a CI log is not a screen). */
const PLAIN_PROGRESS_EVERY_MS = 5_000

/**
 * The Log for a terminal or another CI system. On a TTY, a status line at the bottom shows the step in
 * progress (a group, or a build's or container's output), its elapsed time and the latest progress
 * message, redrawn in place; everything else scrolls above it. Elsewhere, progress prints at most a line
 * every few seconds. Untrusted text is indented under its title, with escape sequences removed so
 * container output cannot move the cursor or recolour the terminal.
 */
export class TerminalLog implements Log {
  private statusShown = false
  private lastPlainProgressAt = 0
  private lastProgress = ''
  private readonly activities: { title: string; started: number }[] = []
  private ticker: NodeJS.Timeout | undefined
  private frame = 0

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number } = process.stderr,
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
    const clean = oneLine(terminalText(title))
    this.line(`▶ ${clean}`)
    const end = this.begin(clean)
    try {
      return await fn()
    } finally {
      end()
    }
  }

  untrusted(title: string): UntrustedBlock {
    const clean = oneLine(terminalText(title))
    this.line(`▶ ${clean}`)
    const end = this.begin(clean)
    let closed = false
    return {
      write: text => {
        if (closed) return
        for (const l of normalizeLines(stripAnsi(text)).split('\n')) this.line(`  │ ${terminalText(l, true)}`)
      },
      close: () => {
        if (closed) return
        closed = true
        end()
      }
    }
  }

  progress(message: string): void {
    this.lastProgress = oneLine(terminalText(message))
    if (this.out.isTTY) {
      this.drawStatus()
    } else if (Date.now() - this.lastPlainProgressAt > PLAIN_PROGRESS_EVERY_MS) {
      this.lastPlainProgressAt = Date.now()
      this.out.write(`${this.lastProgress}\n`)
    }
  }

  debug(message: string): void {
    if (this.verbose) this.line(`debug: ${stripAnsi(message)}`)
  }

  /** Clears the status line and stops redrawing it; call once the run is over. */
  dispose(): void {
    this.activities.length = 0
    this.stopTicker()
    this.clearStatus()
  }

  /** Starts a step shown on the status line; returns what ends it. */
  private begin(title: string): () => void {
    const activity = { title, started: Date.now() }
    this.activities.push(activity)
    this.lastProgress = ''
    if (this.out.isTTY && !this.ticker) {
      this.ticker = setInterval(() => {
        this.frame = (this.frame + 1) % SPINNER.length
        this.drawStatus()
      }, TICK_MS)
      this.ticker.unref()
    }
    return () => {
      const index = this.activities.lastIndexOf(activity)
      if (index >= 0) this.activities.splice(index, 1)
      this.lastProgress = ''
      if (this.activities.length === 0) {
        this.stopTicker()
        this.clearStatus()
      }
    }
  }

  private drawStatus(): void {
    if (!this.out.isTTY) return
    const activity = this.activities.at(-1)
    const parts: string[] = []
    if (activity) {
      parts.push(`${SPINNER[this.frame]} ${activity.title}`)
      parts.push(formatElapsed(Date.now() - activity.started))
    }
    if (this.lastProgress) parts.push(this.lastProgress)
    if (parts.length === 0) return
    const width = this.out.columns ?? 100
    this.out.write(`\r\x1b[2K${parts.join(' · ').slice(0, Math.max(10, width - 1))}`)
    this.statusShown = true
  }

  private clearStatus(): void {
    if (!this.statusShown) return
    this.out.write('\r\x1b[2K')
    this.statusShown = false
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = undefined
  }

  private line(text: string): void {
    this.clearStatus()
    this.out.write(`${text}\n`)
    // Keep the status line under whatever scrolled past.
    if (this.activities.length > 0) this.drawStatus()
  }
}

function where(target: AnnotationTarget | undefined): string {
  if (!target?.file) return ''
  return `${target.file}${target.startLine ? `:${target.startLine}` : ''}: `
}
