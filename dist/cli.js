#!/usr/bin/env node
// The docker-preflight command: the same bundle as the action, started as a CLI.
import { runCli } from './index.js'

process.exitCode = await runCli(process.argv.slice(2))
