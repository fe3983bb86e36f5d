export const id = 937;
export const ids = [937];
export const modules = {

/***/ 4937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runStructureStage: () => (/* binding */ runStructureStage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/labels.ts
var labels = __webpack_require__(4584);
// EXTERNAL MODULE: ./src/stage.ts
var stage = __webpack_require__(1741);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
;// CONCATENATED MODULE: ./src/structure/junit.ts
// JUnit XML as container-structure-test writes it (pkg/output/output.go: testsuites > testsuite >
// testcase with failure, system-out and system-err), one testsuite per file, named by the file, so the
// usual test-report actions show each file apart. Text from the image is untrusted: escaped, and the
// characters XML 1.0 cannot hold are dropped.

function junitXml(result) {
    const cases = result.files.flatMap(f => f.results);
    const failures = cases.filter(c => !c.passed).length;
    const seconds = (ms) => String((0,format/* toSeconds */.fP)(ms));
    const suites = result.files.map(file => {
        const fileFailures = file.results.filter(r => !r.passed).length;
        const testcases = file.results.map(r => {
            const body = [
                ...r.errors.map(e => `<failure>${xml(e)}</failure>`),
                `<system-out>${xml(r.stdout ?? '')}</system-out>`,
                `<system-err>${xml(r.stderr ?? '')}</system-err>`
            ].join('');
            return `<testcase name="${xml(r.name)}" classname="${xml(file.file)}" time="${seconds(r.durationMs)}">${body}</testcase>`;
        });
        return `<testsuite name="${xml(file.file)}" tests="${file.results.length}" failures="${fileFailures}" time="${seconds(file.durationMs)}">${testcases.join('')}</testsuite>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?><testsuites failures="${failures}" tests="${cases.length}" time="${seconds(result.durationMs)}">${suites.join('')}</testsuites>\n`;
}
function xml(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
        .replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]));
}

// EXTERNAL MODULE: ./src/engine/client.ts + 2 modules
var client = __webpack_require__(4728);
// EXTERNAL MODULE: ./src/smoke/container.ts
var smoke_container = __webpack_require__(7146);
// EXTERNAL MODULE: ./src/smoke/output.ts
var output = __webpack_require__(1800);
// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(970);
// EXTERNAL MODULE: ./src/gopath.ts
var gopath = __webpack_require__(7342);
;// CONCATENATED MODULE: ./src/structure/go.ts
// The few Go standard library behaviours container-structure-test's results depend on, written out so
// the results read the same: os.Expand, path.Base, filepath.Clean, io/fs FileMode.String (from an
// archive/tar header) and regexp (RE2) patterns run as JavaScript ones.
/** os.Expand: `$NAME`, `${NAME}`, the special one-character names; `$` before anything else stays. */
function goExpand(text, lookup) {
    let out = '';
    let touched = false;
    let i = 0;
    for (let j = 0; j < text.length; j++) {
        if (text[j] !== '$' || j + 1 >= text.length)
            continue;
        touched = true;
        out += text.slice(i, j);
        const [name, width] = shellName(text.slice(j + 1));
        if (name === '' && width > 0) {
            // Invalid syntax (`${}`, an unclosed `${`): Go eats it.
        }
        else if (name === '')
            out += '$';
        else
            out += lookup(name);
        j += width;
        i = j + 1;
    }
    return touched ? out + text.slice(i) : text;
}
const SPECIAL = new Set('*#$@!?-0123456789');
const ALNUM = /[A-Za-z0-9_]/;
function shellName(s) {
    if (s[0] === '{') {
        if (s.length > 2 && SPECIAL.has(s[1]) && s[2] === '}')
            return [s[1], 3];
        for (let i = 1; i < s.length; i++) {
            if (s[i] === '}')
                return i === 1 ? ['', 2] : [s.slice(1, i), i + 1];
        }
        return ['', 1];
    }
    if (SPECIAL.has(s[0]))
        return [s[0], 1];
    let i = 0;
    while (i < s.length && ALNUM.test(s[i]))
        i++;
    return [s.slice(0, i), i];
}
/** The image's `Env` as the real tool's convertSliceToMap makes it: split at the first `=`. */
function envMap(env) {
    const map = new Map();
    for (const item of env ?? []) {
        const eq = item.indexOf('=');
        if (eq < 0)
            map.set(item, '');
        else
            map.set(item.slice(0, eq), item.slice(eq + 1));
    }
    return map;
}
/** path.Base. */
function goBase(path) {
    if (path === '')
        return '.';
    const trimmed = path.replace(/\/+$/, '');
    if (trimmed === '')
        return '/';
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
const MODE_CHARS = 'dalTLDpSugct?';
const BIT = (i) => 2 ** (31 - i);
const DIR = BIT(0);
const SYMLINK = BIT(4);
const DEVICE = BIT(5);
const PIPE = BIT(6);
const SOCKET = BIT(7);
const SETUID = BIT(8);
const SETGID = BIT(9);
const CHAR = BIT(10);
const STICKY = BIT(11);
/** archive/tar headerFileInfo.Mode(), as a number with Go's fs.FileMode bits. */
function goFileMode(header) {
    const raw = header.mode ?? 0;
    let mode = raw & 0o777;
    if (raw & 0o4000)
        mode += SETUID;
    if (raw & 0o2000)
        mode += SETGID;
    if (raw & 0o1000)
        mode += STICKY;
    const kinds = new Set();
    switch (raw & ~0o7777 & 0o170000) {
        case 0o040000:
            kinds.add(DIR);
            break;
        case 0o010000:
            kinds.add(PIPE);
            break;
        case 0o120000:
            kinds.add(SYMLINK);
            break;
        case 0o060000:
            kinds.add(DEVICE);
            break;
        case 0o020000:
            kinds.add(DEVICE).add(CHAR);
            break;
        case 0o140000:
            kinds.add(SOCKET);
            break;
    }
    switch (header.type) {
        case 'symlink':
            kinds.add(SYMLINK);
            break;
        case 'character-device':
            kinds.add(DEVICE).add(CHAR);
            break;
        case 'block-device':
            kinds.add(DEVICE);
            break;
        case 'directory':
            kinds.add(DIR);
            break;
        case 'fifo':
            kinds.add(PIPE);
            break;
    }
    for (const kind of kinds)
        mode += kind;
    return mode;
}
/** fs.FileMode.String(): `-rwxr-xr-x`, `drwxr-xr-x`, `Lrwxrwxrwx`, `dtrwxrwxrwx`, `urwxr-xr-x`. */
function goModeString(mode) {
    let out = '';
    for (let i = 0; i < MODE_CHARS.length; i++)
        if (Math.floor(mode / BIT(i)) % 2 === 1)
            out += MODE_CHARS[i];
    if (out === '')
        out = '-';
    const rwx = 'rwxrwxrwx';
    for (let i = 0; i < 9; i++)
        out += mode & (1 << (8 - i)) ? rwx[i] : '-';
    return out;
}
/**
 * An RE2 pattern as a JavaScript RegExp. Go's syntax is nearly JavaScript's; the differences the
 * real tool's users write are handled: leading flag groups `(?i)`, `(?s)`, `(?m)`, `(?P<name>`, `\A`,
 * `\z`. Returns the error text when it does not compile (the real tool then fails the check).
 */
function goRegex(pattern) {
    let source = pattern;
    let flags = '';
    const leading = /^\(\?([imsU]+)\)/.exec(source);
    if (leading) {
        source = source.slice(leading[0].length);
        for (const flag of leading[1])
            if ('ims'.includes(flag) && !flags.includes(flag))
                flags += flag;
    }
    source = source
        .replace(/\(\?P</g, '(?<')
        .replace(/\\A/g, '(?<![\\s\\S])')
        .replace(/\\z/g, '(?![\\s\\S])');
    try {
        return new RegExp(source, flags);
    }
    catch (error) {
        return error.message;
    }
}
/** utils.CompileAndRunRegex: false when the pattern does not compile, whichever way it should match. */
function compileAndRunRegex(pattern, text, shouldMatch) {
    const regex = goRegex(pattern);
    if (typeof regex === 'string')
        return false;
    return regex.test(text) === shouldMatch;
}

;// CONCATENATED MODULE: ./src/structure/engine.ts




/** The real tool's placeholder: the container is only created, so this never runs. */
const NOOP_COMMAND = 'NOOP_COMMAND_DO_NOT_RUN';
/** A file test reads at most this much of one file (its whole content is matched). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
async function imageConfig(client, image, signal) {
    const info = await client.images.inspect(image, signal);
    if (!info)
        throw new Error(`No such image: ${image}`);
    return info.Config ?? {};
}
/** A created, never-started container to read files from; removed with its anonymous volumes. */
class FileReader {
    client;
    container;
    constructor(client, 
    /** The container's ID. */
    container) {
        this.client = client;
        this.container = container;
    }
    static async create(client, image, labels, signal) {
        const body = {
            Image: image,
            Cmd: [NOOP_COMMAND],
            Labels: labels,
            HostConfig: { AutoRemove: false }
        };
        return new FileReader(client, await client.containers.create(undefined, body, signal));
    }
    /**
     * Walks the archive of `path` until `pick` returns a decision, then stops reading (a directory's archive
     * is never fetched whole). Rejects with the engine's own words when it cannot give the path.
     */
    async find(path, pick, signal) {
        let response;
        try {
            response = await this.client.containers.archive(this.container, path, signal);
        }
        catch (error) {
            throw new Error((0,errors/* messageOf */.bD)(error));
        }
        const { default: tar } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 6118, 19)); // only structure tests read archives
        const extract = tar.extract();
        response.pipe(extract);
        response.on('error', error => extract.destroy(error));
        try {
            for await (const entry of extract) {
                const h = entry.header;
                const header = {
                    name: h.name,
                    type: h.type ?? 'file',
                    mode: h.mode ?? 0,
                    uid: h.uid ?? 0,
                    gid: h.gid ?? 0,
                    size: h.size ?? 0,
                    ...(h.linkname ? { linkname: h.linkname } : {})
                };
                const decision = pick(header);
                if (!decision) {
                    entry.resume();
                    continue;
                }
                if (!decision.read)
                    return { found: decision.done };
                if (header.size > MAX_FILE_BYTES) {
                    throw new Error(`${path} is ${header.size} bytes, more than the ${MAX_FILE_BYTES} a file test reads`);
                }
                const chunks = [];
                for await (const chunk of entry)
                    chunks.push(chunk);
                return { found: decision.done, content: Buffer.concat(chunks) };
            }
            return {};
        }
        finally {
            response.destroy();
            extract.destroy();
        }
    }
    /** The real tool's StatFile: the first dir, file, hard link or symlink whose cleaned name is the path's base. */
    async stat(target, signal) {
        const base = goBase(target);
        const { found } = await this.find(target, h => (STAT_TYPES.has(h.type) && (0,gopath/* goClean */.A)(h.name) === base ? { done: h } : undefined), signal);
        if (!found)
            throw new Error(`File ${target} not found in image`);
        return found;
    }
    /** The real tool's ReadFile: a directory is an error, a symlink is followed by its link name. */
    async read(target, signal, depth = 0) {
        const base = goBase(target);
        const { found, content } = await this.find(target, h => {
            const same = (0,gopath/* goClean */.A)(h.name) === base;
            if (h.type === 'directory' && same)
                return { done: { kind: 'dir' } };
            // As the real tool does: any symlink met is followed, by its link name as written.
            if (h.type === 'symlink')
                return { done: { kind: 'link', to: h.linkname ?? '' } };
            if ((h.type === 'file' || h.type === 'link' || h.type === 'contiguous-file') && same) {
                return { done: { kind: 'file' }, read: true };
            }
            return undefined;
        }, signal);
        if (!found)
            throw new Error(`File ${target} not found in image`);
        if (found.kind === 'dir')
            throw new Error(`Cannot read specified path: ${target} is a directory, not a file`);
        if (found.kind === 'link') {
            if (depth >= 40)
                throw new Error(`${target}: too many levels of symbolic links`);
            return this.read(found.to, signal, depth + 1);
        }
        return content ?? Buffer.alloc(0);
    }
    /** The real tool's ReadDir: the directories directly under `target`. */
    async readDir(target, signal) {
        const names = [];
        await this.find(target, h => {
            if (h.type !== 'directory')
                return undefined;
            const parts = h.name.replace(/\/$/, '').split('/');
            if (parts.length === 2)
                names.push(parts[1]);
            return undefined;
        }, signal);
        return names;
    }
    /** Removes the container and its anonymous volumes (the real tool leaves the volumes behind). */
    async remove(signal) {
        try {
            await this.client.containers.remove(this.container, { force: true }, signal);
            return undefined;
        }
        catch (error) {
            if (error instanceof client/* EngineError */.NJ && error.status === 404)
                return undefined;
            return (0,errors/* messageOf */.bD)(error);
        }
    }
}
const STAT_TYPES = new Set(['directory', 'file', 'contiguous-file', 'link', 'symlink']);

;// CONCATENATED MODULE: ./src/structure/run.ts
// The structure stage: container-structure-test files run against one image, test by test as the real
// tool's docker driver runs them (pkg/drivers/docker_driver.go, pkg/types/v2/*.go), with its test names
// and its failure wording. Differences, on purpose: files are read through the archive endpoint of one
// created, never-started container per file (removed with its anonymous volumes); command containers
// have the smoke timeout and are always removed; `setup` images are removed after the test.











/** Each of a command's streams is kept up to this much (its last part) and matched. */
const COMMAND_OUTPUT_BYTES = 1024 * 1024;
const CLEANUP_TIMEOUT_MS = 15_000;
/** Runs every file; never rejects except with CancelledError (after removing what it created). */
async function runStructureTests(input) {
    const started = Date.now();
    const files = [];
    const problems = [];
    let config;
    try {
        config = await imageConfig(input.client, input.image, input.signal);
    }
    catch (error) {
        if (input.signal?.aborted)
            throw new errors/* CancelledError */.cc();
        problems.push(`Structure tests could not inspect ${input.name}: ${(0,errors/* messageOf */.bD)(error)}`);
    }
    if (config) {
        for (const file of input.files) {
            const result = await runFile(file, config, input);
            files.push(result);
            report(result, input.log);
            const failed = result.results.filter(r => !r.passed);
            if (failed.length > 0) {
                problems.push(`Structure tests ${file.display}: ${failed.length} of ${result.results.length} failed (${failed
                    .map(r => r.name)
                    .join(', ')})`);
            }
            else if (result.results.length === 0) {
                // The real tool: "No tests run! Check config file format." and a failing exit.
                problems.push(`Structure tests ${file.display}: no tests run (the file holds none)`);
            }
        }
    }
    return {
        status: config ? (problems.length > 0 ? 'failed' : 'passed') : 'error',
        problems,
        ...(0,stage/* stageTimes */.L)(started),
        image: input.name,
        files
    };
}
async function runFile(file, config, input) {
    const started = Date.now();
    const results = [];
    const imageEnv = envMap(config.Env);
    // globalEnvVars: the real tool commits them into the image (values expanded from the image's env); the
    // same env is given to every container here instead, and `$VAR` in paths and commands expands from it.
    const globalEnv = new Map(imageEnv);
    const globals = file.globalEnvVars.map(v => {
        const value = goExpand(v.value, name => imageEnv.get(name) ?? '');
        globalEnv.set(v.key, value);
        return `${v.key}=${value}`;
    });
    let reader;
    const files = async () => (reader ??= await FileReader.create(input.client, input.image, input.labels, input.signal));
    try {
        // The real tool's order: commands, file contents, file existence, licenses, metadata.
        for (const test of file.commandTests)
            results.push(await commandTest(test, file, globals, globalEnv, input));
        for (const test of file.fileContentTests)
            results.push(await guarded(`File Content Test: ${test.name}`, async () => contentTest(test, await files(), input.signal), input));
        for (const test of file.fileExistenceTests) {
            results.push(await guarded(`File Existence Test: ${test.name}`, async () => existenceTest(test, await files(), globalEnv, input.signal), input));
        }
        for (const test of file.licenseTests)
            results.push(await guarded('License Test', async () => licenseTest(test, await files(), input.signal), input));
        if (file.metadataTest)
            results.push(metadataTest(file.metadataTest, config));
    }
    finally {
        if (reader) {
            const problem = await reader.remove(AbortSignal.timeout(CLEANUP_TIMEOUT_MS));
            if (problem)
                input.log.warning(`Could not remove the structure-test container ${reader.container.slice(0, 12)}: ${problem}`);
        }
    }
    return {
        file: file.display,
        results,
        passed: results.every(r => r.passed),
        durationMs: Date.now() - started
    };
}
/** A test whose engine calls failed (the reader could not be created) fails with the reason. */
async function guarded(name, run, input) {
    const started = Date.now();
    try {
        return await run();
    }
    catch (error) {
        if (input.signal?.aborted)
            throw new errors/* CancelledError */.cc();
        return {
            name,
            passed: false,
            errors: [`error creating driver: ${(0,errors/* messageOf */.bD)(error)}`],
            durationMs: Date.now() - started
        };
    }
}
function result(name, started) {
    const r = {
        name,
        passed: true,
        errors: [],
        durationMs: 0,
        fail(message) {
            r.errors.push(message);
            r.passed = false;
        }
    };
    Object.defineProperty(r, 'fail', { enumerable: false });
    r.durationMs = Date.now() - started;
    return r;
}
async function existenceTest(test, reader, env, signal) {
    const started = Date.now();
    const r = result(`File Existence Test: ${test.name}`, started);
    const target = goExpand(test.path, name => env.get(name) ?? '');
    let header;
    let error;
    try {
        header = await reader.stat(target, signal);
    }
    catch (e) {
        if (signal?.aborted)
            throw new errors/* CancelledError */.cc();
        error = (0,errors/* messageOf */.bD)(e);
    }
    r.durationMs = Date.now() - started;
    if (!header && test.shouldExist) {
        r.fail(`Error examining file in container: ${error}`);
        return r;
    }
    if (!test.shouldExist && header)
        r.fail(`File ${test.path} should not exist but does`);
    if (!test.shouldExist || !header)
        return r;
    const mode = goFileMode(header);
    const modeText = goModeString(mode);
    if (test.permissions !== '' && modeText !== test.permissions) {
        r.fail(`${test.path} has incorrect permissions. Expected: ${test.permissions}, Actual: ${modeText}`);
    }
    const bits = { any: 0o111, owner: 0o100, group: 0o010, other: 0o001 }[test.isExecutableBy];
    if (bits !== undefined && (mode & bits) === 0) {
        r.fail(`${test.path} has incorrect executable bit. Expected to be executable by ${test.isExecutableBy}, Actual: ${modeText}`);
    }
    if (test.uid !== -1 && header.uid !== test.uid) {
        r.fail(`${test.path} has incorrect user ownership. Expected: ${test.uid}, Actual: ${header.uid}`);
    }
    if (test.gid !== -1 && header.gid !== test.gid) {
        r.fail(`${test.path} has incorrect group ownership. Expected: ${test.gid}, Actual: ${header.gid}`);
    }
    return r;
}
async function contentTest(test, reader, signal) {
    const started = Date.now();
    const r = result(`File Content Test: ${test.name}`, started);
    let contents;
    try {
        contents = (await reader.read(test.path, signal)).toString('utf8');
    }
    catch (error) {
        if (signal?.aborted)
            throw new errors/* CancelledError */.cc();
        r.fail(`Failed to open ${test.path}. Error: ${(0,errors/* messageOf */.bD)(error)}`);
        r.durationMs = Date.now() - started;
        return r;
    }
    for (const s of test.expectedContents) {
        if (!compileAndRunRegex(s, contents, true))
            r.fail(`Expected string '${s}' not found in file content string '${contents}'`);
    }
    for (const s of test.excludedContents) {
        if (!compileAndRunRegex(s, contents, false))
            r.fail(`Excluded string '${s}' found in file content string '${contents}'`);
    }
    r.durationMs = Date.now() - started;
    return r;
}
const LICENSE_BLOCKED = ['AGPL', 'WTFPL'];
const LICENSE_ALLOWED_PACKAGES = ['libgnutls30'];
async function licenseTest(test, reader, signal) {
    const started = Date.now();
    const r = result('License Test', started);
    const check = async (file) => {
        let text;
        try {
            text = (await reader.read(file, signal)).toString('utf8').toUpperCase();
        }
        catch (error) {
            if (signal?.aborted)
                throw new errors/* CancelledError */.cc();
            return `Error reading license file for ${file}: ${(0,errors/* messageOf */.bD)(error)}`;
        }
        const blocked = LICENSE_BLOCKED.find(word => text.includes(word));
        return blocked ? `Invalid license for ${file}, license contains ${blocked}` : undefined;
    };
    if (test.debian) {
        const root = '/usr/share/doc';
        let packages;
        try {
            packages = await reader.readDir(root, signal);
        }
        catch (error) {
            if (signal?.aborted)
                throw new errors/* CancelledError */.cc();
            r.fail(`Error reading directory: ${(0,errors/* messageOf */.bD)(error)}`);
        }
        for (const name of packages ?? []) {
            if (LICENSE_ALLOWED_PACKAGES.includes(name))
                continue;
            const file = `${root}/${name}/copyright`;
            try {
                await reader.stat(file, signal);
            }
            catch (error) {
                if (signal?.aborted)
                    throw new errors/* CancelledError */.cc();
                r.fail(`Error reading license file for ${name}: ${(0,errors/* messageOf */.bD)(error)}`);
            }
            const problem = await check(file);
            if (problem)
                r.fail(problem);
        }
    }
    if (!r.passed && test.debian && r.errors[0]?.startsWith('Error reading directory')) {
        r.durationMs = Date.now() - started;
        return r;
    }
    for (const file of test.files) {
        const problem = await check(file);
        if (problem)
            r.fail(problem);
    }
    r.durationMs = Date.now() - started;
    return r;
}
function metadataTest(test, config) {
    const r = result('Metadata Test', Date.now());
    const env = envMap(config.Env);
    const labels = new Map(Object.entries(config.Labels ?? {}));
    // The real tool lists exposed ports by number only (`8080` for `8080/tcp`).
    const ports = Object.keys(config.ExposedPorts ?? {}).map(p => p.split('/')[0]);
    const volumes = Object.keys(config.Volumes ?? {});
    const cmd = config.Cmd ?? [];
    const entrypoint = config.Entrypoint ?? [];
    const pairs = (items, actual, what, missing) => {
        for (const pair of items) {
            const value = actual.get(pair.key);
            if (value === undefined) {
                r.fail(missing(pair.key));
                continue;
            }
            const match = pair.isRegex ? compileAndRunRegex(pair.value, value, true) : pair.value === value;
            if (!match)
                r.fail(`${what} ${pair.key} value ${value} does not match expected value: ${pair.value}`);
        }
    };
    pairs(test.envVars, env, 'env var', key => `variable ${key} not found in image env`);
    for (const pair of test.unboundEnvVars) {
        if (env.has(pair.key))
            r.fail(`env variable ${pair.key} should not be present in image metadata`);
    }
    pairs(test.labels, labels, 'label', key => `label ${key} not found in image metadata`);
    if (test.cmd) {
        if (test.cmd.length !== cmd.length)
            r.fail(`Image Cmd ${goList(cmd)} does not match expected Cmd: ${goList(test.cmd)}`);
        else if (test.cmd.some((word, i) => word !== cmd[i])) {
            r.fail(`Image config Cmd ${goList(cmd)} does not match expected value: ${goList(test.cmd)}`);
        }
    }
    if (test.entrypoint) {
        if (test.entrypoint.length !== entrypoint.length) {
            r.fail(`Image entrypoint ${goList(entrypoint)} does not match expected entrypoint: ${goList(test.entrypoint)}`);
        }
        else if (test.entrypoint.some((word, i) => word !== entrypoint[i])) {
            r.fail(`Image config entrypoint ${goList(entrypoint)} does not match expected value: ${goList(test.entrypoint)}`);
        }
    }
    if (test.workdir !== '' && test.workdir !== (config.WorkingDir ?? '')) {
        r.fail(`Image workdir ${config.WorkingDir ?? ''} does not match config workdir: ${test.workdir}`);
    }
    if (test.user !== '' && test.user !== (config.User ?? '')) {
        r.fail(`Image user ${config.User ?? ''} does not match config user: ${test.user}`);
    }
    for (const port of test.exposedPorts)
        if (!ports.includes(port))
            r.fail(`Port ${port} not found in config`);
    for (const port of test.unexposedPorts)
        if (ports.includes(port))
            r.fail(`Port ${port} should not be exposed`);
    for (const volume of test.volumes)
        if (!volumes.includes(volume))
            r.fail(`Volume ${volume} not found in config`);
    for (const volume of test.unmountedVolumes)
        if (volumes.includes(volume))
            r.fail(`Volume ${volume} should not be mounted`);
    return r;
}
/** Go's %v of a []string: `[a b c]`. */
function goList(words) {
    return `[${words.join(' ')}]`;
}
class CommandTimeout extends Error {
}
/** One container of a command test (or a setup step): create, start, wait within the timeout, read output. */
async function runContainer(image, command, env, options, input, onCreated) {
    const timeout = (0,signals/* deadline */.nl)(input.timeoutMs, new CommandTimeout(), input.signal);
    const signal = timeout.signal;
    try {
        const { client } = input;
        const container = await client.containers.create(undefined, {
            Image: image,
            Cmd: command,
            Entrypoint: [''],
            Env: env,
            Labels: input.labels,
            Tty: options?.allocateTty ?? false,
            ...(options?.user ? { User: options.user } : {}),
            HostConfig: {
                AutoRemove: false,
                ...(options?.privileged ? { Privileged: true } : {}),
                // The real tool sends HostConfig.Capabilities, which API 1.41 engines (20.10) ignore; added here
                // with CapAdd, so the capabilities asked for are there on every engine.
                ...(options?.capabilities.length ? { CapAdd: options.capabilities } : {}),
                ...(options?.bindMounts.length ? { Binds: options.bindMounts } : {})
            }
        }, signal);
        onCreated(container);
        const exit = await (0,smoke_container/* watchExit */.sP)(client, container, signal);
        try {
            await client.containers.start(container, signal);
            const status = await exit.exited;
            const raw = await client.containers.output(container, signal);
            const stdout = new output/* OutputTail */.gY(COMMAND_OUTPUT_BYTES);
            const stderr = new output/* OutputTail */.gY(COMMAND_OUTPUT_BYTES);
            if (options?.allocateTty)
                stdout.append(raw);
            else
                new output/* FrameDemuxer */.Y2((payload, kind) => (kind === 'stderr' ? stderr : stdout).append(payload)).push(raw);
            return { stdout: stdout.text(), stderr: stderr.text(), exitCode: status.statusCode };
        }
        finally {
            exit.close();
        }
    }
    catch (error) {
        // An aborted call rejects with the client's own error; the deadline's reason says why.
        if (signal.reason instanceof CommandTimeout && !input.signal?.aborted)
            throw signal.reason;
        throw error;
    }
    finally {
        timeout.dispose();
    }
}
async function commandTest(test, file, globals, globalEnv, input) {
    const name = `Command Test: ${test.name}`;
    const containers = [];
    const images = [];
    const onCreated = (c) => void containers.push(c);
    let started = Date.now();
    try {
        let current = input.image;
        let expandFrom = globalEnv;
        if (test.setup.length > 0) {
            // The real tool's Setup: each command runs and is committed; the next runs from that image. The
            // test's envVars (expanded from the image's env) are set for these, and so end up in the image.
            const setupEnv = test.envVars.map(v => `${v.key}=${goExpand(v.value, n => globalEnv.get(n) ?? '')}`);
            for (const step of test.setup) {
                await runContainer(current, step, [...globals, ...setupEnv], file.runOptions, input, onCreated);
                const committed = await input.client.containers.commit(containers[containers.length - 1], input.signal);
                images.push(committed);
                current = committed;
            }
            // `$VAR` in the command expands from the image the command runs in (the last committed one).
            expandFrom = envMap((await imageConfig(input.client, current, input.signal)).Env);
        }
        const command = test.command.map(word => goExpand(word, n => expandFrom.get(n) ?? ''));
        const env = file.runOptions
            ? runOptionsEnv(file.runOptions, input)
            : test.envVars.map(v => `${v.key}=${v.value}`);
        started = Date.now();
        const outcome = await runContainer(current, command, [...globals, ...env], file.runOptions, input, onCreated);
        const r = result(name, started);
        r.stdout = outcome.stdout;
        r.stderr = outcome.stderr;
        checkOutput(test, r, outcome);
        return r;
    }
    catch (error) {
        if (input.signal?.aborted)
            throw new errors/* CancelledError */.cc();
        const r = result(name, started);
        if (error instanceof CommandTimeout) {
            r.fail(`Test '${test.name}' did not finish within ${(0,format/* formatDuration */.a3)(input.timeoutMs)} (smoke-timeout); the container was removed`);
        }
        else
            r.fail(commandError(error, test));
        return r;
    }
    finally {
        const cleanup = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
        for (const container of containers) {
            await (0,smoke_container/* killQuietly */.En)(input.client, container, cleanup).catch(() => { });
            const removal = await (0,smoke_container/* removeQuietly */.S2)(input.client, container, cleanup);
            if (!removal.removed)
                input.log.warning(`Could not remove the structure-test container ${container.slice(0, 12)}: ${removal.error}`);
        }
        for (const image of images.reverse()) {
            await input.client.images.remove(image, {}, cleanup).catch((error) => {
                if (!(error instanceof client/* EngineError */.NJ && error.status === 404)) {
                    input.log.warning(`Could not remove the setup image ${image.slice(7, 19)}: ${(0,errors/* messageOf */.bD)(error)}`);
                }
            });
        }
    }
}
/** A start that fails because the program is not in the image says so first (FROM scratch has no shell). */
function commandError(error, test) {
    const message = (0,errors/* messageOf */.bD)(error);
    if (/executable file not found|no such file or directory/i.test(message)) {
        return `no such executable ${JSON.stringify(test.command[0] ?? '')} in the image (Error creating container: ${message})`;
    }
    return `Error creating container: ${message}`;
}
/** containerRunOptions envFile and envVars replace the test's envVars, as in the real tool's exec. */
function runOptionsEnv(options, input) {
    const env = [];
    if (options.envFile) {
        try {
            for (const line of (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(input.workspace, options.envFile), 'utf8').split(/\r?\n/)) {
                const match = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
                if (!match || line.trimStart().startsWith('#'))
                    continue;
                const value = match[2].replace(/^(['"])(.*)\1$/, '$2');
                if (value !== '')
                    env.push(`${match[1]}=${value}`);
            }
        }
        catch (error) {
            input.log.warning(`Unable to load envFile ${options.envFile}: ${(0,errors/* messageOf */.bD)(error)}`);
        }
    }
    for (const name of options.envVars) {
        const value = input.processEnv[name];
        if (value)
            env.push(`${name}=${value}`);
    }
    return env;
}
function checkOutput(test, r, outcome) {
    const { stdout, stderr, exitCode } = outcome;
    for (const s of test.expectedError) {
        if (!compileAndRunRegex(s, stderr, true))
            r.fail(`Expected string '${s}' not found in error '${stderr}'`);
    }
    for (const s of test.excludedError) {
        if (!compileAndRunRegex(s, stderr, false))
            r.fail(`Excluded string '${s}' found in error '${stderr}'`);
    }
    for (const s of test.expectedOutput) {
        if (!compileAndRunRegex(s, stdout, true))
            r.fail(`Expected string '${s}' not found in output '${stdout}'`);
    }
    for (const s of test.excludedOutput) {
        if (!compileAndRunRegex(s, stdout, false))
            r.fail(`Excluded string '${s}' found in output '${stdout}'`);
    }
    if (test.exitCode !== exitCode) {
        r.fail(`Test '${test.name}' exited with incorrect error code. Expected: ${test.exitCode}, Actual: ${exitCode}`);
    }
}
/** The file's results in the log: names and errors quote the image's files and output, so untrusted. */
function report(file, log) {
    const failed = file.results.filter(r => !r.passed).length;
    log.info(`Structure tests ${file.file}: ${file.results.length - failed} passed, ${failed} failed in ${(0,format/* formatDuration */.a3)(file.durationMs)}`);
    const block = log.untrusted(`Results of ${file.file}`);
    try {
        for (const r of file.results) {
            block.write(`${r.passed ? '--- PASS' : '--- FAIL'} ${r.name}\n`);
            for (const error of r.errors)
                block.write(`Error: ${error}\n`);
        }
    }
    finally {
        block.close();
    }
}


;// CONCATENATED MODULE: ./src/structure/stage.ts
// The structure stage as the pipeline runs it: which image, the run's labels, and the JUnit file.







/** undefined when there are no structure tests, or the build failed and no structure-image was given. */
async function runStructureStage(input) {
    const { options, log } = input;
    if (options.files.length === 0)
        return undefined;
    const image = options.image ?? input.built?.id;
    const name = options.image ?? input.built?.reference;
    if (!image || !name) {
        if (input.buildFailed) {
            log.info('Structure tests: not run, the build failed so there is no image to test');
            return undefined;
        }
        const now = Date.now();
        return {
            status: 'error',
            problems: ['Structure tests: no image to test (this run built none); set structure-image'],
            ...(0,stage/* stageTimes */.L)(now, now),
            image: '',
            files: []
        };
    }
    const result = await runStructureTests({
        client: input.client,
        files: options.files,
        image,
        name,
        timeoutMs: input.timeoutMs,
        labels: (0,labels/* runLabels */.xU)(input.runId, 'structure'),
        processEnv: input.processEnv,
        workspace: input.workspace,
        log,
        signal: input.signal
    });
    if (options.junitPath) {
        try {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(options.junitPath), { recursive: true });
            (0,external_node_fs_.writeFileSync)(options.junitPath, junitXml(result));
            log.info(`Structure tests: JUnit XML written to ${options.junitPath}`);
        }
        catch (error) {
            result.problems.push(`Could not write junit-path ${options.junitPath}: ${(0,errors/* messageOf */.bD)(error)}`);
            result.status = 'failed';
        }
    }
    return result;
}


/***/ })

};
