// JUnit XML as container-structure-test writes it (pkg/output/output.go: testsuites > testsuite >
// testcase with failure, system-out and system-err), one testsuite per file, named by the file, so the
// usual test-report actions show each file apart. Text from the image is untrusted: escaped, and the
// characters XML 1.0 cannot hold are dropped.
import { toSeconds } from '../format.js'
import type { StructureResult } from './run.js'

export function junitXml(result: StructureResult): string {
  const cases = result.files.flatMap(f => f.results)
  const failures = cases.filter(c => !c.passed).length
  const seconds = (ms: number): string => String(toSeconds(ms))
  const suites = result.files.map(file => {
    const fileFailures = file.results.filter(r => !r.passed).length
    const testcases = file.results.map(r => {
      const body = [
        ...r.errors.map(e => `<failure>${xml(e)}</failure>`),
        `<system-out>${xml(r.stdout ?? '')}</system-out>`,
        `<system-err>${xml(r.stderr ?? '')}</system-err>`
      ].join('')
      return `<testcase name="${xml(r.name)}" classname="${xml(file.file)}" time="${seconds(r.durationMs)}">${body}</testcase>`
    })
    return `<testsuite name="${xml(file.file)}" tests="${file.results.length}" failures="${fileFailures}" time="${seconds(file.durationMs)}">${testcases.join('')}</testsuite>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?><testsuites failures="${failures}" tests="${cases.length}" time="${seconds(result.durationMs)}">${suites.join('')}</testsuites>\n`
}

function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
      .replace(
        /[&<>"']/g,
        c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!
      )
  )
}
