import { escapeHtml, escapeMarkdown, escapePre } from './escape.js'

// A few pure builders for the job summary's HTML, shaped like core.summary's own (addTable, addDetails,
// addHeading). Renderers stay pure functions returning a string; only the runtime writes it with
// core.summary, so the same renderers serve tests and the terminal's --summary-file.

/** A cell's content is already escaped HTML (use escapeMarkdown/escapeHtml on untrusted text first). */
export type Cell = string | { html: string; header?: boolean; colspan?: number }

export function table(headers: string[], rows: Cell[][]): string {
  return `${tableStart(headers)}${rows.map(tableRow).join('')}</table>\n`
}

/** The opening tag and header row, for tables whose rows are rendered (and budgeted) one by one. */
export function tableStart(headers: string[]): string {
  return `<table><tr>${headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`
}

export function tableRow(row: Cell[]): string {
  let html = '<tr>'
  for (const cell of row) {
    if (typeof cell === 'string') {
      html += `<td>${cell}</td>`
      continue
    }
    const tag = cell.header ? 'th' : 'td'
    const span = cell.colspan ? ` colspan="${cell.colspan}"` : ''
    html += `<${tag}${span}>${cell.html}</${tag}>`
  }
  return `${html}</tr>`
}

/**
 * A folded block; `summaryText` is plain text (escaped here, so it may hold a container's name),
 * `bodyHtml` already-escaped HTML. The blank lines let GitHub render Markdown (a Mermaid fence) inside.
 */
export function details(summaryText: string, bodyHtml: string): string {
  return `<details><summary>${escapeMarkdown(summaryText)}</summary>\n\n${bodyHtml}\n</details>\n`
}

export function heading(text: string, level: 1 | 2 | 3 = 2): string {
  return `<h${level}>${escapeHtml(text)}</h${level}>\n`
}

export function paragraph(html: string): string {
  return `<p>${html}</p>\n`
}

/**
 * Untrusted multi-line text in a <pre>. It starts its own line after a blank one, so Markdown treats it as
 * a <pre> HTML block that only `</pre>` ends (and the text cannot contain one: it is escaped).
 */
export function pre(untrustedText: string): string {
  return `\n<pre>${escapePre(untrustedText)}</pre>\n\n`
}

/** A Mermaid diagram; every label in `source` must already have gone through mermaidLabel(). */
export function mermaid(source: string): string {
  return `\n\`\`\`mermaid\n${source}\n\`\`\`\n\n`
}
