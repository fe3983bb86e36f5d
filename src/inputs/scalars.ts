// Scalar input values (lists, durations, sizes) parsed with no other module of this project, so the smoke
// spec parser and the input parser can both use them without importing each other.
import bytes from 'bytes-iec'
import parseDuration from 'parse-duration'

/** Non-empty trimmed lines. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))
}

/** A comma or newline separated list. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(Boolean)
}

/** `30s`, `2m`, `1m30s`, `500ms`; a bare number is seconds, like `docker run --stop-timeout`. */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000
  if (!/^(\d+(\.\d+)?\s*[a-zµ]+\s*)+$/i.test(trimmed)) return undefined
  const ms = parseDuration(trimmed)
  return ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0 ? undefined : Math.round(ms)
}

/** `250MB` (decimal, like docker), `1.5GiB` (binary), a bare number is bytes. */
export function parseSize(text: string): number | undefined {
  if (!/^\s*\d+(\.\d+)?\s*([kmgtp]i?b?|b)?\s*$/i.test(text)) return undefined
  const parsed = bytes.parse(text.trim())
  return parsed === null || !Number.isFinite(parsed) || parsed <= 0 ? undefined : parsed
}

/** `0.95` or `95%` as 0.95; undefined unless between 0 and 1. */
export function parseRatio(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(text)
  if (!match) return undefined
  const value = Number(match[1]) / (match[2] ? 100 : 1)
  return value >= 0 && value <= 1 ? value : undefined
}
