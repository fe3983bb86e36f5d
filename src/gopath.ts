// Go's path rules, where this project matches what Go code does with a path: the .dockerignore port
// (src/build/ignore.ts, walk.ts) and container-structure-test's checks (src/structure/).

/** Go's path/filepath.Clean on Unix. */
export function goClean(path: string): string {
  if (path === '') return '.'
  const rooted = path.startsWith('/')
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
    } else out.push(part)
  }
  const joined = (rooted ? '/' : '') + out.join('/')
  return joined === '' ? '.' : joined
}
