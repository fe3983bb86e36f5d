// npm run bundle: dist/index.js (the action, and the library the CLI imports) with ncc, plus the tiny
// dist/cli.js wrapper that package.json's `bin` points at. `node scripts/bundle.mjs /tmp/x` writes the same
// bundle elsewhere (a throwaway bundle for tests and benchmarks: PREFLIGHT_ENTRY=/tmp/x/index.js).
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const out = process.argv[2] || 'dist'
rmSync(out, { recursive: true, force: true })
execFileSync(
  process.execPath,
  [
    'node_modules/@vercel/ncc/dist/ncc/cli.js',
    'build',
    'src/index.ts',
    '-o',
    out,
    '--license',
    'licenses.txt',
    // ssh2's optional native addons: left out so dist/ is the same whether or not npm built them here
    // (ssh2 falls back to pure JS when they fail to load, and a binary built for this machine's Node
    // would not load on the runner's anyway).
    '--external',
    'cpu-features',
    '--external',
    './crypto/build/Release/sshcrypto.node',
    '--quiet'
  ],
  { stdio: 'inherit' }
)
// V8 keeps each chunk's source in memory while the process runs, as one byte a character unless one
// character is beyond Latin-1: then the whole chunk takes two (one `→` in a comment doubled a 2 MB chunk).
// Those characters are written as \u escapes, which mean the same in strings, templates, regular
// expressions and comments (nothing in the bundle reads a template's raw text).
for (const name of readdirSync(out).filter(f => f.endsWith('.js'))) {
  const file = join(out, name)
  const text = readFileSync(file, 'utf8')
  // An escaped character (`\→`) would turn into an escaped backslash: none is there today; say so if one comes.
  if (/\\[\u0100-\uffff]/.test(text)) throw new Error(`${file}: a backslash before a non-Latin-1 character`)
  const escaped = text.replace(/[\u0100-\uffff]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  if (escaped !== text) writeFileSync(file, escaped)
}
writeFileSync(
  join(out, 'cli.js'),
  `#!/usr/bin/env node
// The docker-preflight command: the same bundle as the action, started as a CLI.
import { runCli } from './index.js'

process.exitCode = await runCli(process.argv.slice(2))
`
)
chmodSync(join(out, 'cli.js'), 0o755)
