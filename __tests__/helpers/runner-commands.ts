// Reads a step's output the way the GitHub Actions runner does, to tell which workflow commands it
// would obey. Follows actions/runner (read through the code search of this project):
//
// - src/Runner.Sdk/ProcessInvoker.cs: stdout and stderr are read with StreamReader.ReadLine, which ends
//   a line at "\n", "\r\n" or a lone "\r".
// - src/Runner.Worker/Handlers/OutputManager.cs OnDataReceived: a line containing "##[" or "::" goes to
//   ActionCommandManager.TryProcessCommand (stderr has its own OutputManager and is processed too).
// - src/Runner.Common/ActionCommand.cs TryParseV2: after TrimStart, the line must start with "::"; the
//   command info runs to the next "::"; the name ends at the first space; properties are "k=v" split on
//   ","; the rest of the line is the data. TryParse (v1): "##[" anywhere in the line, info up to the
//   next "]", properties split on ";". V2 is tried first, then v1. Only registered names count.
// - src/Runner.Worker/ActionCommandManager.cs TryProcessCommand: names are compared case-insensitively;
//   `stop-commands` suspends every command until one whose name is the token in its data (the token is
//   registered as a command name while stopped); unknown names are not commands.
//
// Not modelled: .NET culture-sensitive string search (IndexOf/StartsWith without StringComparison) may
// skip "ignorable" characters such as a soft hyphen; src/runtime/github-log.ts guards those text
// conservatively instead.

/** Every command the runner knows (ActionCommandManager's extensions), plus stop-commands. */
export const REGISTERED_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo'
]

export interface RunnerCommand {
  /** Lower-cased command name, e.g. set-output. */
  command: string
  properties: Record<string, string>
  data: string
  /** The line as the runner read it. */
  line: string
  /** 'obeyed' for a command the runner acts on; 'stop' and 'resume' for the guard itself. */
  effect: 'obeyed' | 'stop' | 'resume'
}

/** Lines as StreamReader.ReadLine yields them (a trailing line ending gives no empty last line). */
export function runnerLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** The commands the runner would process in `output` (one stream: stdout or stderr), in order. */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED_COMMANDS)
  let stopToken: string | undefined
  const processed: RunnerCommand[] = []
  for (const line of runnerLines(output)) {
    if (!line.includes('##[') && !line.includes('::')) continue
    const parsed = parseV2(line, registered) ?? parseV1(line, registered)
    if (!parsed) continue
    if (stopToken !== undefined) {
      if (parsed.command === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase())
        stopToken = undefined
        processed.push({ ...parsed, line, effect: 'resume' })
      }
      continue
    }
    if (parsed.command === 'stop-commands') {
      stopToken = parsed.data
      registered.add(stopToken.toLowerCase())
      processed.push({ ...parsed, line, effect: 'stop' })
    } else if (REGISTERED_COMMANDS.includes(parsed.command)) {
      processed.push({ ...parsed, line, effect: 'obeyed' })
    }
  }
  return processed
}

type Parsed = Pick<RunnerCommand, 'command' | 'properties' | 'data'>

/** .NET's Char.IsWhiteSpace: U+0009-U+000D, U+0085, and the space, line and paragraph separators. */
const DOTNET_WHITESPACE = /^[\t\n\v\f\r\u0085\p{Zs}\u2028\u2029]+/u

function dotnetTrimStart(text: string): string {
  return text.replace(DOTNET_WHITESPACE, '')
}

function parseV2(line: string, registered: Set<string>): Parsed | undefined {
  const message = dotnetTrimStart(line)
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(command)) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = pair.indexOf('=')
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true)
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), false) }
}

function parseV1(line: string, registered: Set<string>): Parsed | undefined {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const close = line.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = line.slice(prefix + 3, close)
  const space = info.indexOf(' ')
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(command)) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = pair.indexOf('=')
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true)
    }
  }
  return { command, properties, data: unescape(line.slice(close + 1), false) }
}

function unescape(text: string, property: boolean): string {
  let result = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n')
  if (property) result = result.replace(/%3A/g, ':').replace(/%2C/g, ',')
  return result.replace(/%25/g, '%')
}

/** The commands the runner would obey (neither the guard's own stop and resume lines, nor ignored text). */
export function obeyedCommands(output: string): RunnerCommand[] {
  return runnerCommands(output).filter(c => c.effect === 'obeyed')
}

/**
 * Lines containing `mark` that the runner reads outside any stop-commands guard, other than our own
 * annotation, group and debug commands (whose data @actions/core escaped: there the mark is data).
 * Stricter than obeyedCommands: it also catches text the model does not read as a command but a
 * culture-sensitive .NET search might.
 */
export function unguardedLinesWith(output: string, mark: string): string[] {
  const commands = runnerCommands(output)
  let guarded = false
  const found: string[] = []
  for (const line of runnerLines(output)) {
    const command = commands.find(c => c.line === line && c.effect !== 'obeyed')
    if (command?.effect === 'stop') guarded = true
    else if (command?.effect === 'resume') guarded = false
    else if (!guarded && line.includes(mark) && !/^::(error|warning|group|debug)( [^:]*)?::/.test(line)) {
      found.push(line)
    }
  }
  return found
}

/** Obeyed commands that none of our own code paths issue: what injected text would look like. */
export function foreignCommands(output: string): RunnerCommand[] {
  return obeyedCommands(output).filter(
    c =>
      !['error', 'warning', 'notice', 'group', 'endgroup', 'debug'].includes(c.command) ||
      Object.keys(c.properties).some(
        k => !['title', 'file', 'line', 'endLine', 'col', 'endColumn'].includes(k)
      ) ||
      (c.properties.file !== undefined && !/Dockerfile/.test(c.properties.file))
  )
}
