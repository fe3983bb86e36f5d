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
