import { expect } from '@jest/globals'

const FENCE = /\n```mermaid\n([\s\S]*?)\n```\n/g

/**
 * Asserts that untrusted text in a job summary is inert: outside the Mermaid blocks (our own fences) there
 * is no raw `<script>`, comment, backtick, `|`, Markdown link, and every <details>/<pre>/<table> tag is one
 * of ours (balanced, tables on one line, so a newline cannot end a row); inside the Mermaid blocks every
 * quoted label holds only harmless characters.
 */
export function expectInert(summary: string): void {
  const charts = [...summary.matchAll(FENCE)].map(m => m[1]!)
  const html = summary.replace(FENCE, '\n')
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toContain('<!--')
  expect(html).not.toContain('-->')
  expect(html).not.toContain('`')
  expect(html).not.toContain('|')
  expect(html).not.toContain('](')
  expect(html).not.toContain('<summary>x</summary>')
  const count = (tag: string): number => html.split(tag).length - 1
  expect(count('<details>')).toBe(count('</details>'))
  expect(count('<details>')).toBe(count('<details><summary>'))
  expect(count('<pre>')).toBe(count('</pre>'))
  expect(count('<table>')).toBe(count('</table>'))
  // Inside <pre> a newline is just a newline; everywhere else an untrusted one must not start a line.
  for (const line of html.replace(/<pre>[\s\S]*?<\/pre>/g, '<pre></pre>').split('\n')) {
    if (line.startsWith('<table>')) expect(line.endsWith('</table>')).toBe(true)
    expect(line).not.toMatch(/^(second line|::error::)/)
  }
  for (const chart of charts) {
    // Our own syntax lines (an axis range, the time axis format) are the only ones that may hold these.
    const own = /^ {4}(y-axis "\w+" 0 --> [\d.]+|axisFormat %M:%S)$/gm
    expect(chart.replace(own, '')).not.toMatch(/[;`<>#%|{}]/)
    for (const [, label] of chart.matchAll(/"([^"\n]*)"/g))
      expect(label).toMatch(/^[\p{L}\p{N} ._\-/:@=+,()…]*$/u)
  }
}
