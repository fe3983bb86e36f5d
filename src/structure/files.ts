// The `structure-tests` input: paths or globs (relative to the workspace), one a line; each file is read
// and checked before anything is created.
import { existsSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import type { ProblemList } from '../inputs/problems.js'
import { lines } from '../inputs/scalars.js'
import { STRUCTURE_INPUT, parseStructureFile, type StructureFile } from './spec.js'

/** Every glob picomatch's scan (tinyglobby's isDynamicPattern) sees has one of these; a plain path has none. */
const MAYBE_GLOB = /[*?[{(!]/

export async function parseStructureInput(
  text: string,
  workspace: string,
  problems: ProblemList
): Promise<StructureFile[]> {
  const files: StructureFile[] = []
  const seen = new Set<string>()
  for (const line of lines(text)) {
    let paths: string[]
    // tinyglobby (with picomatch and fdir, ~90 KB) is loaded only for a line that may be a glob.
    const glob = MAYBE_GLOB.test(line) ? await import('tinyglobby') : undefined
    if (glob?.isDynamicPattern(line)) {
      paths = glob.globSync(line, { cwd: workspace, absolute: true, onlyFiles: true, dot: true }).sort()
      if (paths.length === 0) {
        problems.add(STRUCTURE_INPUT, line, `matches no file (looked under ${workspace})`)
        continue
      }
    } else {
      const path = isAbsolute(line) ? line : resolve(workspace, line)
      if (!existsSync(path)) {
        problems.add(STRUCTURE_INPUT, line, `is not a file (resolved to ${path})`)
        continue
      }
      paths = [path]
    }
    for (const path of paths) {
      if (seen.has(path)) continue
      seen.add(path)
      const display = relative(workspace, path) || path
      const file = await parseStructureFile(path, display.startsWith('..') ? path : display, problems)
      if (file) files.push(file)
    }
  }
  return files
}
