// How numbers and text read wherever a person sees them: the log, the summary, the text and JSON reports,
// failure sentences. One module so the same value never prints two ways. Durations and sizes print the
// way the inputs take them (`smoke-timeout: 1m30s`, `max-image-size: 250MB`), so a message can be pasted
// back into an input.

/**
 * Decimal units with three significant digits, as `docker image ls` shows sizes (go-units
 * HumanSizeWithPrecision(size, 3)): `977B`, `1.5MB`, `4.26MB`, `123MB`, `1.23GB`.
 */
export function formatBytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n) || n < 0) return '?'
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB']
  let value = n
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  let shown = Number(value.toPrecision(3))
  // 999.7 kB rounds to 1000: say 1 MB instead.
  if (shown >= 1000 && unit < units.length - 1) {
    shown = Number((shown / 1000).toPrecision(3))
    unit++
  }
  return `${shown}${units[unit]}`
}

/** `850ms`, `2.4s`, `2s`, `1m30s`, `2m`, `1h5m`: one decimal below a minute, whole seconds above. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '?'
  if (ms < 1000) return `${Math.round(ms)}ms`
  const tenths = Math.round(ms / 100)
  return tenths < 600 ? `${tenths / 10}s` : clock(Math.round(ms / 1000))
}

/** Whole seconds gone by, for a ticking status line: `0s`, `7s`, `1m5s`. */
export function formatElapsed(ms: number): string {
  return clock(Math.max(0, Math.floor(ms / 1000)))
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s'
}

/** An age read at a glance, to the largest two units: `40s`, `5m`, `2h5m`, `3d4h`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const d = Math.floor(s / 86_400)
  const h = Math.floor((s % 86_400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return h > 0 ? `${d}d${h}h` : `${d}d`
  if (h > 0) return m > 0 ? `${h}h${m}m` : `${h}h`
  if (m > 0) return `${m}m`
  return `${s}s`
}

/** `2024-05-01 12:34:56` (UTC) from an ISO string; the input itself when it is not a date. */
export function formatDate(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso
}

/** `1 file`, `2 files`, `1,024 layers`. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`
}

/**
 * A number with thousands separators, as `toLocaleString('en-US')` writes it (`1,000,000`, `1,234.5`:
 * at most 3 decimals), without Intl: loading ICU's data costs ~9 MB of memory and ~15 ms.
 */
export function formatCount(n: number): string {
  const digits = String(Math.abs(n))
  if (!/^\d+(\.\d+)?$/.test(digits)) return n.toLocaleString('en-US') // Infinity, NaN, 1e+21
  let [whole = '', fraction = ''] = digits.split('.')
  if (fraction.length > 3) {
    // Rounded half away from zero on the decimal digits, as ICU rounds.
    const scaled = (BigInt(whole + fraction.slice(0, 3)) + (fraction[3]! >= '5' ? 1n : 0n)).toString()
    const padded = scaled.padStart(4, '0')
    whole = padded.slice(0, -3)
    fraction = padded.slice(-3)
  }
  fraction = fraction.replace(/0+$/, '')
  const sign = n < 0 || Object.is(n, -0) ? '-' : ''
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`
}

/** At most `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Text on one line: line breaks and runs of spaces (the daemon wraps its warnings over indented lines)
 * become one space; at most `max` characters when given.
 */
export function oneLine(text: string, max?: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return max === undefined ? line : truncate(line, max)
}

/** The decimal unit a chart of sizes up to `largest` reads best in, and what to divide by. */
export function byteScale(largest: number): { unit: string; divisor: number } {
  if (largest >= 1e9) return { unit: 'GB', divisor: 1e9 }
  if (largest >= 1e6) return { unit: 'MB', divisor: 1e6 }
  return { unit: 'kB', divisor: 1e3 }
}

/** Milliseconds as seconds, to two decimals: a number for a chart, not text. */
export function toSeconds(ms: number): number {
  return Math.round(ms / 10) / 100
}

/** A ratio (0..1) as a percentage with up to two decimals: `76.77%`, `90%`, `100%`. */
export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`
}
