// Parsing the `smoke` input: what the user sees for each kind of mistake, all reported together.
import { ProblemList, formatProblem } from '../src/inputs/problems.js'
import { didYouMean } from '../src/did-you-mean.js'
import { parseSmokeList, type SmokeSpec } from '../src/smoke/spec.js'

async function parse(yaml: string): Promise<{ specs?: SmokeSpec[]; problems: string[] }> {
  const problems = new ProblemList()
  const specs = await parseSmokeList(yaml, { timeoutMs: 60_000 }, problems)
  return { specs, problems: problems.items.map(formatProblem) }
}

describe('parseSmokeList', () => {
  test('empty means the defaults; [] means no containers', async () => {
    expect(await parse('')).toEqual({ specs: undefined, problems: [] })
    expect(await parse('  \n# only a comment\n')).toEqual({ specs: undefined, problems: [] })
    expect(await parse('[]')).toEqual({ specs: [], problems: [] })
  })

  test('a full entry', async () => {
    const { specs, problems } = await parse(`
- name: web
  image: 127.0.0.1:5000/busybox:latest
  entrypoint: /bin/sh
  command: -c 'httpd -f -p 80 -h "/var/www dir"'
  env: { PORT: 80, DEBUG: true, EMPTY: null }
  user: 1000
  workdir: /srv
  ports: ["8080:80", "80", 53/udp, 127.0.0.1:9090:90]
  expect-exit-code: 3
  expect-output: /ready/i
  reject-output: panic|fatal
  timeout: 1m30s
  ready: { http: /health }
`)
    expect(problems).toEqual([])
    expect(specs).toEqual([
      {
        name: 'web',
        image: '127.0.0.1:5000/busybox:latest',
        entrypoint: ['/bin/sh'],
        command: ['-c', 'httpd -f -p 80 -h "/var/www dir"'],
        env: { PORT: '80', DEBUG: 'true', EMPTY: '' },
        user: '1000',
        workdir: '/srv',
        ports: [
          { containerPort: 80, hostPort: 8080, protocol: 'tcp' },
          { containerPort: 80, hostPort: undefined, protocol: 'tcp' },
          { containerPort: 53, hostPort: undefined, protocol: 'udp' },
          { containerPort: 90, hostPort: 9090, protocol: 'tcp', hostIp: '127.0.0.1' }
        ],
        expectExitCode: 3,
        expectOutput: /ready/im,
        rejectOutput: /panic|fatal/m,
        timeoutMs: 90_000,
        ready: { kind: 'http', target: '/health', containerPort: 80 }
      }
    ])
  })

  test('defaults: name from the image, the built image when image is omitted, smoke-timeout', async () => {
    const { specs } = await parse(`
- image: 127.0.0.1:5000/team/busybox:1.36
- image: busybox
  command: [echo, "$HOME stays literal", 3]
- command: echo "$HOME" stays literal
- { ready: { port: 80 }, ports: [80], timeout: 5 }
`)
    expect(specs!.map(s => [s.name, s.image, s.timeoutMs])).toEqual([
      ['busybox', '127.0.0.1:5000/team/busybox:1.36', 60_000],
      ['busybox-2', 'busybox', 60_000],
      ['built-image', undefined, 60_000],
      ['built-image-2', undefined, 5000]
    ])
    expect(specs![1]!.command).toEqual(['echo', '$HOME stays literal', '3'])
    expect(specs![2]!.command).toEqual(['echo', '$HOME', 'stays', 'literal'])
    expect(specs![0]).toMatchObject({ expectExitCode: 0, env: {}, ports: [] })
    expect(specs![3]!.ready).toEqual({ kind: 'port', port: 80 })
  })

  test('ready by log, healthy, and a full URL need no published port', async () => {
    const { specs, problems } = await parse(`
- { image: busybox, ready: { log: 'listening on :\\d+' } }
- { image: busybox, ready: { healthy: true } }
- { image: busybox, ready: { http: "http://127.0.0.1:8080/health" } }
`)
    expect(problems).toEqual([])
    expect(specs!.map(s => s.ready)).toEqual([
      { kind: 'log', pattern: /listening on :\d+/m },
      { kind: 'healthy' },
      { kind: 'http', target: 'http://127.0.0.1:8080/health' }
    ])
  })

  test('not YAML', async () => {
    expect((await parse('- image: busybox\n  command: [echo\n')).problems).toEqual([
      expect.stringMatching(
        /^Input "smoke": "- image: busybox\\n {2}command: \[echo\\n" is not valid YAML: .+ at line \d+, column \d+$/
      )
    ])
    expect((await parse('- name: a\n  name: b')).problems).toEqual([
      'Input "smoke": "- name: a\\n  name: b" is not valid YAML: Map keys must be unique at line 2, column 3'
    ])
  })

  test('not a list', async () => {
    expect((await parse('image: busybox')).problems).toEqual([
      'Input "smoke": "image: busybox" is not a YAML list of containers (got a map; start each entry with "- ", e.g. "- image: hello-world")'
    ])
    expect((await parse('hello-world')).problems).toEqual([
      'Input "smoke": "hello-world" is not a YAML list of containers (got a string)'
    ])
  })

  test('an entry that is not a map', async () => {
    expect((await parse('- hello-world\n- [a, b]')).problems).toEqual([
      'Input "smoke": "hello-world" (entry #1) is not a map of settings (got a string; e.g. "- image: hello-world")',
      'Input "smoke": "[\\"a\\",\\"b\\"]" (entry #2) is not a map of settings (got a list; e.g. "- image: hello-world")'
    ])
  })

  test('unknown keys, with a did-you-mean', async () => {
    expect(
      (
        await parse(`
- name: web
  image: busybox
  expect-exitcode: 0
  expect_output: hi
  timout: 5s
  colour: blue
  ready: { htpp: /health }
`)
      ).problems
    ).toEqual([
      'Input "smoke": "expect-exitcode" (entry #1 "web") is not a known key; did you mean "expect-exit-code"?',
      'Input "smoke": "expect_output" (entry #1 "web") is not a known key; did you mean "expect-output"?',
      'Input "smoke": "timout" (entry #1 "web") is not a known key; did you mean "timeout"?',
      'Input "smoke": "colour" (entry #1 "web") is not a known key (expected one of name, image, command, entrypoint, env, user, workdir, ports, expect-exit-code, expect-output, reject-output, timeout, ready)',
      'Input "smoke": "htpp" (entry #1 "web", key "ready") is not a known key; did you mean "http"?'
    ])
  })

  test('bad port specs', async () => {
    expect(
      (await parse('- image: busybox\n  ports: ["80:http", "70000", "8080:0", "1-5:1-5", "80/sctp", {a: 1}]'))
        .problems
    ).toEqual([
      'Input "smoke": "80:http" (entry #1 "busybox", key "ports") is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")',
      'Input "smoke": "70000" (entry #1 "busybox", key "ports") has a container port outside 1-65535',
      'Input "smoke": "8080:0" (entry #1 "busybox", key "ports") has a container port outside 1-65535',
      'Input "smoke": "1-5:1-5" (entry #1 "busybox", key "ports") is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")',
      'Input "smoke": "80/sctp" (entry #1 "busybox", key "ports") is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")',
      'Input "smoke": "{\\"a\\":1}" (entry #1 "busybox", key "ports") is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")'
    ])
  })

  test('bad regular expressions', async () => {
    expect(
      (
        await parse(`
- image: busybox
  expect-output: "(unclosed"
  reject-output: /x/g
  ready: { log: "[z-a]" }
`)
      ).problems
    ).toEqual([
      'Input "smoke": "(unclosed" (entry #1 "busybox", key "expect-output") is not a regular expression: Invalid regular expression: /(unclosed/m: Unterminated group',
      'Input "smoke": "/x/g" (entry #1 "busybox", key "reject-output") has flags "g"; only i, s and u are allowed',
      'Input "smoke": "[z-a]" (entry #1 "busybox", key "ready.log") is not a regular expression: Invalid regular expression: /[z-a]/m: Range out of order in character class'
    ])
  })

  test('bad durations', async () => {
    expect(
      (
        await parse(
          '- { image: busybox, timeout: soon }\n- { image: busybox, timeout: -5s }\n- { image: busybox, timeout: [1] }'
        )
      ).problems
    ).toEqual([
      'Input "smoke": "soon" (entry #1 "busybox", key "timeout") is not a duration (expected e.g. 30s, 2m, 1m30s)',
      'Input "smoke": "-5s" (entry #2 "busybox", key "timeout") is not a duration (expected e.g. 30s, 2m, 1m30s)',
      'Input "smoke": "[1]" (entry #3 "busybox", key "timeout") is not a duration (expected e.g. 30s, 2m, 1m30s)'
    ])
  })

  test('wrong types', async () => {
    expect(
      (
        await parse(`
- name: "bad name!"
  image: "Not A Reference"
  command: { run: x }
  entrypoint: "a | b"
  env: [A=1]
  user: [root]
  workdir: ""
  expect-exit-code: 256
  ready: { healthy: false }
- name: two
  image: busybox
  env: { A: { nested: true } }
  expect-exit-code: zero
  ready: { port: 80, log: x }
`)
      ).problems
    ).toEqual([
      'Input "smoke": "bad name!" (entry #1 "bad name!", key "name") is not a name (letters, digits, "_", "." and "-", up to 63, first a letter or digit)',
      'Input "smoke": "Not A Reference" (entry #1 "bad name!", key "image") is not an image reference (e.g. busybox:1.36 or 127.0.0.1:5000/app:tag)',
      'Input "smoke": "{\\"run\\":\\"x\\"}" (entry #1 "bad name!", key "command") is not a string or a list of strings',
      'Input "smoke": "a | b" (entry #1 "bad name!", key "entrypoint") contains the shell operator "|"; use sh -c \'...\' or a list',
      'Input "smoke": "[\\"A=1\\"]" (entry #1 "bad name!", key "env") is not a map of NAME: value',
      'Input "smoke": "[\\"root\\"]" (entry #1 "bad name!", key "user") is not a user (e.g. 1000, nobody or 1000:1000)',
      'Input "smoke": "" (entry #1 "bad name!", key "workdir") is not a path',
      'Input "smoke": "256" (entry #1 "bad name!", key "expect-exit-code") is not an exit code (a whole number from 0 to 255)',
      'Input "smoke": "false" (entry #1 "bad name!", key "ready.healthy") must be true (the image HEALTHCHECK reports healthy)',
      'Input "smoke": "{\\"nested\\":true}" (entry #2 "two", key "env.A") is not a string, number or boolean',
      'Input "smoke": "zero" (entry #2 "two", key "expect-exit-code") is not an exit code (a whole number from 0 to 255)',
      'Input "smoke": "port, log" (entry #2 "two", key "ready") names more than one way to be ready; choose one'
    ])
  })

  test('readiness over http or a port needs that port published', async () => {
    expect(
      (
        await parse(`
- { name: a, image: busybox, ready: { http: /health } }
- { name: b, image: busybox, ports: ["53/udp"], ready: { http: /health } }
- { name: c, image: busybox, ports: ["8080:80"], ready: { port: 8080 } }
- { name: d, image: busybox, ready: { http: health } }
- { name: e, image: busybox, ready: { port: 0 } }
`)
      ).problems
    ).toEqual([
      'Input "smoke": "/health" (entry #1 "a", key "ready.http") needs a published TCP port: add ports (e.g. "8080:80" or "80")',
      'Input "smoke": "/health" (entry #2 "b", key "ready.http") needs a published TCP port: add ports (e.g. "8080:80" or "80")',
      'Input "smoke": "8080" (entry #3 "c", key "ready.port") is not a published TCP port: add ports (e.g. "8080")',
      'Input "smoke": "health" (entry #4 "d", key "ready.http") is not a path or URL (expected e.g. /health or http://127.0.0.1:8080/health)',
      'Input "smoke": "0" (entry #5 "e", key "ready.port") is not a port number (1-65535)'
    ])
  })

  test('duplicate names', async () => {
    expect((await parse('- { name: web, image: busybox }\n- { name: web, image: nginx }')).problems).toEqual([
      'Input "smoke": "web" (entry #2 "web", key "name") is already the name of entry #1'
    ])
  })

  test('every problem of every entry is reported together', async () => {
    const { specs, problems } = await parse(`
- { image: busybox, timeout: nope }
- just a string
- { image: busybox, ports: [x], expect-exitcode: 1 }
`)
    expect(specs).toBeUndefined()
    expect(problems).toHaveLength(4)
  })
})

describe('didYouMean', () => {
  test('close words are suggested, far ones are not', () => {
    const keys = ['expect-exit-code', 'expect-output', 'timeout', 'workdir', 'user']
    expect(didYouMean('expectExitCode', keys)).toBe('expect-exit-code')
    expect(didYouMean('expect-ouptut', keys)).toBe('expect-output')
    expect(didYouMean('working_dir', keys)).toBe(undefined)
    expect(didYouMean('usr', keys)).toBe('user')
    expect(didYouMean('colour', keys)).toBe(undefined)
  })
})
