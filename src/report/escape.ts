// The job summary is Markdown with HTML; core.summary escapes nothing. Every untrusted string (image
// names, labels, commands, container output, daemon warnings) goes through one of these first.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe inside HTML elements and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => HTML[c]!)
}

/**
 * Safe inside a summary table cell or a line of Markdown: HTML-escaped, and Markdown's active characters
 * turned into entities so `|`, backticks, `*`, `_`, `[`, `]` and friends are shown, not obeyed. Line
 * breaks become spaces so a cell cannot end a table row.
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/[\\`*_{}[\]()#+\-!|~:]/g, c => `&#${c.charCodeAt(0)};`)
    .replace(/\r\n?|\n/g, ' ')
}

/** Untrusted multi-line text for a <pre> block: HTML-escaped, no Markdown is parsed inside <pre>. */
export function escapePre(text: string): string {
  return escapeHtml(text)
}
