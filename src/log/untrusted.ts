import { randomHex } from '../ids.js'

/**
 * Brackets untrusted text so the Actions runner treats none of it as a workflow command.
 *
 * The runner obeys `::cmd::` at the start of a line and `##[cmd]` anywhere in a line, and it splits lines
 * on `\r` as well as `\n`. While `::stop-commands::TOKEN` is in force it obeys nothing but `::TOKEN::`,
 * and the token is fresh random bytes the untrusted text cannot know.
 */
export class CommandGuard {
  readonly token: string

  constructor(token = randomHex(16)) {
    this.token = token
  }

  get open(): string {
    return `::stop-commands::${this.token}`
  }

  get close(): string {
    return `::${this.token}::`
  }

  /** Lines ready to print: the guard, the text with line endings normalised, and the resume line. */
  wrap(text: string): string {
    return `${this.open}\n${normalizeLines(text)}\n${this.close}\n`
  }
}

/** Every `\r\n` and lone `\r` becomes `\n`; a trailing newline is dropped. */
export function normalizeLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '')
}

/** Removes ANSI escape sequences (colours, cursor moves) that a build or container may emit. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '')
}
