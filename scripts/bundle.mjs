// npm run bundle: dist/index.js (the action, and the library the CLI imports) with ncc, plus the tiny
// dist/cli.js wrapper that package.json's `bin` points at.
import { execFileSync } from 'node:child_process'
import { chmodSync, rmSync, writeFileSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
execFileSync(
  process.execPath,
  [
    'node_modules/@vercel/ncc/dist/ncc/cli.js',
    'build',
    'src/index.ts',
    '-o',
    'dist',
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
writeFileSync(
  'dist/cli.js',
  `#!/usr/bin/env node
// The docker-preflight command: the same bundle as the action, started as a CLI.
import { runCli } from './index.js'

process.exitCode = await runCli(process.argv.slice(2))
`
)
chmodSync('dist/cli.js', 0o755)
