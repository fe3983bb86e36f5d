import { oneLine } from '../format.js'
import { stripAnsi } from '../log/untrusted.js'

// The job summary is Markdown with HTML; core.summary escapes nothing. Every untrusted string (image
// names, labels, commands, container output, daemon warnings) goes through one of these first.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const entity = (c: string): string => HTML[c] ?? `&#${c.charCodeAt(0)};`

/** Safe inside HTML elements and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, entity)
}

/**
 * Safe inside a summary table cell or a line of Markdown: HTML-escaped, and Markdown's active characters
 * turned into entities so `|`, backticks, `*`, `_`, `[`, `]` and friends are shown, not obeyed. Line
 * breaks become spaces so a cell cannot end a table row. One pass, so no entity is escaped twice.
 */
export function escapeMarkdown(text: string): string {
  return withoutControls(text)
    .replace(/[&<>"'\\`*_{}[\]()#+\-!|~:]/g, entity)
    .replace(/\r\n?|\n/g, ' ')
}

/** Colour codes and control characters (a bell, a backspace) mean nothing in a summary: dropped. */
function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return stripAnsi(text).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
}

/**
 * Untrusted multi-line text for a <pre> block. HTML-escaped so `</pre>` or `<details>` stay text; the
 * characters Markdown acts on become entities too (they render the same inside <pre>), so the text stays
 * inert even if a renderer ended the HTML block early.
 */
export function escapePre(text: string): string {
  return withoutControls(text).replace(/[&<>"'\\`*_[\]|~]/g, entity)
}

/** An untrusted value for a table cell: one line, at most `max` characters, escaped. */
export function cell(text: string, max = 200): string {
  return escapeMarkdown(oneLine(text, max))
}

/** An untrusted value as inline code in a cell (escaped; entities render inside <code>). */
export function codeCell(text: string, max = 200): string {
  return `<code>${cell(text, max)}</code>`
}

/**
 * A label inside a Mermaid block. Mermaid has its own syntax (quotes end a label, `;` and newlines end a
 * statement, brackets open shapes, `#...;` is an entity, `%%` a comment) and the block sits in Markdown,
 * where a backtick run could close the fence. Only letters, digits and a few harmless punctuation marks
 * survive; everything else becomes a space.
 */
export function mermaidLabel(text: string, max = 40): string {
  return oneLine(text.replace(/[^\p{L}\p{N} ._\-/:@=+,]/gu, ' '), max) || 'unnamed'
}

/**
 * Untrusted text for a terminal: escape sequences and control characters removed (they could move the
 * cursor, clear the screen or recolour the terminal). Newlines stay when `multiline`, else become spaces.
 */
export function terminalText(text: string, multiline = false): string {
  const stripped = stripAnsi(text).replace(/\r\n?/g, '\n')
  // eslint-disable-next-line no-control-regex
  const clean = stripped.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '')
  return multiline ? clean : clean.replace(/[\n\t]+/g, ' ')
}
