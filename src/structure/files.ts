// The `structure-tests` input: paths or globs (relative to the workspace), one a line; each file is read
// and checked before anything is created.
import { existsSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { globSync, isDynamicPattern } from 'tinyglobby'
import type { ProblemList } from '../inputs/problems.js'
import { lines } from '../inputs/scalars.js'
import { STRUCTURE_INPUT, parseStructureFile, type StructureFile } from './spec.js'

export function parseStructureInput(text: string, workspace: string, problems: ProblemList): StructureFile[] {
  const files: StructureFile[] = []
  const seen = new Set<string>()
  for (const line of lines(text)) {
    let paths: string[]
    if (isDynamicPattern(line)) {
      paths = globSync(line, { cwd: workspace, absolute: true, onlyFiles: true, dot: true }).sort()
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
      const file = parseStructureFile(path, display.startsWith('..') ? path : display, problems)
      if (file) files.push(file)
    }
  }
  return files
}
