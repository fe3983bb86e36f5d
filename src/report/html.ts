import { escapeHtml } from './escape.js'

// A few pure builders for the job summary's HTML, shaped like core.summary's own (addTable, addDetails,
// addHeading). Renderers stay pure functions returning a string; only the runtime writes it with
// core.summary, so the same renderers serve tests and the terminal's --summary-file.

/** A cell's content is already escaped HTML (use escapeMarkdown/escapeHtml on untrusted text first). */
export type Cell = string | { html: string; header?: boolean; colspan?: number }

export function table(headers: string[], rows: Cell[][]): string {
  const head = `<tr>${headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`
  const body = rows
    .map(row => {
      const cells = row.map(cell => {
        if (typeof cell === 'string') return `<td>${cell}</td>`
        const tag = cell.header ? 'th' : 'td'
        const span = cell.colspan ? ` colspan="${cell.colspan}"` : ''
        return `<${tag}${span}>${cell.html}</${tag}>`
      })
      return `<tr>${cells.join('')}</tr>`
    })
    .join('')
  return `<table>${head}${body}</table>\n`
}

/** A folded block; `summaryText` is trusted text, `bodyHtml` already-escaped HTML. */
export function details(summaryText: string, bodyHtml: string): string {
  return `<details><summary>${escapeHtml(summaryText)}</summary>\n\n${bodyHtml}\n</details>\n`
}

export function heading(text: string, level: 1 | 2 | 3 = 2): string {
  return `<h${level}>${escapeHtml(text)}</h${level}>\n`
}

export function paragraph(html: string): string {
  return `<p>${html}</p>\n`
}
