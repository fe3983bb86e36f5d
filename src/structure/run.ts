// The structure stage: container-structure-test files run against one image, test by test as the real
// tool's docker driver runs them (pkg/drivers/docker_driver.go, pkg/types/v2/*.go), with its test names
// and its failure wording. Differences, on purpose: files are read through the archive endpoint of one
// created, never-started container per file (removed with its anonymous volumes); command containers
// have the smoke timeout and are always removed; `setup` images are removed after the test.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { EngineError, type EngineClient } from '../engine/client.js'
import { CancelledError, messageOf } from '../errors.js'
import type { Log } from '../log/log.js'
import { removeQuietly, watchExit, killQuietly } from '../smoke/container.js'
import { FrameDemuxer, OutputTail } from '../smoke/output.js'
import { formatDuration } from '../format.js'
import { deadline } from '../signals.js'
import { FileReader, NOOP_COMMAND, imageConfig, type ImageConfig } from './engine.js'
import { compileAndRunRegex, envMap, goExpand, goFileMode, goModeString } from './go.js'
import type {
  CommandTest,
  ContainerRunOptions,
  EnvVar,
  FileContentTest,
  FileExistenceTest,
  LicenseTest,
  MetadataTest,
  StructureFile
} from './spec.js'
import { stageTimes, type StageResult } from '../stage.js'

/** Each of a command's streams is kept up to this much (its last part) and matched. */
export const COMMAND_OUTPUT_BYTES = 1024 * 1024
const CLEANUP_TIMEOUT_MS = 15_000

export interface StructureTestResult {
  /** The real tool's name for it: `Command Test: apt-get`, `File Existence Test: Root`, `Metadata Test`. */
  name: string
  passed: boolean
  /** The real tool's error lines (they quote file contents and command output: untrusted). */
  errors: string[]
  stdout?: string
  stderr?: string
  durationMs: number
}

export interface StructureFileResult {
  file: string
  results: StructureTestResult[]
  passed: boolean
  durationMs: number
}

export interface StructureResult extends StageResult<'passed' | 'failed' | 'error'> {
  /** The image tested, as people name it. */
  image: string
  files: StructureFileResult[]
}

export interface StructureInput {
  client: EngineClient
  files: StructureFile[]
  /** ID or reference to run. */
  image: string
  name: string
  timeoutMs: number
  labels: Record<string, string>
  /** For containerRunOptions.envVars (taken from the environment, as the real tool does) and envFile. */
  processEnv: NodeJS.ProcessEnv
  workspace: string
  log: Log
  signal?: AbortSignal
}

/** Runs every file; never rejects except with CancelledError (after removing what it created). */
export async function runStructureTests(input: StructureInput): Promise<StructureResult> {
  const started = Date.now()
  const files: StructureFileResult[] = []
  const problems: string[] = []
  let config: ImageConfig | undefined
  try {
    config = await imageConfig(input.client, input.image, input.signal)
  } catch (error) {
    if (input.signal?.aborted) throw new CancelledError()
    problems.push(`Structure tests could not inspect ${input.name}: ${messageOf(error)}`)
  }
  if (config) {
    for (const file of input.files) {
      const result = await runFile(file, config, input)
      files.push(result)
      report(result, input.log)
      const failed = result.results.filter(r => !r.passed)
      if (failed.length > 0) {
        problems.push(
          `Structure tests ${file.display}: ${failed.length} of ${result.results.length} failed (${failed
            .map(r => r.name)
            .join(', ')})`
        )
      } else if (result.results.length === 0) {
        // The real tool: "No tests run! Check config file format." and a failing exit.
        problems.push(`Structure tests ${file.display}: no tests run (the file holds none)`)
      }
    }
  }
  return {
    status: config ? (problems.length > 0 ? 'failed' : 'passed') : 'error',
    problems,
    ...stageTimes(started),
    image: input.name,
    files
  }
}

async function runFile(
  file: StructureFile,
  config: ImageConfig,
  input: StructureInput
): Promise<StructureFileResult> {
  const started = Date.now()
  const results: StructureTestResult[] = []
  const imageEnv = envMap(config.Env)
  // globalEnvVars: the real tool commits them into the image (values expanded from the image's env); the
  // same env is given to every container here instead, and `$VAR` in paths and commands expands from it.
  const globalEnv = new Map(imageEnv)
  const globals = file.globalEnvVars.map(v => {
    const value = goExpand(v.value, name => imageEnv.get(name) ?? '')
    globalEnv.set(v.key, value)
    return `${v.key}=${value}`
  })
  let reader: FileReader | undefined
  const files = async (): Promise<FileReader> =>
    (reader ??= await FileReader.create(input.client, input.image, input.labels, input.signal))
  try {
    // The real tool's order: commands, file contents, file existence, licenses, metadata.
    for (const test of file.commandTests)
      results.push(await commandTest(test, file, globals, globalEnv, input))
    for (const test of file.fileContentTests)
      results.push(
        await guarded(
          `File Content Test: ${test.name}`,
          async () => contentTest(test, await files(), input.signal),
          input
        )
      )
    for (const test of file.fileExistenceTests) {
      results.push(
        await guarded(
          `File Existence Test: ${test.name}`,
          async () => existenceTest(test, await files(), globalEnv, input.signal),
          input
        )
      )
    }
    for (const test of file.licenseTests)
      results.push(
        await guarded('License Test', async () => licenseTest(test, await files(), input.signal), input)
      )
    if (file.metadataTest) results.push(metadataTest(file.metadataTest, config))
  } finally {
    if (reader) {
      const problem = await reader.remove(AbortSignal.timeout(CLEANUP_TIMEOUT_MS))
      if (problem)
        input.log.warning(
          `Could not remove the structure-test container ${reader.container.slice(0, 12)}: ${problem}`
        )
    }
  }
  return {
    file: file.display,
    results,
    passed: results.every(r => r.passed),
    durationMs: Date.now() - started
  }
}

/** A test whose engine calls failed (the reader could not be created) fails with the reason. */
async function guarded(
  name: string,
  run: () => Promise<StructureTestResult>,
  input: StructureInput
): Promise<StructureTestResult> {
  const started = Date.now()
  try {
    return await run()
  } catch (error) {
    if (input.signal?.aborted) throw new CancelledError()
    return {
      name,
      passed: false,
      errors: [`error creating driver: ${messageOf(error)}`],
      durationMs: Date.now() - started
    }
  }
}

function result(name: string, started: number): StructureTestResult & { fail(message: string): void } {
  const r = {
    name,
    passed: true,
    errors: [] as string[],
    durationMs: 0,
    fail(message: string) {
      r.errors.push(message)
      r.passed = false
    }
  }
  Object.defineProperty(r, 'fail', { enumerable: false })
  r.durationMs = Date.now() - started
  return r
}

async function existenceTest(
  test: FileExistenceTest,
  reader: FileReader,
  env: Map<string, string>,
  signal?: AbortSignal
): Promise<StructureTestResult> {
  const started = Date.now()
  const r = result(`File Existence Test: ${test.name}`, started)
  const target = goExpand(test.path, name => env.get(name) ?? '')
  let header: Awaited<ReturnType<FileReader['stat']>> | undefined
  let error: string | undefined
  try {
    header = await reader.stat(target, signal)
  } catch (e) {
    if (signal?.aborted) throw new CancelledError()
    error = messageOf(e)
  }
  r.durationMs = Date.now() - started
  if (!header && test.shouldExist) {
    r.fail(`Error examining file in container: ${error}`)
    return r
  }
  if (!test.shouldExist && header) r.fail(`File ${test.path} should not exist but does`)
  if (!test.shouldExist || !header) return r
  const mode = goFileMode(header)
  const modeText = goModeString(mode)
  if (test.permissions !== '' && modeText !== test.permissions) {
    r.fail(`${test.path} has incorrect permissions. Expected: ${test.permissions}, Actual: ${modeText}`)
  }
  const bits = { any: 0o111, owner: 0o100, group: 0o010, other: 0o001 }[test.isExecutableBy]
  if (bits !== undefined && (mode & bits) === 0) {
    r.fail(
      `${test.path} has incorrect executable bit. Expected to be executable by ${test.isExecutableBy}, Actual: ${modeText}`
    )
  }
  if (test.uid !== -1 && header.uid !== test.uid) {
    r.fail(`${test.path} has incorrect user ownership. Expected: ${test.uid}, Actual: ${header.uid}`)
  }
  if (test.gid !== -1 && header.gid !== test.gid) {
    r.fail(`${test.path} has incorrect group ownership. Expected: ${test.gid}, Actual: ${header.gid}`)
  }
  return r
}

async function contentTest(
  test: FileContentTest,
  reader: FileReader,
  signal?: AbortSignal
): Promise<StructureTestResult> {
  const started = Date.now()
  const r = result(`File Content Test: ${test.name}`, started)
  let contents: string
  try {
    contents = (await reader.read(test.path, signal)).toString('utf8')
  } catch (error) {
    if (signal?.aborted) throw new CancelledError()
    r.fail(`Failed to open ${test.path}. Error: ${messageOf(error)}`)
    r.durationMs = Date.now() - started
    return r
  }
  for (const s of test.expectedContents) {
    if (!compileAndRunRegex(s, contents, true))
      r.fail(`Expected string '${s}' not found in file content string '${contents}'`)
  }
  for (const s of test.excludedContents) {
    if (!compileAndRunRegex(s, contents, false))
      r.fail(`Excluded string '${s}' found in file content string '${contents}'`)
  }
  r.durationMs = Date.now() - started
  return r
}

const LICENSE_BLOCKED = ['AGPL', 'WTFPL']
const LICENSE_ALLOWED_PACKAGES = ['libgnutls30']

async function licenseTest(
  test: LicenseTest,
  reader: FileReader,
  signal?: AbortSignal
): Promise<StructureTestResult> {
  const started = Date.now()
  const r = result('License Test', started)
  const check = async (file: string): Promise<string | undefined> => {
    let text: string
    try {
      text = (await reader.read(file, signal)).toString('utf8').toUpperCase()
    } catch (error) {
      if (signal?.aborted) throw new CancelledError()
      return `Error reading license file for ${file}: ${messageOf(error)}`
    }
    const blocked = LICENSE_BLOCKED.find(word => text.includes(word))
    return blocked ? `Invalid license for ${file}, license contains ${blocked}` : undefined
  }
  if (test.debian) {
    const root = '/usr/share/doc'
    let packages: string[] | undefined
    try {
      packages = await reader.readDir(root, signal)
    } catch (error) {
      if (signal?.aborted) throw new CancelledError()
      r.fail(`Error reading directory: ${messageOf(error)}`)
    }
    for (const name of packages ?? []) {
      if (LICENSE_ALLOWED_PACKAGES.includes(name)) continue
      const file = `${root}/${name}/copyright`
      try {
        await reader.stat(file, signal)
      } catch (error) {
        if (signal?.aborted) throw new CancelledError()
        r.fail(`Error reading license file for ${name}: ${messageOf(error)}`)
      }
      const problem = await check(file)
      if (problem) r.fail(problem)
    }
  }
  if (!r.passed && test.debian && r.errors[0]?.startsWith('Error reading directory')) {
    r.durationMs = Date.now() - started
    return r
  }
  for (const file of test.files) {
    const problem = await check(file)
    if (problem) r.fail(problem)
  }
  r.durationMs = Date.now() - started
  return r
}

function metadataTest(test: MetadataTest, config: ImageConfig): StructureTestResult {
  const r = result('Metadata Test', Date.now())
  const env = envMap(config.Env)
  const labels = new Map(Object.entries(config.Labels ?? {}))
  // The real tool lists exposed ports by number only (`8080` for `8080/tcp`).
  const ports = Object.keys(config.ExposedPorts ?? {}).map(p => p.split('/')[0]!)
  const volumes = Object.keys(config.Volumes ?? {})
  const cmd = config.Cmd ?? []
  const entrypoint = config.Entrypoint ?? []
  const pairs = (
    items: EnvVar[],
    actual: Map<string, string>,
    what: 'env var' | 'label',
    missing: (key: string) => string
  ): void => {
    for (const pair of items) {
      const value = actual.get(pair.key)
      if (value === undefined) {
        r.fail(missing(pair.key))
        continue
      }
      const match = pair.isRegex ? compileAndRunRegex(pair.value, value, true) : pair.value === value
      if (!match) r.fail(`${what} ${pair.key} value ${value} does not match expected value: ${pair.value}`)
    }
  }
  pairs(test.envVars, env, 'env var', key => `variable ${key} not found in image env`)
  for (const pair of test.unboundEnvVars) {
    if (env.has(pair.key)) r.fail(`env variable ${pair.key} should not be present in image metadata`)
  }
  pairs(test.labels, labels, 'label', key => `label ${key} not found in image metadata`)
  if (test.cmd) {
    if (test.cmd.length !== cmd.length)
      r.fail(`Image Cmd ${goList(cmd)} does not match expected Cmd: ${goList(test.cmd)}`)
    else if (test.cmd.some((word, i) => word !== cmd[i])) {
      r.fail(`Image config Cmd ${goList(cmd)} does not match expected value: ${goList(test.cmd)}`)
    }
  }
  if (test.entrypoint) {
    if (test.entrypoint.length !== entrypoint.length) {
      r.fail(
        `Image entrypoint ${goList(entrypoint)} does not match expected entrypoint: ${goList(test.entrypoint)}`
      )
    } else if (test.entrypoint.some((word, i) => word !== entrypoint[i])) {
      r.fail(
        `Image config entrypoint ${goList(entrypoint)} does not match expected value: ${goList(test.entrypoint)}`
      )
    }
  }
  if (test.workdir !== '' && test.workdir !== (config.WorkingDir ?? '')) {
    r.fail(`Image workdir ${config.WorkingDir ?? ''} does not match config workdir: ${test.workdir}`)
  }
  if (test.user !== '' && test.user !== (config.User ?? '')) {
    r.fail(`Image user ${config.User ?? ''} does not match config user: ${test.user}`)
  }
  for (const port of test.exposedPorts) if (!ports.includes(port)) r.fail(`Port ${port} not found in config`)
  for (const port of test.unexposedPorts)
    if (ports.includes(port)) r.fail(`Port ${port} should not be exposed`)
  for (const volume of test.volumes)
    if (!volumes.includes(volume)) r.fail(`Volume ${volume} not found in config`)
  for (const volume of test.unmountedVolumes)
    if (volumes.includes(volume)) r.fail(`Volume ${volume} should not be mounted`)
  return r
}

/** Go's %v of a []string: `[a b c]`. */
function goList(words: string[]): string {
  return `[${words.join(' ')}]`
}

class CommandTimeout extends Error {}

interface RunOutcome {
  stdout: string
  stderr: string
  exitCode: number
}

/** One container of a command test (or a setup step): create, start, wait within the timeout, read output. */
async function runContainer(
  image: string,
  command: string[],
  env: string[],
  options: ContainerRunOptions | undefined,
  input: StructureInput,
  onCreated: (container: string) => void
): Promise<RunOutcome> {
  const timeout = deadline(input.timeoutMs, new CommandTimeout(), input.signal)
  const signal = timeout.signal
  try {
    const { client } = input
    const container = await client.containers.create(
      undefined,
      {
        Image: image,
        Cmd: command,
        Entrypoint: [''],
        Env: env,
        Labels: input.labels,
        Tty: options?.allocateTty ?? false,
        ...(options?.user ? { User: options.user } : {}),
        HostConfig: {
          AutoRemove: false,
          ...(options?.privileged ? { Privileged: true } : {}),
          // The real tool sends HostConfig.Capabilities, which API 1.41 engines (20.10) ignore; added here
          // with CapAdd, so the capabilities asked for are there on every engine.
          ...(options?.capabilities.length ? { CapAdd: options.capabilities } : {}),
          ...(options?.bindMounts.length ? { Binds: options.bindMounts } : {})
        }
      },
      signal
    )
    onCreated(container)
    const exit = await watchExit(client, container, signal)
    try {
      await client.containers.start(container, signal)
      const status = await exit.exited
      const raw = await client.containers.output(container, signal)
      const stdout = new OutputTail(COMMAND_OUTPUT_BYTES)
      const stderr = new OutputTail(COMMAND_OUTPUT_BYTES)
      if (options?.allocateTty) stdout.append(raw)
      else
        new FrameDemuxer((payload, kind) => (kind === 'stderr' ? stderr : stdout).append(payload)).push(raw)
      return { stdout: stdout.text(), stderr: stderr.text(), exitCode: status.statusCode }
    } finally {
      exit.close()
    }
  } catch (error) {
    // An aborted call rejects with the client's own error; the deadline's reason says why.
    if (signal.reason instanceof CommandTimeout && !input.signal?.aborted) throw signal.reason
    throw error
  } finally {
    timeout.dispose()
  }
}

async function commandTest(
  test: CommandTest,
  file: StructureFile,
  globals: string[],
  globalEnv: Map<string, string>,
  input: StructureInput
): Promise<StructureTestResult> {
  const name = `Command Test: ${test.name}`
  const containers: string[] = []
  const images: string[] = []
  const onCreated = (c: string): void => void containers.push(c)
  let started = Date.now()
  try {
    let current = input.image
    let expandFrom = globalEnv
    if (test.setup.length > 0) {
      // The real tool's Setup: each command runs and is committed; the next runs from that image. The
      // test's envVars (expanded from the image's env) are set for these, and so end up in the image.
      const setupEnv = test.envVars.map(v => `${v.key}=${goExpand(v.value, n => globalEnv.get(n) ?? '')}`)
      for (const step of test.setup) {
        await runContainer(current, step, [...globals, ...setupEnv], file.runOptions, input, onCreated)
        const committed = await input.client.containers.commit(
          containers[containers.length - 1]!,
          input.signal
        )
        images.push(committed)
        current = committed
      }
      // `$VAR` in the command expands from the image the command runs in (the last committed one).
      expandFrom = envMap((await imageConfig(input.client, current, input.signal)).Env)
    }
    const command = test.command.map(word => goExpand(word, n => expandFrom.get(n) ?? ''))
    const env = file.runOptions
      ? runOptionsEnv(file.runOptions, input)
      : test.envVars.map(v => `${v.key}=${v.value}`)
    started = Date.now()
    const outcome = await runContainer(
      current,
      command,
      [...globals, ...env],
      file.runOptions,
      input,
      onCreated
    )
    const r = result(name, started)
    r.stdout = outcome.stdout
    r.stderr = outcome.stderr
    checkOutput(test, r, outcome)
    return r
  } catch (error) {
    if (input.signal?.aborted) throw new CancelledError()
    const r = result(name, started)
    if (error instanceof CommandTimeout) {
      r.fail(
        `Test '${test.name}' did not finish within ${formatDuration(input.timeoutMs)} (smoke-timeout); the container was removed`
      )
    } else r.fail(commandError(error, test))
    return r
  } finally {
    const cleanup = AbortSignal.timeout(CLEANUP_TIMEOUT_MS)
    for (const container of containers) {
      await killQuietly(input.client, container, cleanup).catch(() => {})
      const removal = await removeQuietly(input.client, container, cleanup)
      if (!removal.removed)
        input.log.warning(
          `Could not remove the structure-test container ${container.slice(0, 12)}: ${removal.error}`
        )
    }
    for (const image of images.reverse()) {
      await input.client.images.remove(image, {}, cleanup).catch((error: unknown) => {
        if (!(error instanceof EngineError && error.status === 404)) {
          input.log.warning(`Could not remove the setup image ${image.slice(7, 19)}: ${messageOf(error)}`)
        }
      })
    }
  }
}

/** A start that fails because the program is not in the image says so first (FROM scratch has no shell). */
function commandError(error: unknown, test: CommandTest): string {
  const message = messageOf(error)
  if (/executable file not found|no such file or directory/i.test(message)) {
    return `no such executable ${JSON.stringify(test.command[0] ?? '')} in the image (Error creating container: ${message})`
  }
  return `Error creating container: ${message}`
}

/** containerRunOptions envFile and envVars replace the test's envVars, as in the real tool's exec. */
function runOptionsEnv(options: ContainerRunOptions, input: StructureInput): string[] {
  const env: string[] = []
  if (options.envFile) {
    try {
      for (const line of readFileSync(resolve(input.workspace, options.envFile), 'utf8').split(/\r?\n/)) {
        const match = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line)
        if (!match || line.trimStart().startsWith('#')) continue
        const value = match[2]!.replace(/^(['"])(.*)\1$/, '$2')
        if (value !== '') env.push(`${match[1]}=${value}`)
      }
    } catch (error) {
      input.log.warning(`Unable to load envFile ${options.envFile}: ${messageOf(error)}`)
    }
  }
  for (const name of options.envVars) {
    const value = input.processEnv[name]
    if (value) env.push(`${name}=${value}`)
  }
  return env
}

function checkOutput(test: CommandTest, r: ReturnType<typeof result>, outcome: RunOutcome): void {
  const { stdout, stderr, exitCode } = outcome
  for (const s of test.expectedError) {
    if (!compileAndRunRegex(s, stderr, true)) r.fail(`Expected string '${s}' not found in error '${stderr}'`)
  }
  for (const s of test.excludedError) {
    if (!compileAndRunRegex(s, stderr, false)) r.fail(`Excluded string '${s}' found in error '${stderr}'`)
  }
  for (const s of test.expectedOutput) {
    if (!compileAndRunRegex(s, stdout, true)) r.fail(`Expected string '${s}' not found in output '${stdout}'`)
  }
  for (const s of test.excludedOutput) {
    if (!compileAndRunRegex(s, stdout, false)) r.fail(`Excluded string '${s}' found in output '${stdout}'`)
  }
  if (test.exitCode !== exitCode) {
    r.fail(
      `Test '${test.name}' exited with incorrect error code. Expected: ${test.exitCode}, Actual: ${exitCode}`
    )
  }
}

/** The file's results in the log: names and errors quote the image's files and output, so untrusted. */
function report(file: StructureFileResult, log: Log): void {
  const failed = file.results.filter(r => !r.passed).length
  log.info(
    `Structure tests ${file.file}: ${file.results.length - failed} passed, ${failed} failed in ${formatDuration(file.durationMs)}`
  )
  const block = log.untrusted(`Results of ${file.file}`)
  try {
    for (const r of file.results) {
      block.write(`${r.passed ? '--- PASS' : '--- FAIL'} ${r.name}\n`)
      for (const error of r.errors) block.write(`Error: ${error}\n`)
    }
  } finally {
    block.close()
  }
}

export { NOOP_COMMAND }
