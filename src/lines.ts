import { StringDecoder } from 'node:string_decoder'

/** Splits chunks into complete lines, holding a partial line (and a split UTF-8 character) until it ends. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''

  push(chunk: Buffer | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk)
    const lines = this.pending.split('\n')
    this.pending = lines.pop() ?? ''
    return lines
  }

  /** What is left at the end of the stream. */
  end(): string[] {
    const rest = this.pending + this.decoder.end()
    this.pending = ''
    return rest === '' ? [] : [rest]
  }
}
