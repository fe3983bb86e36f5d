import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ProblemList, formatProblem } from '../src/inputs/problems.js'
import { silentLog } from '../src/log/log.js'
import { junitXml } from '../src/structure/junit.js'
import { runStructureTests, type StructureResult } from '../src/structure/run.js'
import { parseStructureFile } from '../src/structure/spec.js'
import { danglingSince, testClient, volumeNames } from './helpers/engine.js'

// container-structure-test's own example tests (tests/amd64/*.yaml, copied verbatim), run against a
// stand-in for ubuntu:22.04 built FROM busybox (fixtures/structure/ubuntu), and the real tool's verdict
// for each test as its tests/structure_test_tests.sh expects on Ubuntu 22.04.
const FIXTURES = resolve('__tests__/fixtures/structure')
const CST = join(FIXTURES, 'cst')
const client = testClient()
const runId = `structure-${process.pid}`
const labels = { 'io.docker-preflight.run': runId }
const images = {
  ubuntu: `docker-preflight/cst-ubuntu:${process.pid}`,
  metadata: `docker-preflight/cst-metadata:${process.pid}`,
  unprivileged: `docker-preflight/cst-unprivileged:${process.pid}`,
  scratch: `docker-preflight/cst-scratch:${process.pid}`
}
let scratchDir: string

function build(tag: string, dockerfile: string, context: string, args: string[] = []): void {
  execFileSync(
    'docker',
    ['build', '-q', '--network', 'none', '-f', dockerfile, '-t', tag, ...args, context],
    {
      stdio: ['ignore', 'ignore', 'pipe']
    }
  )
}

beforeAll(() => {
  const ubuntu = join(FIXTURES, 'ubuntu')
  build(images.ubuntu, join(ubuntu, 'Dockerfile'), ubuntu)
  build(images.metadata, join(ubuntu, 'Dockerfile.metadata'), ubuntu, [
    '--build-arg',
    `BASE=${images.ubuntu}`
  ])
  build(images.unprivileged, join(ubuntu, 'Dockerfile.unprivileged'), ubuntu, [
    '--build-arg',
    `BASE=${images.ubuntu}`
  ])
  scratchDir = mkdtempSync(join(tmpdir(), 'cst-scratch-'))
  writeFileSync(join(scratchDir, 'hello'), 'hello from scratch\n', { mode: 0o755 })
  writeFileSync(
    join(scratchDir, 'Dockerfile'),
    'FROM scratch\nCOPY hello /hello\nVOLUME /data\nENTRYPOINT ["/hello"]\n'
  )
  build(images.scratch, join(scratchDir, 'Dockerfile'), scratchDir)
}, 300_000)

afterAll(() => {
  execFileSync('docker', ['rmi', '-f', ...Object.values(images)], { stdio: 'ignore' })
  rmSync(scratchDir, { recursive: true, force: true })
})

async function run(
  file: string,
  image: string,
  options: { env?: NodeJS.ProcessEnv; workspace?: string; timeoutMs?: number } = {}
): Promise<StructureResult> {
  const problems = new ProblemList()
  const parsed = await parseStructureFile(join(CST, file), file, problems)
  expect(problems.items.map(formatProblem)).toEqual([])
  return runStructureTests({
    client,
    files: [parsed!],
    image,
    name: image,
    timeoutMs: options.timeoutMs ?? 60_000,
    labels,
    processEnv: options.env ?? {},
    workspace: options.workspace ?? CST,
    log: silentLog
  })
}

function verdicts(result: StructureResult): Record<string, boolean> {
  return Object.fromEntries(result.files[0]!.results.map(r => [r.name, r.passed]))
}

function leftovers(): string[] {
  return execFileSync('docker', ['ps', '-aq', '--filter', `label=io.docker-preflight.run=${runId}`])
    .toString()
    .split('\n')
    .filter(Boolean)
}

test('ubuntu_22_04_test.yaml passes, test for test, with the real tool’s names and order', async () => {
  const result = await run('ubuntu_22_04_test.yaml', images.ubuntu)
  expect(result.files[0]!.results.filter(r => !r.passed)).toEqual([])
  expect(Object.keys(verdicts(result))).toEqual([
    'Command Test: apt-get',
    'Command Test: apt-config',
    'Command Test: path',
    'File Content Test: Debian Sources',
    'File Content Test: Passwd file',
    'File Existence Test: Root',
    'File Existence Test: Date',
    // The image has no /etc/hosts; a created container does (the engine adds it), as in the real tool.
    'File Existence Test: Hosts File',
    'File Existence Test: Machine ID',
    'File Existence Test: Dummy File',
    'License Test'
  ])
  expect(result.status).toBe('passed')
  expect(leftovers()).toEqual([])
})

test('ubuntu_22_04_failure_test.yaml (schemaVersion 1.0.0) fails exactly where the real tool does', async () => {
  const result = await run('ubuntu_22_04_failure_test.yaml', images.ubuntu)
  expect(verdicts(result)).toEqual({
    'Command Test: bad apt-get-command': false,
    'Command Test: apt-config': true,
    'Command Test: path': true,
    'File Content Test: Debian Sources': false,
    'File Content Test: Wrong Retry Policy': false,
    'File Existence Test: Fake Dir': false,
    'File Existence Test: Wrong permissions': false,
    'License Test': true
  })
  const errors = Object.fromEntries(result.files[0]!.results.map(r => [r.name, r.errors]))
  expect(errors['Command Test: bad apt-get-command']).toEqual([
    "Test 'bad apt-get-command' exited with incorrect error code. Expected: 1, Actual: 100"
  ])
  expect(errors['File Existence Test: Wrong permissions']).toEqual([
    '/etc/apt/sources.list has incorrect permissions. Expected: -rwxrwxrwx, Actual: -rw-r--r--'
  ])
  expect(errors['File Existence Test: Fake Dir']![0]).toMatch(
    /^Error examining file in container: .*\/foo\/bar/
  )
  expect(result.status).toBe('failed')
  expect(result.problems).toEqual([
    'Structure tests ubuntu_22_04_failure_test.yaml: 5 of 8 failed (Command Test: bad apt-get-command, File Content Test: Debian Sources, File Content Test: Wrong Retry Policy, File Existence Test: Fake Dir, File Existence Test: Wrong permissions)'
  ])
})

test('ubuntu_22_04_metadata_test.yaml passes on Dockerfile.metadata’s image; on the bare image it fails', async () => {
  expect(verdicts(await run('ubuntu_22_04_metadata_test.yaml', images.metadata))).toEqual({
    'Metadata Test': true
  })
  const bare = await run('ubuntu_22_04_metadata_test.yaml', images.ubuntu)
  expect(bare.files[0]!.results[0]!.errors).toEqual([
    'variable SOME_KEY not found in image env',
    'variable EMPTY_VAR not found in image env',
    'variable FOO_BAR not found in image env',
    'variable REGEX_VAR not found in image env',
    'label localnet.localdomain.commit_hash not found in image metadata',
    'label localnet.my-domain.my-label not found in image metadata',
    'label label-with-empty-val not found in image metadata'
  ])
})

test('containerRunOptions: user, capabilities with privileged and bindMounts, envVars, envFile', async () => {
  expect(verdicts(await run('ubuntu_22_04_containeropts_user_test.yaml', images.unprivileged))).toEqual({
    'Command Test: apt-get': true
  })
  // capabilities + privileged + bindMounts: this machine's engine cannot start privileged containers
  // (runc: "unable to apply caps"), so the upstream file is run as is where it can, and always without
  // `privileged:` (capabilities alone grant sys_admin).
  const privileged = (() => {
    try {
      execFileSync('docker', ['run', '--rm', '--privileged', '--network', 'none', images.ubuntu, 'true'], {
        stdio: 'ignore'
      })
      return true
    } catch {
      return false
    }
  })()
  const caps = await run('ubuntu_22_04_containeropts_test.yaml', images.ubuntu)
  if (privileged) expect(caps.files[0]!.results.flatMap(r => r.errors)).toEqual([])
  else {
    for (const r of caps.files[0]!.results) {
      expect(r.errors).toEqual([expect.stringMatching(/^Error creating container: .*unable to apply caps/)])
    }
  }
  const unprivileged = await run('../adapted/containeropts_unprivileged_test.yaml', images.ubuntu)
  expect(unprivileged.files[0]!.results.flatMap(r => r.errors)).toEqual([])
  expect(verdicts(unprivileged)).toEqual({
    'Command Test: Test Capabilities containerRunOptions': true,
    'Command Test: Test bindMounts containerRunOptions': true
  })
  const env = { FOO: 'keepitsecret!', BAR: 'keepitsafe!' }
  expect(verdicts(await run('ubuntu_22_04_containeropts_env_test.yaml', images.ubuntu, { env }))).toEqual({
    'Command Test: Test envVars containerRunOptions': true
  })
  // Without the variables in the environment the real tool's test fails.
  expect(verdicts(await run('ubuntu_22_04_containeropts_env_test.yaml', images.ubuntu))).toEqual({
    'Command Test: Test envVars containerRunOptions': false
  })
  expect(verdicts(await run('ubuntu_22_04_containeropts_envfile_test.yaml', images.ubuntu))).toEqual({
    'Command Test: Test envFile containerRunOptions': true
  })
  expect(leftovers()).toEqual([])
})

function writeSpec(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cst-spec-'))
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

test('FROM scratch: file and metadata tests run with no shell; a command fails with “no such executable”; no volume is left', async () => {
  const volumesBefore = volumeNames()
  const path = writeSpec(
    'scratch.yaml',
    [
      "schemaVersion: '2.0.0'",
      'fileExistenceTests:',
      '  - name: hello',
      '    path: /hello',
      "    permissions: '-rwxr-xr-x'",
      '    uid: 0',
      '    isExecutableBy: any',
      'fileContentTests:',
      '  - name: greeting',
      '    path: /hello',
      "    expectedContents: ['^hello from scratch']",
      'metadataTest:',
      "  entrypoint: ['/hello']",
      "  volumes: ['/data']",
      'commandTests:',
      '  - name: shell',
      '    command: sh',
      "    args: ['-c', 'true']"
    ].join('\n')
  )
  const problems = new ProblemList()
  const file = (await parseStructureFile(path, 'scratch.yaml', problems))!
  const result = await runStructureTests({
    client,
    files: [file],
    image: images.scratch,
    name: images.scratch,
    timeoutMs: 60_000,
    labels,
    processEnv: {},
    workspace: CST,
    log: silentLog
  })
  const results = result.files[0]!.results
  expect(results.map(r => [r.name, r.passed])).toEqual([
    ['Command Test: shell', false],
    ['File Content Test: greeting', true],
    ['File Existence Test: hello', true],
    ['Metadata Test', true]
  ])
  expect(results[0]!.errors).toEqual([
    expect.stringMatching(
      /^no such executable "sh" in the image \(Error creating container: .*executable file not found/
    )
  ])
  expect(leftovers()).toEqual([])
  // The image declares VOLUME /data: its anonymous volumes went with the containers.
  expect(danglingSince(volumesBefore)).toEqual([])
  expect(junitXml(result)).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?><testsuites failures="1" tests="4" time="[\d.]+"><testsuite name="scratch.yaml" tests="4" failures="1" time="[\d.]+"><testcase name="Command Test: shell" classname="scratch.yaml" time="[\d.]+"><failure>no such executable &quot;sh&quot;/
  )
})

test('$VAR in a command expands from the image’s env and globalEnvVars, not from the test’s envVars', async () => {
  const path = writeSpec(
    'env.yaml',
    [
      "schemaVersion: '2.0.0'",
      'globalEnvVars:',
      '  - key: GLOBAL',
      '    value: from-global-$PATH',
      'commandTests:',
      '  - name: expanded',
      '    command: echo',
      // Go's os.Expand: `$$` is the special variable `$`, unset, so empty; there is no escape.
      "    args: ['$GLOBAL', '${LOCAL}', '$$']",
      '    envVars:',
      '      - key: LOCAL',
      '        value: from-test',
      "    expectedOutput: ['^from-global-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin  \\n$']",
      '  - name: in the container',
      '    command: sh',
      "    args: ['-c', 'env']",
      '    envVars:',
      '      - key: LOCAL',
      '        value: from-test',
      "    expectedOutput: ['(?m)^LOCAL=from-test$']"
    ].join('\n')
  )
  const problems = new ProblemList()
  const file = await parseStructureFile(path, 'env.yaml', problems)
  expect(problems.items.map(formatProblem)).toEqual([])
  const result = await runStructureTests({
    client,
    files: [file!],
    image: images.ubuntu,
    name: images.ubuntu,
    timeoutMs: 60_000,
    labels,
    processEnv: {},
    workspace: CST,
    log: silentLog
  })
  expect(result.files[0]!.results.map(r => [r.name, r.passed, r.errors])).toEqual([
    ['Command Test: expanded', true, []],
    ['Command Test: in the container', true, []]
  ])
})
