import { readFileSync } from 'node:fs'
import YAML from 'yaml'

/** action.yml's `runs.post-if`. */
export function actionPostIf(): string {
  const action = YAML.parse(readFileSync('action.yml', 'utf8')) as { runs: { 'post-if'?: string } }
  return action.runs['post-if'] ?? 'always()'
}

/**
 * Whether the runner starts the post step: `post-if` evaluated against the job's environment after main
 * (its GITHUB_ENV lines applied), as actions/runner's StepsRunner evaluates a post step's condition.
 * Only the grammar action.yml uses is understood: `always()`, `&&`, and `env.NAME == 'text'` or
 * `env.NAME != 'text'`. Anything else throws, so a post-if this cannot read fails the tests instead of
 * being guessed. As in GitHub's expressions, strings compare case-insensitively and an unset variable
 * (null) equals no non-empty string.
 */
export function runnerStartsPost(postIf: string, env: Record<string, string | undefined>): boolean {
  return postIf.split('&&').every(term => {
    const part = term.trim()
    if (part === 'always()') return true
    const comparison = /^env\.([A-Za-z_][A-Za-z0-9_]*)\s*(==|!=)\s*'([^']*)'$/.exec(part)
    if (!comparison) throw new Error(`post-if term the test runner does not understand: ${part}`)
    const [, name, operator, text] = comparison as unknown as [string, string, string, string]
    const value = env[name]
    // null == '' holds in GitHub's expressions (both coerce to 0); null equals no other string.
    const equal = value === undefined ? text === '' : value.toLowerCase() === text.toLowerCase()
    return operator === '==' ? equal : !equal
  })
}
