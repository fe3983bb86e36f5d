import type { AnnotationTarget, Log, UntrustedBlock } from '../../src/log/log.js'

export interface Annotation {
  level: 'warning' | 'error'
  message: string
  target?: AnnotationTarget
}

/** A Log that keeps everything, for tests that assert what a person would have seen. */
export class RecordingLog implements Log {
  readonly lines: string[] = []
  readonly annotations: Annotation[] = []
  readonly untrustedText: string[] = []
  readonly groups: string[] = []

  info(message: string): void {
    this.lines.push(message)
  }
  warning(message: string, target?: AnnotationTarget): void {
    this.annotations.push({ level: 'warning', message, target })
  }
  error(message: string, target?: AnnotationTarget): void {
    this.annotations.push({ level: 'error', message, target })
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.groups.push(title)
    return fn()
  }
  untrusted(title: string): UntrustedBlock {
    this.groups.push(title)
    return { write: text => void this.untrustedText.push(text), close: () => {} }
  }
  progress(message: string): void {
    this.lines.push(message)
  }
  debug(): void {}

  get text(): string {
    return [...this.lines, ...this.untrustedText].join('\n')
  }
}
