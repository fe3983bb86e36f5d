import { jest } from '@jest/globals'
import { GitHubLog, mightBeCommand } from '../src/runtime/github-log.js'
import {
  obeyedCommands,
  runnerCommands,
  unguardedLinesWith,
  type RunnerCommand
} from './helpers/runner-commands.js'

// Workflow-command injection: untrusted text (build output, container output, image labels, engine
// error messages) must never be obeyed by the runner. The runner's reading of stdout is modelled in
// helpers/runner-commands.ts (from actions/runner's source); the end-to-end runs of the action are in
// injection-action.test.ts.

const MARK = 'INJECTED'

/** Each payload is written as one or more separate writes (a later write may try to finish an earlier one). */
const PAYLOADS: Record<string, string[]> = {
  'set-output': [`::set-output name=x::${MARK}`],
  'save-state': [`::save-state name=x::${MARK}`],
  'add-mask': [`::add-mask::${MARK}-secret`],
  'error with a file': [`::error file=x,line=1::${MARK}`],
  'stop-commands, resume and a command, in one write': [
    `::stop-commands::abc\n::set-output name=x::${MARK}\n::abc::\n::set-output name=y::${MARK}`
  ],
  'stop-commands now, resume in a later write': [
    `::stop-commands::abc`,
    `::abc::\n::set-output name=z::${MARK}`
  ],
  '##[error] mid-line': [`step 3/5: compiling ##[error]${MARK}`],
  '##[set-output] mid-line, v1 properties': [`done ##[set-output name=x;]${MARK}`],
  'a line split by a lone \\r': [`progress 10%\r::set-output name=x::${MARK}`],
  'a line split by \\r\\n': [`progress 10%\r\n::add-mask::${MARK}`],
  'leading white space': [` \t ::set-output name=x::${MARK}`],
  'a leading U+0085 (white space to .NET)': [`\u0085::set-output name=x::${MARK}`],
  'upper-case command': [`::SET-OUTPUT name=x::${MARK}`],
  'hidden in ANSI colours': [`\x1b[31m::set-output name=x::${MARK}\x1b[0m`],
  'split across two writes': [`::set-out`, `put name=x::${MARK}`],
  'a soft hyphen between the colons': [`:\u00ad:set-output name=x::${MARK}`],
  'newline then command, in a single line of ours': [`\n::set-output name=x::${MARK}`]
}

/** The paths untrusted text takes to the log, each as the stage code calls the Log. */
const PATHS: Record<string, (log: GitHubLog, payload: string[]) => Promise<void>> = {
  'build output (an untrusted block)': async (log, payload) => {
    const block = log.untrusted('Build')
    for (const chunk of payload) block.write(chunk)
    block.close()
  },
  'container output (overlapping untrusted blocks)': async (log, payload) => {
    const a = log.untrusted('Smoke: a')
    const b = log.untrusted('Smoke: b')
    for (const chunk of payload) {
      a.write(chunk)
      b.write(chunk)
    }
    a.close()
    log.error('TRUSTED-BETWEEN') // written while b is still open: must still be obeyed
    b.close()
  },
  'an image label in a line of ours': async (log, payload) => {
    for (const chunk of payload) log.info(`Label org.example.note=${chunk}`)
  },
  'progress from a pull or build': async (log, payload) => {
    for (const chunk of payload) log.progress(`Pulling busybox: ${chunk}`)
  },
  'an engine error as an error annotation': async (log, payload) => {
    for (const chunk of payload) log.error(`Cannot use the Docker engine: ${chunk}`)
  },
  'an engine warning with an untrusted title': async (log, payload) => {
    for (const chunk of payload) log.warning(chunk, { title: chunk })
  },
  'a group titled with untrusted text': async (log, payload) => {
    for (const chunk of payload) await log.group(chunk, async () => log.info('inside'))
  },
  'debug lines (with step debug on)': async (log, payload) => {
    for (const chunk of payload) log.debug(`engine said: ${chunk}`)
  }
}

/** Captures everything written to stdout (GitHubLog and @actions/core both write there) while `fn` runs. */
async function captureStdout(fn: () => Promise<void>): Promise<string> {
  let out = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    return true
  }) as typeof process.stdout.write)
  try {
    await fn()
  } finally {
    spy.mockRestore()
  }
  return out
}

function describeCommand(c: RunnerCommand): string {
  const props = Object.entries(c.properties)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
  return `${c.command}${props ? ` ${props}` : ''}`
}

describe('the runner model itself (so the tests below can fail)', () => {
  test('obeys what the runner obeys: v2 at a line start, v1 anywhere, lines split on \\r', () => {
    const out = `::set-output name=a::1\nx ##[add-mask]2\nprogress\r::save-state name=b::3\n  ::ERROR file=f::4\n`
    expect(obeyedCommands(out).map(c => [describeCommand(c), c.data])).toEqual([
      ['set-output name=a', '1'],
      ['add-mask', '2'],
      ['save-state name=b', '3'],
      ['error file=f', '4']
    ])
  })

  test('stop-commands suspends everything until its token, and only the token resumes', () => {
    const out =
      '::stop-commands::t0k\n::set-output name=a::1\n::stop-commands::other\n::other::\n::T0K::\n::error::after\n'
    expect(runnerCommands(out).map(c => `${c.effect} ${c.command}`)).toEqual([
      'stop stop-commands',
      'resume t0k',
      'obeyed error'
    ])
  })

  test('an unguarded payload is caught by the checks used below', () => {
    const out = `::set-output name=x::${MARK}\n`
    expect(obeyedCommands(out)).toHaveLength(1)
    expect(unguardedLinesWith(out, MARK)).toEqual([`::set-output name=x::${MARK}`])
  })
})

describe.each(Object.keys(PATHS))('untrusted text through %s', path => {
  const previousDebug = process.env.RUNNER_DEBUG
  beforeAll(() => {
    process.env.RUNNER_DEBUG = '1'
  })
  afterAll(() => {
    if (previousDebug === undefined) delete process.env.RUNNER_DEBUG
    else process.env.RUNNER_DEBUG = previousDebug
  })

  test.each(Object.keys(PAYLOADS))('%s: nothing is obeyed, and our own commands still are', async name => {
    const payload = PAYLOADS[name]!
    const output = await captureStdout(async () => {
      const log = new GitHubLog()
      await PATHS[path]!(log, payload)
      log.error('TRUSTED-AFTER')
    })

    const obeyed = obeyedCommands(output)
    // Only our own kinds of command, and none of them shaped by the payload.
    for (const command of obeyed) {
      expect(['error', 'warning', 'group', 'endgroup', 'debug']).toContain(command.command)
      expect(Object.keys(command.properties).filter(k => k !== 'title')).toEqual([])
    }
    expect(obeyed.filter(c => c.command === 'error' && c.data.startsWith('TRUSTED'))).not.toHaveLength(0)
    expect(obeyed.at(-1)?.data).toBe('TRUSTED-AFTER')
    if (path.startsWith('container')) expect(obeyed.map(c => c.data)).toContain('TRUSTED-BETWEEN')
    // Every guard that was opened was closed.
    const guard = runnerCommands(output).filter(c => c.effect !== 'obeyed')
    expect(guard.map(c => c.effect)).toEqual(guard.map((_, i) => (i % 2 === 0 ? 'stop' : 'resume')))
    for (const stop of guard.filter(c => c.effect === 'stop')) expect(stop.data).toMatch(/^[0-9a-f]{32}$/)
    // And even what the model does not read as a command (a soft hyphen) is inside a guard.
    expect(unguardedLinesWith(output, MARK)).toEqual([])
  })
})

describe('mightBeCommand', () => {
  test.each([
    ['plain text', 'Step 1/3 : FROM busybox', false],
    ['a docker step line with one colon', 'Step 1/3 : RUN make', false],
    ['a time with colons is guarded (conservative)', '12:00::00', true],
    ['v1 prefix', 'x ##[y]', true],
    ['carriage return', 'a\rb', true],
    ['soft hyphen between colons', ':\u00ad:x::', true],
    ['zero-width space in v1 prefix', '#\u200b#[x]', true]
  ])('%s', (_name, text, expected) => {
    expect(mightBeCommand(text)).toBe(expected)
  })
})
