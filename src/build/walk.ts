// The two ways a build context is walked, each ported from the code `docker build` runs:
// - fsutilWalk: BuildKit's. The frontend reads .dockerignore itself and asks the session for a local
//   directory with include/exclude patterns and follow paths; the client answers with tonistiigi/fsutil's
//   FilterFS walk (filter.go), whose rules differ from the classic ones in which excluded directories it
//   still enters and in listing the parents of a re-included file.
// - archiveWalk: the classic builder's. The docker CLI tars the context with moby/go-archive's
//   TarWithOptions after adding `!Dockerfile` and `!.dockerignore` exceptions (TrimBuildFilesFromExcludes);
//   the engine removes those two files again afterwards when .dockerignore excludes them.

import { lstatSync, readdirSync, type Dirent, type Stats } from 'node:fs'
import { lstat, readlink } from '../fs-async.js'
import { join } from 'node:path'
import { goClean } from '../gopath.js'
import { NO_MATCH_INFO, PatternMatchError, PatternMatcher, type MatchInfo, type Pattern } from './ignore.js'

export interface WalkEntry {
  /** Slash path relative to the walked directory. */
  path: string
  absolute: string
  info: Stats
  /**
   * fsutil only: false when fsutil's filterFS.Open refuses the file although its walk listed it. Open
   * asks MatchesOrParentMatches, the walk MatchesUsingParentResults, and they disagree when an exception
   * re-includes a file whose parent a later line excludes again (`*`, `!d/k*`, `[!a-c]*` lists d/keep,
   * then refuses to open it). fsutil's sendFile then sends no data: BuildKit writes an empty file, and
   * `docker build` (buildx 0.29, on every engine) has d/keep empty in the image. The sender must do the
   * same for such an entry. Undefined where Open refuses nothing (no include patterns, no `!` lines).
   */
  opens?: boolean
}

export interface WalkCounts {
  /** Entries left out by the patterns (a directory skipped whole counts once). */
  ignored: number
}

/**
 * os.ReadDir's order: by name, compared as UTF-8 bytes. Read synchronously, as the lstats (statAll): a
 * directory listing is one quick system call, where the promise form is a trip through libuv's threads.
 */
async function sortedEntries(dir: string): Promise<Dirent[]> {
  const entries = readdirSync(dir, { withFileTypes: true })
  return entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
}

const SKIP_DIR = Symbol('skip dir')
type Visit = (path: string, isDir: boolean) => Promise<typeof SKIP_DIR | void>

/** filepath.WalkDir below `root` (the root itself not visited), in its order; symlinks are not followed. */
async function walkDir(root: string, visit: Visit, signal?: AbortSignal): Promise<void> {
  const recurse = async (rel: string): Promise<void> => {
    for (const entry of await sortedEntries(rel ? join(root, rel) : root)) {
      if (signal?.aborted) throw new Error('walking the build context was stopped')
      const path = rel ? `${rel}/${entry.name}` : entry.name
      const isDir = entry.isDirectory()
      const result = await visit(path, isDir)
      if (isDir && result !== SKIP_DIR) await recurse(path)
    }
  }
  await recurse('')
}

export interface FilterOptions {
  includePatterns?: string[]
  excludePatterns?: string[]
  followPaths?: string[]
}

/** fsutil's patternWithoutTrailingGlob. */
function withoutTrailingGlob(pattern: Pattern): string {
  return pattern.cleaned.replace(/\/\*\*$/, '').replace(/\/\*$/, '')
}

const PATTERN_CHARS = /[*[\]?^\\]/

/**
 * fsutil.NewFilterFS + Walk over a directory: yields what BuildKit receives, in order. Throws fsutil's
 * errors (an invalid pattern list, a pattern that fails to match).
 */
export async function* fsutilWalk(
  root: string,
  options: FilterOptions,
  counts: WalkCounts = { ignored: 0 },
  signal?: AbortSignal
): AsyncGenerator<WalkEntry> {
  let includePatterns = options.includePatterns ? [...options.includePatterns] : undefined
  if (options.followPaths) {
    const targets = await followLinks(root, options.followPaths)
    if (targets) includePatterns = dedupePaths([...(includePatterns ?? []), ...targets])
  }
  let include: PatternMatcher | undefined
  let exclude: PatternMatcher | undefined
  try {
    if (includePatterns && includePatterns.length > 0) include = PatternMatcher.create(includePatterns)
  } catch (error) {
    throw new Error(`invalid includepatterns: [${includePatterns!.join(' ')}]: ${(error as Error).message}`)
  }
  try {
    if (options.excludePatterns && options.excludePatterns.length > 0)
      exclude = PatternMatcher.create(options.excludePatterns)
  } catch (error) {
    throw new Error(
      `invalid excludepatterns: [${options.excludePatterns!.join(' ')}]: ${(error as Error).message}`
    )
  }
  const onlyPrefixIncludes = !include?.patterns.some(
    p => !p.exclusion && PATTERN_CHARS.test(withoutTrailingGlob(p))
  )
  const onlyPrefixExcludeExceptions = !exclude?.patterns.some(
    p => p.exclusion && PATTERN_CHARS.test(withoutTrailingGlob(p))
  )

  interface Visited {
    path: string
    withSep: string
    includeInfo: MatchInfo
    excludeInfo: MatchInfo
    calledFn: boolean
  }
  const parents: Visited[] = []
  const out: string[] = []
  const filtering = include !== undefined || exclude !== undefined

  const visit: Visit = async (path, isDir) => {
    if (filtering) {
      while (parents.length > 0 && !path.startsWith(parents[parents.length - 1]!.withSep)) parents.pop()
    }
    const last = parents[parents.length - 1]
    const dir: Visited | undefined = isDir
      ? { path, withSep: `${path}/`, includeInfo: NO_MATCH_INFO, excludeInfo: NO_MATCH_INFO, calledFn: false }
      : undefined
    let skip = false
    if (include) {
      const { matched, info } = matchOrFail(include, path, last?.includeInfo, 'includepatterns')
      if (dir) dir.includeInfo = info
      if (!matched) {
        if (isDir && onlyPrefixIncludes) {
          const dirSlash = `${path}/`
          const inside = include.patterns.some(
            p => !p.exclusion && `${withoutTrailingGlob(p)}/`.startsWith(dirSlash)
          )
          if (!inside) {
            counts.ignored++
            return SKIP_DIR
          }
        }
        skip = true
      }
    }
    if (exclude) {
      const { matched, info } = matchOrFail(exclude, path, last?.excludeInfo, 'excludepatterns')
      if (dir) dir.excludeInfo = info
      if (matched) {
        if (isDir && onlyPrefixExcludeExceptions) {
          const dirSlash = `${path}/`
          const inside =
            exclude.exclusions &&
            exclude.patterns.some(p => p.exclusion && `${withoutTrailingGlob(p)}/`.startsWith(dirSlash))
          if (!inside) {
            counts.ignored++
            return SKIP_DIR
          }
        }
        skip = true
      }
    }
    if (filtering && dir) parents.push(dir)
    if (skip) {
      if (!isDir) counts.ignored++
      return
    }
    if (dir) dir.calledFn = true
    // A parent left out by the patterns is listed after all, before the first thing inside it that is kept.
    for (const parent of parents) {
      if (parent.calledFn || parent === dir) continue
      parent.calledFn = true
      out.push(parent.path)
    }
    out.push(path)
  }

  await walkDir(root, visit, signal)
  // filterFS.Open's check; errors there are the walk's errors too, already thrown above.
  const opens = (path: string): boolean => {
    try {
      return !(
        (include && !include.matchesOrParentMatches(path)) ||
        (exclude && exclude.matchesOrParentMatches(path))
      )
    } catch {
      return false
    }
  }
  // Without include patterns or `!` lines, Open refuses nothing the walk lists: a parent any pattern matches
  // was skipped whole, and the file itself was matched against every pattern already.
  const mayRefuse = include !== undefined || exclude?.exclusions === true
  for await (const entry of statAll(root, out)) {
    // Asked lazily: it costs a second match of every pattern against the file and its parents.
    if (mayRefuse && entry.info.isFile())
      Object.defineProperty(entry, 'opens', { get: () => opens(entry.path), enumerable: true })
    yield entry
  }
}

/**
 * lstat of each path, synchronously in small batches: a cached lstat takes microseconds, while the
 * promise form queues each on libuv's four threads, where a listing of thousands of entries made every
 * file read BuildKit asked for meanwhile wait behind it (BENCHMARKS.md, figure 3b). Between batches the
 * event loop runs (the session's socket, those reads).
 */
async function* statAll(root: string, paths: string[]): AsyncGenerator<WalkEntry> {
  const BATCH = 256
  for (let at = 0; at < paths.length; at += BATCH) {
    if (at > 0) await new Promise<void>(resolve => setImmediate(resolve))
    const batch = paths.slice(at, at + BATCH).map(path => {
      const absolute = join(root, path)
      return { path, absolute, info: lstatSync(absolute) }
    })
    yield* batch
  }
}

function matchOrFail(
  matcher: PatternMatcher,
  path: string,
  parent: MatchInfo | undefined,
  what: string
): { matched: boolean; info: MatchInfo } {
  try {
    return matcher.matchesUsingParentResults(path, parent ?? NO_MATCH_INFO)
  } catch (error) {
    throw new Error(`failed to match ${what}: ${(error as Error).message}`, { cause: error })
  }
}

/**
 * fsutil's FollowLinks: each follow path with the symlinks along it resolved (inside the root), so the
 * targets are sent too. Wildcards in follow paths are passed through unresolved.
 */
async function followLinks(root: string, paths: string[]): Promise<string[] | undefined> {
  const resolved = new Set<string>()
  const append = async (p: string, depth: number): Promise<void> => {
    if (depth > 40) return
    p = goClean(`./${p}`).replace(/^\/+/, '')
    if (p === '.' || p === '') {
      resolved.add('.')
      return
    }
    const parts = p.split('/')
    let current = ''
    for (let i = 0; i < parts.length; i++) {
      current = current ? `${current}/${parts[i]}` : parts[i]!
      const rest = parts.slice(i + 1).join('/')
      let target: string | undefined
      try {
        const info = await lstat(join(root, current))
        if (info.isSymbolicLink()) {
          const link = goClean(await readlink(join(root, current)))
          target = link.startsWith('/') ? link : goClean(`/${goClean(`${current}/..`)}/${link}`)
        }
      } catch {
        target = undefined
      }
      if ((rest === '' || target !== undefined) && resolved.has(current)) return
      if (target !== undefined) {
        resolved.add(current)
        await append(rest ? `${target}/${rest}` : target, depth + 1)
        return
      }
      if (rest === '') {
        resolved.add(current)
        return
      }
    }
  }
  for (const p of paths) await append(p, 0)
  const list = [...resolved].sort()
  return dedupePaths(list)
}

/** fsutil's dedupePaths: drops paths under another in the (sorted) list; `.` means no filter at all. */
function dedupePaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort()
  const out: string[] = []
  for (const p of sorted) {
    if (p === '.') return []
    const last = out[out.length - 1]
    if (last !== undefined && p.startsWith(`${last}/`)) continue
    out.push(p)
  }
  return out
}

/**
 * The classic builder's context as the docker CLI tars it: go-archive's walk with the CLI's exceptions for
 * the Dockerfile and .dockerignore added. A directory the patterns exclude is still entered when an
 * exception pattern starts with its path, but is not itself sent.
 */
export async function* archiveWalk(
  root: string,
  patterns: string[],
  dockerfileInContext: string | undefined,
  counts: WalkCounts = { ignored: 0 },
  signal?: AbortSignal
): AsyncGenerator<WalkEntry> {
  const excludes = [...patterns]
  const keep = (name: string): boolean => {
    try {
      return PatternMatcher.create(excludes).matchesOrParentMatches(name)
    } catch {
      return false
    }
  }
  if (keep('.dockerignore')) excludes.push('!.dockerignore')
  if (dockerfileInContext !== undefined && keep(dockerfileInContext)) excludes.push(`!${dockerfileInContext}`)
  const pm = PatternMatcher.create(excludes)
  const parents: { path: string; info: MatchInfo }[] = []
  const out: string[] = []
  const visit: Visit = async (path, isDir) => {
    while (parents.length > 0 && !path.startsWith(`${parents[parents.length - 1]!.path}/`)) parents.pop()
    const { matched, info } = pm.matchesUsingParentResults(
      path,
      parents[parents.length - 1]?.info ?? NO_MATCH_INFO
    )
    if (isDir) parents.push({ path, info })
    if (matched) {
      if (!isDir) {
        counts.ignored++
        return
      }
      const dirSlash = `${path}/`
      if (pm.exclusions && pm.patterns.some(p => p.exclusion && `${p.cleaned}/`.startsWith(dirSlash))) return
      counts.ignored++
      return SKIP_DIR
    }
    out.push(path)
  }
  await walkDir(root, visit, signal)
  yield* statAll(root, out)
}

/**
 * A .dockerignore line whose pattern Go's regexp refuses fails the build only when docker's walk gets to
 * match a path against it (an exception after nothing matched, or a line after `*`, may never be). Walks
 * the context as `docker build` would, only when such a line exists: the classic builder's CLI checks the
 * context first (ValidateContextDirectory: every path, an excluded directory skipped whole); BuildKit's
 * client walks with fsutil. Returns the index of the pattern the walk fails on, if it does.
 */
export async function refusedPatternIndex(
  root: string,
  patterns: string[],
  builder: 'buildkit' | 'classic',
  signal?: AbortSignal
): Promise<number | undefined> {
  const matcher = PatternMatcher.create(patterns)
  if (!matcher.patterns.some(p => p.refused)) return undefined
  try {
    if (builder === 'buildkit') {
      for await (const entry of fsutilWalk(root, { excludePatterns: patterns }, undefined, signal)) void entry
    } else {
      await walkDir(
        root,
        async (path, isDir) => (matcher.matchesOrParentMatches(path) && isDir ? SKIP_DIR : undefined),
        signal
      )
    }
  } catch (error) {
    const cause = error instanceof PatternMatchError ? error : (error as Error).cause
    if (cause instanceof PatternMatchError) return cause.index
    throw error
  }
  return undefined
}
