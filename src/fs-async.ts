// The few promise-returning file calls the run makes, over node:fs's callback API rather than imported
// from node:fs/promises: on Node 24, loading node:fs/promises also loads readline, the REPL's history and
// the fs watchers (its FileHandle.readLines and watch): the default run's peak went from 60.4 to 59.6 MB
// on Node 24 without it, for a run that reads a Dockerfile, a .dockerignore and a few symlinks
// (BENCHMARKS.md, issue 14). util.promisify keeps node's own typings and errors (ENOENT and the rest,
// with their paths).
import {
  lstat as lstatCallback,
  readFile as readFileCallback,
  readlink as readlinkCallback,
  stat as statCallback
} from 'node:fs'
import { promisify } from 'node:util'

export const readFile = promisify(readFileCallback)
export const readlink = promisify(readlinkCallback)
export const lstat = promisify(lstatCallback)
export const stat = promisify(statCallback)
