// container-structure-test files (GoogleContainerTools/container-structure-test, pkg/types/v1 and v2), read
// as the real tool reads them: schemaVersion first (1.0.0 or 2.0.0), then a strict decode for .yaml/.yml
// (yaml.v2 UnmarshalStrict: an unknown field, or a value of the wrong type, stops the whole file) and a
// lenient one for .json (unknown fields ignored). Its per-test checks (Validate: a name, a command, a path,
// non-empty env keys) are made here too, so every problem is reported before anything is created.
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { Node, Pair } from 'yaml'
import type { ProblemList } from '../inputs/problems.js'

export const STRUCTURE_INPUT = 'structure-tests'

export interface EnvVar {
  key: string
  value: string
  isRegex: boolean
}

export interface CommandTest {
  name: string
  setup: string[][]
  teardown: string[][]
  envVars: EnvVar[]
  exitCode: number
  /** v2: command followed by args; v1: the command list. */
  command: string[]
  expectedOutput: string[]
  excludedOutput: string[]
  expectedError: string[]
  excludedError: string[]
}

export interface FileExistenceTest {
  name: string
  path: string
  shouldExist: boolean
  permissions: string
  /** -1: not checked (the real tool's default). */
  uid: number
  gid: number
  isExecutableBy: string
}

export interface FileContentTest {
  name: string
  path: string
  expectedContents: string[]
  excludedContents: string[]
}

export interface MetadataTest {
  envVars: EnvVar[]
  unboundEnvVars: EnvVar[]
  exposedPorts: string[]
  unexposedPorts: string[]
  /** undefined: not checked; [] checks for none. */
  entrypoint?: string[]
  cmd?: string[]
  workdir: string
  volumes: string[]
  unmountedVolumes: string[]
  labels: EnvVar[]
  user: string
}

export interface LicenseTest {
  debian: boolean
  files: string[]
}

export interface ContainerRunOptions {
  user: string
  privileged: boolean
  allocateTty: boolean
  envVars: string[]
  envFile: string
  capabilities: string[]
  bindMounts: string[]
}

export interface StructureFile {
  /** Absolute path. */
  path: string
  /** As the input named it (or as the glob found it), relative to the workspace. */
  display: string
  schemaVersion: '1.0.0' | '2.0.0'
  globalEnvVars: EnvVar[]
  commandTests: CommandTest[]
  fileExistenceTests: FileExistenceTest[]
  fileContentTests: FileContentTest[]
  /** undefined when empty: the real tool skips an empty metadata test. */
  metadataTest?: MetadataTest
  licenseTests: LicenseTest[]
  /** undefined when none is set (the real tool's IsSet). */
  runOptions?: ContainerRunOptions
}

type Kind = 'string' | 'bool' | 'int' | 'strings' | 'commands' | 'env' | 'labels' | 'optionalStrings'

interface Field {
  kind: Kind | Shape
  /** Only in schema 1.0.0 / 2.0.0. */
  only?: '1.0.0' | '2.0.0'
}
type Shape = { [field: string]: Field }

const ENV: Shape = { key: { kind: 'string' }, value: { kind: 'string' }, isRegex: { kind: 'bool' } }
const COMMAND: Shape = {
  name: { kind: 'string' },
  setup: { kind: 'commands' },
  teardown: { kind: 'commands' },
  envVars: { kind: 'env' },
  exitCode: { kind: 'int' },
  command: { kind: 'string' },
  args: { kind: 'strings', only: '2.0.0' },
  expectedOutput: { kind: 'strings' },
  excludedOutput: { kind: 'strings' },
  expectedError: { kind: 'strings' },
  excludedError: { kind: 'strings' }
}
const COMMAND_V1: Shape = { ...COMMAND, command: { kind: 'strings' } }
delete COMMAND_V1.args
const EXISTENCE: Shape = {
  name: { kind: 'string' },
  path: { kind: 'string' },
  shouldExist: { kind: 'bool' },
  permissions: { kind: 'string' },
  uid: { kind: 'int' },
  gid: { kind: 'int' },
  isExecutableBy: { kind: 'string' }
}
const CONTENT: Shape = {
  name: { kind: 'string' },
  path: { kind: 'string' },
  expectedContents: { kind: 'strings' },
  excludedContents: { kind: 'strings' }
}
const METADATA: Shape = {
  envVars: { kind: 'env' },
  unboundEnvVars: { kind: 'env' },
  exposedPorts: { kind: 'strings' },
  unexposedPorts: { kind: 'strings' },
  entrypoint: { kind: 'optionalStrings' },
  cmd: { kind: 'optionalStrings' },
  workdir: { kind: 'string' },
  volumes: { kind: 'strings' },
  unmountedVolumes: { kind: 'strings' },
  labels: { kind: 'labels' },
  user: { kind: 'string' }
}
const LICENSE: Shape = { debian: { kind: 'bool' }, files: { kind: 'strings' } }
const RUN_OPTIONS: Shape = {
  user: { kind: 'string' },
  privileged: { kind: 'bool' },
  allocateTty: { kind: 'bool' },
  envVars: { kind: 'strings' },
  envFile: { kind: 'string' },
  capabilities: { kind: 'strings' },
  bindMounts: { kind: 'strings' }
}
const TOP: Record<string, { shape?: Shape; kind?: Kind; list?: boolean; only?: '2.0.0' }> = {
  schemaVersion: { kind: 'string' },
  globalEnvVars: { kind: 'env' },
  commandTests: { shape: COMMAND, list: true },
  fileExistenceTests: { shape: EXISTENCE, list: true },
  fileContentTests: { shape: CONTENT, list: true },
  metadataTest: { shape: METADATA, only: '2.0.0' },
  licenseTests: { shape: LICENSE, list: true },
  containerRunOptions: { shape: RUN_OPTIONS, only: '2.0.0' }
}

type Plain = Record<string, unknown>

/**
 * Reads one file. Problems go to `problems` (input `structure-tests`, the file as the value, the test and
 * field in the sentence); undefined when there was any.
 */
export async function parseStructureFile(
  path: string,
  display: string,
  problems: ProblemList
): Promise<StructureFile | undefined> {
  const add = (sentence: string): void => problems.add(STRUCTURE_INPUT, display, sentence)
  const extension = extname(path).toLowerCase()
  if (!['.yaml', '.yml', '.json'].includes(extension)) {
    add('is not a .yaml, .yml or .json file (container-structure-test reads only those)')
    return undefined
  }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    add(`cannot be read: ${(error as Error).message}`)
    return undefined
  }
  const strict = extension !== '.json'
  // Loaded here: only runs with structure tests read these files (yaml is ~290 KB to evaluate).
  const { LineCounter, isMap, isScalar, isSeq, parseDocument } = await import('yaml')
  const valueOf = (node: unknown): unknown =>
    isScalar(node) ? node.value : node === undefined ? undefined : node
  const lines = new LineCounter()
  // yaml.v2 is YAML 1.1 (`yes` is true), as the real tool reads it.
  const document = parseDocument(text, { version: '1.1', lineCounter: lines, uniqueKeys: true })
  if (document.errors.length > 0) {
    add(`is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`)
    return undefined
  }
  const root = document.contents
  if (!isMap(root)) {
    add('is not a map of test kinds (schemaVersion, commandTests, ...)')
    return undefined
  }
  const before = problems.items.length
  const at = (node: Node | null | undefined): string => {
    const offset = node?.range?.[0]
    return offset === undefined ? '' : ` (line ${lines.linePos(offset).line})`
  }

  const version = valueOf(root.get('schemaVersion', true))
  if (version === undefined || version === '') {
    add('has no schemaVersion (container-structure-test needs one, e.g. schemaVersion: 2.0.0)')
    return undefined
  }
  if (version !== '1.0.0' && version !== '2.0.0') {
    add(
      `has schemaVersion ${JSON.stringify(String(version))}, which container-structure-test does not know (1.0.0 or 2.0.0)`
    )
    return undefined
  }

  /** Decodes `node` against `shape`; `where` names the test for messages. */
  const decode = (node: unknown, shape: Shape, where: string): Plain => {
    const out: Plain = {}
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return out
    if (!isMap(node)) {
      add(`${where} is not a map${at(node as Node)}`)
      return out
    }
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const key = String(valueOf(pair.key))
      const field = shape[key]
      if (!field || (field.only && field.only !== version)) {
        if (strict) {
          const why = field?.only
            ? `is a schemaVersion ${field.only} field, not ${version}`
            : `is not a container-structure-test field`
          add(`${where}: field "${key}"${at(pair.key as Node)} ${why}; an unknown field stops the whole file`)
        }
        continue
      }
      out[key] =
        typeof field.kind === 'string'
          ? decodeKind(pair.value, field.kind, `${where}: field "${key}"`)
          : decode(pair.value, field.kind, `${where}.${key}`)
    }
    return out
  }

  const decodeKind = (node: unknown, kind: Kind, where: string): unknown => {
    const value = valueOf(node)
    const wrong = (expected: string): undefined => {
      add(`${where}${at(node as Node)} is not ${expected}`)
      return undefined
    }
    if (value === null || value === undefined) return undefined
    switch (kind) {
      case 'string':
        // yaml.v2 turns any scalar into a string field; a list or map is an error.
        return isScalar(node) ? String(value) : wrong('a string')
      case 'bool':
        return typeof value === 'boolean' ? value : wrong('true or false')
      case 'int':
        return typeof value === 'number' && Number.isInteger(value) ? value : wrong('a whole number')
      case 'strings':
      case 'optionalStrings':
        if (!isSeq(node)) return wrong('a list of strings')
        return node.items.map((item, i) =>
          isScalar(item) ? String(valueOf(item) ?? '') : wrong(`a string (item ${i + 1})`)
        )
      case 'commands':
        if (!isSeq(node)) return wrong('a list of commands (each a list of strings)')
        return node.items.map((item, i) => decodeKind(item, 'strings', `${where}[${i + 1}]`) ?? [])
      case 'env':
      case 'labels': {
        if (!isSeq(node)) return wrong('a list of {key, value} maps')
        return node.items.map((item, i) => decode(item, ENV, `${where}[${i + 1}]`))
      }
    }
  }

  const top: Plain = {}
  for (const pair of root.items as Pair<unknown, unknown>[]) {
    const key = String(valueOf(pair.key))
    const spec = TOP[key]
    if (
      !spec ||
      (spec.only && spec.only !== version) ||
      (version === '1.0.0' && key === 'containerRunOptions')
    ) {
      if (strict) {
        add(
          `field "${key}"${at(pair.key as Node)} ${spec?.only ? `is a schemaVersion ${spec.only} field, not ${version}` : 'is not a container-structure-test field'}; an unknown field stops the whole file`
        )
      }
      continue
    }
    if (spec.kind) top[key] = decodeKind(pair.value, spec.kind, `field "${key}"`)
    else if (spec.list) {
      if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue
      if (!isSeq(pair.value)) {
        add(`${key}${at(pair.value as Node)} is not a list of tests`)
        continue
      }
      top[key] = pair.value.items.map((item, i) => {
        const name = isMap(item) ? valueOf(item.get('name', true)) : undefined
        // schemaVersion 1.0.0 commands are lists (pkg/types/v1/command.go); 2.0.0's are a string plus args.
        const shape = key === 'commandTests' && version === '1.0.0' ? COMMAND_V1 : spec.shape!
        return decode(
          item,
          shape,
          `${key}[${i + 1}]${name !== undefined ? ` ${JSON.stringify(String(name))}` : ''}`
        )
      })
    } else top[key] = decode(pair.value, spec.shape!, key)
  }
  if (problems.items.length > before) return undefined

  const file: StructureFile = {
    path,
    display,
    schemaVersion: version,
    globalEnvVars: envs(top.globalEnvVars),
    commandTests: list(top.commandTests).map(command),
    fileExistenceTests: list(top.fileExistenceTests).map(existence),
    fileContentTests: list(top.fileContentTests).map(content),
    licenseTests: list(top.licenseTests).map(t => ({ debian: t.debian === true, files: strings(t.files) }))
  }
  const metadata = top.metadataTest ? metadataOf(top.metadataTest as Plain) : undefined
  if (metadata && !metadataEmpty(metadata)) file.metadataTest = metadata
  const options = top.containerRunOptions ? runOptionsOf(top.containerRunOptions as Plain) : undefined
  if (options && runOptionsSet(options)) file.runOptions = options
  validate(file, add)
  return problems.items.length > before ? undefined : file
}

function list(value: unknown): Plain[] {
  return Array.isArray(value) ? (value as Plain[]) : []
}
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(v => (v === undefined ? '' : String(v))) : []
}
function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
function envs(value: unknown): EnvVar[] {
  return list(value).map(e => ({ key: str(e.key), value: str(e.value), isRegex: e.isRegex === true }))
}

function command(t: Plain): CommandTest {
  const words = Array.isArray(t.command)
    ? strings(t.command)
    : t.command === undefined
      ? []
      : [str(t.command)]
  return {
    name: str(t.name),
    setup: Array.isArray(t.setup) ? (t.setup as unknown[]).map(strings) : [],
    teardown: Array.isArray(t.teardown) ? (t.teardown as unknown[]).map(strings) : [],
    envVars: envs(t.envVars),
    exitCode: typeof t.exitCode === 'number' ? t.exitCode : 0,
    command: [...words, ...strings(t.args)],
    expectedOutput: strings(t.expectedOutput),
    excludedOutput: strings(t.excludedOutput),
    expectedError: strings(t.expectedError),
    excludedError: strings(t.excludedError)
  }
}

function existence(t: Plain): FileExistenceTest {
  return {
    name: str(t.name),
    path: str(t.path),
    // The real tool's UnmarshalYAML defaults: shouldExist true, uid and gid -1 (not checked).
    shouldExist: t.shouldExist === undefined ? true : t.shouldExist === true,
    permissions: str(t.permissions),
    uid: typeof t.uid === 'number' ? t.uid : -1,
    gid: typeof t.gid === 'number' ? t.gid : -1,
    isExecutableBy: str(t.isExecutableBy)
  }
}

function content(t: Plain): FileContentTest {
  return {
    name: str(t.name),
    path: str(t.path),
    expectedContents: strings(t.expectedContents),
    excludedContents: strings(t.excludedContents)
  }
}

function metadataOf(t: Plain): MetadataTest {
  return {
    envVars: envs(t.envVars),
    unboundEnvVars: envs(t.unboundEnvVars),
    exposedPorts: strings(t.exposedPorts),
    unexposedPorts: strings(t.unexposedPorts),
    ...(Array.isArray(t.entrypoint) ? { entrypoint: strings(t.entrypoint) } : {}),
    ...(Array.isArray(t.cmd) ? { cmd: strings(t.cmd) } : {}),
    workdir: str(t.workdir),
    volumes: strings(t.volumes),
    unmountedVolumes: strings(t.unmountedVolumes),
    labels: envs(t.labels),
    user: str(t.user)
  }
}

function metadataEmpty(m: MetadataTest): boolean {
  return (
    m.envVars.length === 0 &&
    m.unboundEnvVars.length === 0 &&
    m.exposedPorts.length === 0 &&
    m.unexposedPorts.length === 0 &&
    m.entrypoint === undefined &&
    m.cmd === undefined &&
    m.workdir === '' &&
    m.user === '' &&
    m.volumes.length === 0 &&
    m.unmountedVolumes.length === 0 &&
    m.labels.length === 0
  )
}

function runOptionsOf(t: Plain): ContainerRunOptions {
  return {
    user: str(t.user),
    privileged: t.privileged === true,
    allocateTty: t.allocateTty === true,
    envVars: strings(t.envVars),
    envFile: str(t.envFile),
    capabilities: strings(t.capabilities),
    bindMounts: strings(t.bindMounts)
  }
}

function runOptionsSet(o: ContainerRunOptions): boolean {
  return (
    o.user !== '' ||
    o.privileged ||
    o.allocateTty ||
    o.envFile !== '' ||
    o.envVars.length > 0 ||
    o.capabilities.length > 0 ||
    o.bindMounts.length > 0
  )
}

/** The real tool's Validate methods, as input problems. */
function validate(file: StructureFile, add: (sentence: string) => void): void {
  file.commandTests.forEach((t, i) => {
    const where = `commandTests[${i + 1}]${t.name ? ` ${JSON.stringify(t.name)}` : ''}`
    if (t.name === '')
      add(`${where} has no name (container-structure-test: "Please provide a valid name for every test")`)
    if (t.command.length === 0 || t.command[0] === '') add(`${where} has no command`)
    for (const [field, commands] of [
      ['setup', t.setup],
      ['teardown', t.teardown]
    ] as const) {
      if (commands.some(c => c.length === 0)) add(`${where}: field "${field}" holds an empty command`)
    }
    if (t.envVars.some(e => e.key === '' || e.value === ''))
      add(`${where}: field "envVars" needs a non-empty key and value in every item`)
  })
  for (const [kind, tests] of [
    ['fileExistenceTests', file.fileExistenceTests],
    ['fileContentTests', file.fileContentTests]
  ] as const) {
    tests.forEach((t, i) => {
      const where = `${kind}[${i + 1}]${t.name ? ` ${JSON.stringify(t.name)}` : ''}`
      if (t.name === '') add(`${where} has no name`)
      if (t.path === '') add(`${where} has no path`)
    })
  }
  file.fileExistenceTests.forEach((t, i) => {
    if (t.isExecutableBy !== '' && !['any', 'owner', 'group', 'other'].includes(t.isExecutableBy)) {
      add(
        `fileExistenceTests[${i + 1}] ${JSON.stringify(t.name)}: field "isExecutableBy" is ${JSON.stringify(t.isExecutableBy)}, not one of any, owner, group, other`
      )
    }
  })
  const m = file.metadataTest
  if (m) {
    if (m.envVars.some(e => e.key === '')) add('metadataTest: field "envVars" has an item with an empty key')
    if (m.labels.some(e => e.key === '')) add('metadataTest: field "labels" has an item with an empty key')
    if (m.exposedPorts.some(p => p === '')) add('metadataTest: field "exposedPorts" has an empty port')
    if (m.volumes.some(v => v === '')) add('metadataTest: field "volumes" has an empty volume')
  }
}
