import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ProblemList, formatProblem } from '../src/inputs/problems.js'
import { goClean } from '../src/gopath.js'
import { goBase, goExpand, goFileMode, goModeString, goRegex } from '../src/structure/go.js'
import { parseStructureFile } from '../src/structure/spec.js'

function writeSpec(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cst-spec-')), name)
  writeFileSync(path, text)
  return path
}

async function problemsOf(name: string, text: string): Promise<string[]> {
  const problems = new ProblemList()
  await parseStructureFile(writeSpec(name, text), name, problems)
  return problems.items.map(formatProblem)
}

test('Go FileMode strings from tar headers: files, directories, symlinks, sticky, setuid, devices', () => {
  expect(goModeString(goFileMode({ mode: 0o755, type: 'file' }))).toBe('-rwxr-xr-x')
  expect(goModeString(goFileMode({ mode: 0o644, type: 'file' }))).toBe('-rw-r--r--')
  expect(goModeString(goFileMode({ mode: 0o755, type: 'directory' }))).toBe('drwxr-xr-x')
  expect(goModeString(goFileMode({ mode: 0o777, type: 'symlink' }))).toBe('Lrwxrwxrwx')
  expect(goModeString(goFileMode({ mode: 0o1777, type: 'directory' }))).toBe('dtrwxrwxrwx')
  expect(goModeString(goFileMode({ mode: 0o4755, type: 'file' }))).toBe('urwxr-xr-x')
  expect(goModeString(goFileMode({ mode: 0o666, type: 'character-device' }))).toBe('Dcrw-rw-rw-')
  // Type bits in the mode field itself (Go's FileInfoHeader writes them) count too.
  expect(goModeString(goFileMode({ mode: 0o40755, type: 'directory' }))).toBe('drwxr-xr-x')
})

test('os.Expand, path.Base, filepath.Clean and RE2 flags as Go has them', () => {
  const env = new Map([['HOME', '/root']])
  const look = (n: string): string => env.get(n) ?? ''
  // `$$` is Go's special variable `$` (unset: empty), `${}` is eaten, a trailing `$` stays.
  expect(goExpand('$HOME/x ${HOME} $NOPE. $$ ${} $', look)).toBe('/root/x /root .   $')
  expect(goExpand('no dollars', look)).toBe('no dollars')
  expect(goBase('/etc/hosts')).toBe('hosts')
  expect(goBase('/')).toBe('/')
  expect(goBase('/usr/')).toBe('usr')
  expect(goClean('./etc/')).toBe('etc')
  expect(goClean('/')).toBe('/')
  expect((goRegex('(?i)usage') as RegExp).test('USAGE')).toBe(true)
  expect(typeof goRegex('(')).toBe('string')
})

test('an unknown field stops the whole file: one input error naming file, test and field', async () => {
  expect(
    await problemsOf(
      'typo.yaml',
      [
        "schemaVersion: '2.0.0'",
        'commandTests:',
        '  - name: version',
        '    command: sh',
        '    expectedOuput: [x]'
      ].join('\n')
    )
  ).toEqual([
    'Input "structure-tests": "typo.yaml" commandTests[1] "version": field "expectedOuput" (line 5) is not a container-structure-test field; an unknown field stops the whole file'
  ])
  expect(
    await problemsOf('v1.yaml', ["schemaVersion: '1.0.0'", 'metadataTest:', '  user: root'].join('\n'))
  ).toEqual([
    'Input "structure-tests": "v1.yaml" field "metadataTest" (line 2) is a schemaVersion 2.0.0 field, not 1.0.0; an unknown field stops the whole file'
  ])
  // JSON files are read leniently by the real tool (encoding/json ignores unknown fields).
  expect(
    await problemsOf(
      'ok.json',
      JSON.stringify({ schemaVersion: '2.0.0', extra: 1, fileExistenceTests: [{ name: 'x', path: '/x' }] })
    )
  ).toEqual([])
})

test('wrong types, missing names and commands, bad versions: each one sentence', async () => {
  expect(
    await problemsOf(
      'types.yaml',
      [
        "schemaVersion: '2.0.0'",
        'commandTests:',
        '  - name: one',
        "    command: ['sh', '-c']",
        '    exitCode: nope',
        '  - command: true',
        'fileExistenceTests:',
        '  - name: perms',
        '    path: /x',
        '    shouldExist: maybe',
        '    isExecutableBy: everyone'
      ].join('\n')
    )
  ).toEqual([
    'Input "structure-tests": "types.yaml" commandTests[1] "one": field "command" (line 4) is not a string',
    'Input "structure-tests": "types.yaml" commandTests[1] "one": field "exitCode" (line 5) is not a whole number',
    'Input "structure-tests": "types.yaml" fileExistenceTests[1] "perms": field "shouldExist" (line 10) is not true or false'
  ])
  expect(await problemsOf('noversion.yaml', 'commandTests: []')).toEqual([
    'Input "structure-tests": "noversion.yaml" has no schemaVersion (container-structure-test needs one, e.g. schemaVersion: 2.0.0)'
  ])
  expect(await problemsOf('v3.yaml', "schemaVersion: '3.0.0'")).toEqual([
    'Input "structure-tests": "v3.yaml" has schemaVersion "3.0.0", which container-structure-test does not know (1.0.0 or 2.0.0)'
  ])
  expect(
    await problemsOf(
      'invalid.yaml',
      ["schemaVersion: '2.0.0'", 'commandTests:', '  - name: x', '  - command: y'].join('\n')
    )
  ).toEqual([
    'Input "structure-tests": "invalid.yaml" commandTests[1] "x" has no command',
    'Input "structure-tests": "invalid.yaml" commandTests[2] has no name (container-structure-test: "Please provide a valid name for every test")'
  ])
  expect(await problemsOf('tests.txt', 'x')).toEqual([
    'Input "structure-tests": "tests.txt" is not a .yaml, .yml or .json file (container-structure-test reads only those)'
  ])
})
