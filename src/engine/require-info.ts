import { compareVersions, versionParts } from './version.js'

// `require-info` conditions over the fields of `docker info` (the engine's /info reply).

export type InfoOperator = '=' | '!=' | '~=' | '!~=' | '>=' | '<=' | '>' | '<'

export interface InfoCondition {
  /** As the user wrote it, for messages. */
  source: string
  /** A field of /info; dots reach inside objects (e.g. `RegistryConfig.Mirrors`). Matched case-insensitively. */
  field: string
  operator: InfoOperator
  value: string
}

export interface ConditionOutcome {
  condition: InfoCondition
  passed: boolean
  /** What the engine has, rendered for a person. */
  actual: string
}

// Longest operators first so `>=` is not read as `>` followed by `=...`.
const LINE = /^\s*([A-Za-z_][\w.]*)\s*(!~=|~=|!=|>=|<=|=|>|<)\s*(.*?)\s*$/

/** Parses one line; returns an error message (what was expected) when it does not parse. */
export function parseCondition(line: string): InfoCondition | string {
  const match = LINE.exec(line)
  if (!match) {
    return 'expected FIELD OP VALUE with OP one of =, !=, ~=, !~=, >=, <=, >, < (e.g. Driver=overlay2, NCPU>=2)'
  }
  const [, field, operator, value] = match as unknown as [string, string, InfoOperator, string]
  if (operator === '~=' || operator === '!~=') {
    try {
      new RegExp(value)
    } catch (error) {
      return `"${value}" is not a valid regular expression (${(error as Error).message})`
    }
  }
  if (['>=', '<=', '>', '<'].includes(operator) && toComparable(value) === undefined) {
    return `"${value}" is not a number or a version, so ${operator} cannot compare it`
  }
  return { source: line.trim(), field, operator, value }
}

export function evaluateConditions(
  conditions: readonly InfoCondition[],
  info: Record<string, unknown>
): ConditionOutcome[] {
  return conditions.map(condition => evaluateCondition(condition, info))
}

function evaluateCondition(condition: InfoCondition, info: Record<string, unknown>): ConditionOutcome {
  const found = lookup(info, condition.field)
  if (found === undefined) {
    return {
      condition,
      passed: condition.operator === '!=' || condition.operator === '!~=',
      actual: '(absent)'
    }
  }
  const values = (Array.isArray(found) ? found : [found]).map(renderValue)
  const actual = Array.isArray(found) ? `[${values.join(', ')}]` : (values[0] ?? '')
  const want = condition.value
  let passed: boolean
  switch (condition.operator) {
    case '=':
      passed = values.some(v => v.toLowerCase() === want.toLowerCase())
      break
    case '!=':
      passed = values.every(v => v.toLowerCase() !== want.toLowerCase())
      break
    case '~=':
      passed = values.some(v => new RegExp(want).test(v))
      break
    case '!~=':
      passed = values.every(v => !new RegExp(want).test(v))
      break
    default:
      passed = values.some(v => compare(v, want, condition.operator))
  }
  return { condition, passed, actual }
}

/** Reads a dotted path, matching each key case-insensitively. */
function lookup(root: unknown, path: string): unknown {
  let node: unknown = root
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined
    const key = Object.keys(node).find(k => k.toLowerCase() === part.toLowerCase())
    if (key === undefined) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

function renderValue(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

type Comparable = { kind: 'number'; value: number } | { kind: 'version'; value: string }

function toComparable(text: string): Comparable | undefined {
  if (/^-?\d+(\.\d+)?$/.test(text.trim()) && !/^\d+\.\d+\.\d+/.test(text)) {
    return { kind: 'number', value: Number(text) }
  }
  return versionParts(text) ? { kind: 'version', value: text } : undefined
}

function compare(actual: string, wanted: string, operator: InfoOperator): boolean {
  const a = toComparable(actual)
  const b = toComparable(wanted)
  if (!a || !b) return false
  const order =
    a.kind === 'number' && b.kind === 'number'
      ? Math.sign(a.value - b.value)
      : compareVersions(actual, wanted)
  if (order === undefined) return false
  switch (operator) {
    case '>=':
      return order >= 0
    case '<=':
      return order <= 0
    case '>':
      return order > 0
    case '<':
      return order < 0
    default:
      return false
  }
}
