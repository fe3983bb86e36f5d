// What the pipeline loads for the efficiency stage, in one chunk of the bundle (see pipeline.ts).
export { analyseEfficiency, attachLines } from './efficiency.js'
export { logEfficiency } from './log.js'
