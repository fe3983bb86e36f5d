import { PassThrough } from 'node:stream'
import { TerminalLog } from '../src/runtime/terminal-log.js'

function stream(isTTY: boolean): {
  out: PassThrough & { isTTY?: boolean; columns?: number }
  text: () => string
} {
  const out = Object.assign(new PassThrough(), { isTTY, columns: 60 })
  const chunks: string[] = []
  out.on('data', chunk => chunks.push(String(chunk)))
  return { out, text: () => chunks.join('') }
}

/** Carriage return, then erase the line: how the status line is redrawn in place. */
const CLEAR_LINE = '\r\x1b[2K'

const wait = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe('the terminal log', () => {
  test('on a TTY, a long step shows a live status line with its elapsed time, cleared when it ends', async () => {
    const { out, text } = stream(true)
    const log = new TerminalLog(out)
    const block = log.untrusted('Build app:local')
    block.write('Step 1/2 : FROM busybox\n')
    log.progress('pulling busybox: 40%')
    await wait(450)
    const during = text()
    block.close()
    log.dispose()
    await wait(10)
    // Redrawn in place: carriage return and erase-line, the spinner, the title, seconds, the last message.
    const frames = during.split(CLEAR_LINE)
    expect(frames.some(f => /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Build app:local · \ds · pulling busybox: 40%$/.test(f))).toBe(true)
    expect(frames.length).toBeGreaterThan(3)
    expect(text()).toContain('  │ Step 1/2 : FROM busybox\n')
    // The last thing written clears the status line, so the prompt comes back on a clean line.
    expect(text().endsWith(CLEAR_LINE)).toBe(true)
    // No line is longer than the terminal.
    for (const frame of text().split(CLEAR_LINE)) expect(frame.replace(/\n.*/s, '').length).toBeLessThan(60)
  })

  test('off a TTY (a CI log): no cursor movement, progress at most every few seconds', async () => {
    const { out, text } = stream(false)
    const log = new TerminalLog(out)
    const block = log.untrusted('Build')
    log.progress('one')
    log.progress('two')
    await wait(250)
    block.close()
    log.dispose()
    expect(text()).toBe('▶ Build\none\n')
  })

  test('untrusted text cannot move the cursor, recolour or ring the terminal', () => {
    const { out, text } = stream(false)
    const log = new TerminalLog(out)
    const block = log.untrusted('Container \x1b[31mred\x1b[0m')
    block.write('\x1b[2J\x1b[Hcleared?\x07\x08 fine\tok\rnext')
    block.close()
    expect(text()).toBe('▶ Container red\n  │ cleared? fine\tok\n  │ next\n')
  })
})
