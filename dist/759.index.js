export const id = 759;
export const ids = [759];
export const modules = {

/***/ 2759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseStructureInput: () => (/* binding */ parseStructureInput)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/inputs/scalars.ts
var scalars = __webpack_require__(4964);
;// CONCATENATED MODULE: ./src/structure/spec.ts
// container-structure-test files (GoogleContainerTools/container-structure-test, pkg/types/v1 and v2), read
// as the real tool reads them: schemaVersion first (1.0.0 or 2.0.0), then a strict decode for .yaml/.yml
// (yaml.v2 UnmarshalStrict: an unknown field, or a value of the wrong type, stops the whole file) and a
// lenient one for .json (unknown fields ignored). Its per-test checks (Validate: a name, a command, a path,
// non-empty env keys) are made here too, so every problem is reported before anything is created.


const STRUCTURE_INPUT = 'structure-tests';
const ENV = { key: { kind: 'string' }, value: { kind: 'string' }, isRegex: { kind: 'bool' } };
const COMMAND = {
    name: { kind: 'string' },
    setup: { kind: 'commands' },
    teardown: { kind: 'commands' },
    envVars: { kind: 'env' },
    exitCode: { kind: 'int' },
    command: { kind: 'string' },
    args: { kind: 'strings', only: '2.0.0' },
    expectedOutput: { kind: 'strings' },
    excludedOutput: { kind: 'strings' },
    expectedError: { kind: 'strings' },
    excludedError: { kind: 'strings' }
};
const COMMAND_V1 = { ...COMMAND, command: { kind: 'strings' } };
delete COMMAND_V1.args;
const EXISTENCE = {
    name: { kind: 'string' },
    path: { kind: 'string' },
    shouldExist: { kind: 'bool' },
    permissions: { kind: 'string' },
    uid: { kind: 'int' },
    gid: { kind: 'int' },
    isExecutableBy: { kind: 'string' }
};
const CONTENT = {
    name: { kind: 'string' },
    path: { kind: 'string' },
    expectedContents: { kind: 'strings' },
    excludedContents: { kind: 'strings' }
};
const METADATA = {
    envVars: { kind: 'env' },
    unboundEnvVars: { kind: 'env' },
    exposedPorts: { kind: 'strings' },
    unexposedPorts: { kind: 'strings' },
    entrypoint: { kind: 'optionalStrings' },
    cmd: { kind: 'optionalStrings' },
    workdir: { kind: 'string' },
    volumes: { kind: 'strings' },
    unmountedVolumes: { kind: 'strings' },
    labels: { kind: 'labels' },
    user: { kind: 'string' }
};
const LICENSE = { debian: { kind: 'bool' }, files: { kind: 'strings' } };
const RUN_OPTIONS = {
    user: { kind: 'string' },
    privileged: { kind: 'bool' },
    allocateTty: { kind: 'bool' },
    envVars: { kind: 'strings' },
    envFile: { kind: 'string' },
    capabilities: { kind: 'strings' },
    bindMounts: { kind: 'strings' }
};
const TOP = {
    schemaVersion: { kind: 'string' },
    globalEnvVars: { kind: 'env' },
    commandTests: { shape: COMMAND, list: true },
    fileExistenceTests: { shape: EXISTENCE, list: true },
    fileContentTests: { shape: CONTENT, list: true },
    metadataTest: { shape: METADATA, only: '2.0.0' },
    licenseTests: { shape: LICENSE, list: true },
    containerRunOptions: { shape: RUN_OPTIONS, only: '2.0.0' }
};
/**
 * Reads one file. Problems go to `problems` (input `structure-tests`, the file as the value, the test and
 * field in the sentence); undefined when there was any.
 */
async function parseStructureFile(path, display, problems) {
    const add = (sentence) => problems.add(STRUCTURE_INPUT, display, sentence);
    const extension = (0,external_node_path_.extname)(path).toLowerCase();
    if (!['.yaml', '.yml', '.json'].includes(extension)) {
        add('is not a .yaml, .yml or .json file (container-structure-test reads only those)');
        return undefined;
    }
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        add(`cannot be read: ${error.message}`);
        return undefined;
    }
    const strict = extension !== '.json';
    // Loaded here: only runs with structure tests read these files (yaml is ~290 KB to evaluate).
    const { LineCounter, isMap, isScalar, isSeq, parseDocument } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const valueOf = (node) => isScalar(node) ? node.value : node === undefined ? undefined : node;
    const lines = new LineCounter();
    // yaml.v2 is YAML 1.1 (`yes` is true), as the real tool reads it.
    const document = parseDocument(text, { version: '1.1', lineCounter: lines, uniqueKeys: true });
    if (document.errors.length > 0) {
        add(`is not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
        return undefined;
    }
    const root = document.contents;
    if (!isMap(root)) {
        add('is not a map of test kinds (schemaVersion, commandTests, ...)');
        return undefined;
    }
    const before = problems.items.length;
    const at = (node) => {
        const offset = node?.range?.[0];
        return offset === undefined ? '' : ` (line ${lines.linePos(offset).line})`;
    };
    const version = valueOf(root.get('schemaVersion', true));
    if (version === undefined || version === '') {
        add('has no schemaVersion (container-structure-test needs one, e.g. schemaVersion: 2.0.0)');
        return undefined;
    }
    if (version !== '1.0.0' && version !== '2.0.0') {
        add(`has schemaVersion ${JSON.stringify(String(version))}, which container-structure-test does not know (1.0.0 or 2.0.0)`);
        return undefined;
    }
    /** Decodes `node` against `shape`; `where` names the test for messages. */
    const decode = (node, shape, where) => {
        const out = {};
        if (node === null || node === undefined || (isScalar(node) && node.value === null))
            return out;
        if (!isMap(node)) {
            add(`${where} is not a map${at(node)}`);
            return out;
        }
        for (const pair of node.items) {
            const key = String(valueOf(pair.key));
            const field = shape[key];
            if (!field || (field.only && field.only !== version)) {
                if (strict) {
                    const why = field?.only
                        ? `is a schemaVersion ${field.only} field, not ${version}`
                        : `is not a container-structure-test field`;
                    add(`${where}: field "${key}"${at(pair.key)} ${why}; an unknown field stops the whole file`);
                }
                continue;
            }
            out[key] =
                typeof field.kind === 'string'
                    ? decodeKind(pair.value, field.kind, `${where}: field "${key}"`)
                    : decode(pair.value, field.kind, `${where}.${key}`);
        }
        return out;
    };
    const decodeKind = (node, kind, where) => {
        const value = valueOf(node);
        const wrong = (expected) => {
            add(`${where}${at(node)} is not ${expected}`);
            return undefined;
        };
        if (value === null || value === undefined)
            return undefined;
        switch (kind) {
            case 'string':
                // yaml.v2 turns any scalar into a string field; a list or map is an error.
                return isScalar(node) ? String(value) : wrong('a string');
            case 'bool':
                return typeof value === 'boolean' ? value : wrong('true or false');
            case 'int':
                return typeof value === 'number' && Number.isInteger(value) ? value : wrong('a whole number');
            case 'strings':
            case 'optionalStrings':
                if (!isSeq(node))
                    return wrong('a list of strings');
                return node.items.map((item, i) => isScalar(item) ? String(valueOf(item) ?? '') : wrong(`a string (item ${i + 1})`));
            case 'commands':
                if (!isSeq(node))
                    return wrong('a list of commands (each a list of strings)');
                return node.items.map((item, i) => decodeKind(item, 'strings', `${where}[${i + 1}]`) ?? []);
            case 'env':
            case 'labels': {
                if (!isSeq(node))
                    return wrong('a list of {key, value} maps');
                return node.items.map((item, i) => decode(item, ENV, `${where}[${i + 1}]`));
            }
        }
    };
    const top = {};
    for (const pair of root.items) {
        const key = String(valueOf(pair.key));
        const spec = TOP[key];
        if (!spec ||
            (spec.only && spec.only !== version) ||
            (version === '1.0.0' && key === 'containerRunOptions')) {
            if (strict) {
                add(`field "${key}"${at(pair.key)} ${spec?.only ? `is a schemaVersion ${spec.only} field, not ${version}` : 'is not a container-structure-test field'}; an unknown field stops the whole file`);
            }
            continue;
        }
        if (spec.kind)
            top[key] = decodeKind(pair.value, spec.kind, `field "${key}"`);
        else if (spec.list) {
            if (pair.value === null || (isScalar(pair.value) && pair.value.value === null))
                continue;
            if (!isSeq(pair.value)) {
                add(`${key}${at(pair.value)} is not a list of tests`);
                continue;
            }
            top[key] = pair.value.items.map((item, i) => {
                const name = isMap(item) ? valueOf(item.get('name', true)) : undefined;
                // schemaVersion 1.0.0 commands are lists (pkg/types/v1/command.go); 2.0.0's are a string plus args.
                const shape = key === 'commandTests' && version === '1.0.0' ? COMMAND_V1 : spec.shape;
                return decode(item, shape, `${key}[${i + 1}]${name !== undefined ? ` ${JSON.stringify(String(name))}` : ''}`);
            });
        }
        else
            top[key] = decode(pair.value, spec.shape, key);
    }
    if (problems.items.length > before)
        return undefined;
    const file = {
        path,
        display,
        schemaVersion: version,
        globalEnvVars: envs(top.globalEnvVars),
        commandTests: list(top.commandTests).map(command),
        fileExistenceTests: list(top.fileExistenceTests).map(existence),
        fileContentTests: list(top.fileContentTests).map(content),
        licenseTests: list(top.licenseTests).map(t => ({ debian: t.debian === true, files: strings(t.files) }))
    };
    const metadata = top.metadataTest ? metadataOf(top.metadataTest) : undefined;
    if (metadata && !metadataEmpty(metadata))
        file.metadataTest = metadata;
    const options = top.containerRunOptions ? runOptionsOf(top.containerRunOptions) : undefined;
    if (options && runOptionsSet(options))
        file.runOptions = options;
    validate(file, add);
    return problems.items.length > before ? undefined : file;
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
function strings(value) {
    return Array.isArray(value) ? value.map(v => (v === undefined ? '' : String(v))) : [];
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
function envs(value) {
    return list(value).map(e => ({ key: str(e.key), value: str(e.value), isRegex: e.isRegex === true }));
}
function command(t) {
    const words = Array.isArray(t.command)
        ? strings(t.command)
        : t.command === undefined
            ? []
            : [str(t.command)];
    return {
        name: str(t.name),
        setup: Array.isArray(t.setup) ? t.setup.map(strings) : [],
        teardown: Array.isArray(t.teardown) ? t.teardown.map(strings) : [],
        envVars: envs(t.envVars),
        exitCode: typeof t.exitCode === 'number' ? t.exitCode : 0,
        command: [...words, ...strings(t.args)],
        expectedOutput: strings(t.expectedOutput),
        excludedOutput: strings(t.excludedOutput),
        expectedError: strings(t.expectedError),
        excludedError: strings(t.excludedError)
    };
}
function existence(t) {
    return {
        name: str(t.name),
        path: str(t.path),
        // The real tool's UnmarshalYAML defaults: shouldExist true, uid and gid -1 (not checked).
        shouldExist: t.shouldExist === undefined ? true : t.shouldExist === true,
        permissions: str(t.permissions),
        uid: typeof t.uid === 'number' ? t.uid : -1,
        gid: typeof t.gid === 'number' ? t.gid : -1,
        isExecutableBy: str(t.isExecutableBy)
    };
}
function content(t) {
    return {
        name: str(t.name),
        path: str(t.path),
        expectedContents: strings(t.expectedContents),
        excludedContents: strings(t.excludedContents)
    };
}
function metadataOf(t) {
    return {
        envVars: envs(t.envVars),
        unboundEnvVars: envs(t.unboundEnvVars),
        exposedPorts: strings(t.exposedPorts),
        unexposedPorts: strings(t.unexposedPorts),
        ...(Array.isArray(t.entrypoint) ? { entrypoint: strings(t.entrypoint) } : {}),
        ...(Array.isArray(t.cmd) ? { cmd: strings(t.cmd) } : {}),
        workdir: str(t.workdir),
        volumes: strings(t.volumes),
        unmountedVolumes: strings(t.unmountedVolumes),
        labels: envs(t.labels),
        user: str(t.user)
    };
}
function metadataEmpty(m) {
    return (m.envVars.length === 0 &&
        m.unboundEnvVars.length === 0 &&
        m.exposedPorts.length === 0 &&
        m.unexposedPorts.length === 0 &&
        m.entrypoint === undefined &&
        m.cmd === undefined &&
        m.workdir === '' &&
        m.user === '' &&
        m.volumes.length === 0 &&
        m.unmountedVolumes.length === 0 &&
        m.labels.length === 0);
}
function runOptionsOf(t) {
    return {
        user: str(t.user),
        privileged: t.privileged === true,
        allocateTty: t.allocateTty === true,
        envVars: strings(t.envVars),
        envFile: str(t.envFile),
        capabilities: strings(t.capabilities),
        bindMounts: strings(t.bindMounts)
    };
}
function runOptionsSet(o) {
    return (o.user !== '' ||
        o.privileged ||
        o.allocateTty ||
        o.envFile !== '' ||
        o.envVars.length > 0 ||
        o.capabilities.length > 0 ||
        o.bindMounts.length > 0);
}
/** The real tool's Validate methods, as input problems. */
function validate(file, add) {
    file.commandTests.forEach((t, i) => {
        const where = `commandTests[${i + 1}]${t.name ? ` ${JSON.stringify(t.name)}` : ''}`;
        if (t.name === '')
            add(`${where} has no name (container-structure-test: "Please provide a valid name for every test")`);
        if (t.command.length === 0 || t.command[0] === '')
            add(`${where} has no command`);
        for (const [field, commands] of [
            ['setup', t.setup],
            ['teardown', t.teardown]
        ]) {
            if (commands.some(c => c.length === 0))
                add(`${where}: field "${field}" holds an empty command`);
        }
        if (t.envVars.some(e => e.key === '' || e.value === ''))
            add(`${where}: field "envVars" needs a non-empty key and value in every item`);
    });
    for (const [kind, tests] of [
        ['fileExistenceTests', file.fileExistenceTests],
        ['fileContentTests', file.fileContentTests]
    ]) {
        tests.forEach((t, i) => {
            const where = `${kind}[${i + 1}]${t.name ? ` ${JSON.stringify(t.name)}` : ''}`;
            if (t.name === '')
                add(`${where} has no name`);
            if (t.path === '')
                add(`${where} has no path`);
        });
    }
    file.fileExistenceTests.forEach((t, i) => {
        if (t.isExecutableBy !== '' && !['any', 'owner', 'group', 'other'].includes(t.isExecutableBy)) {
            add(`fileExistenceTests[${i + 1}] ${JSON.stringify(t.name)}: field "isExecutableBy" is ${JSON.stringify(t.isExecutableBy)}, not one of any, owner, group, other`);
        }
    });
    const m = file.metadataTest;
    if (m) {
        if (m.envVars.some(e => e.key === ''))
            add('metadataTest: field "envVars" has an item with an empty key');
        if (m.labels.some(e => e.key === ''))
            add('metadataTest: field "labels" has an item with an empty key');
        if (m.exposedPorts.some(p => p === ''))
            add('metadataTest: field "exposedPorts" has an empty port');
        if (m.volumes.some(v => v === ''))
            add('metadataTest: field "volumes" has an empty volume');
    }
}

;// CONCATENATED MODULE: ./src/structure/files.ts
// The `structure-tests` input: paths or globs (relative to the workspace), one a line; each file is read
// and checked before anything is created.




/** Every glob picomatch's scan (tinyglobby's isDynamicPattern) sees has one of these; a plain path has none. */
const MAYBE_GLOB = /[*?[{(!]/;
async function parseStructureInput(text, workspace, problems) {
    const files = [];
    const seen = new Set();
    for (const line of (0,scalars/* lines */.Mn)(text)) {
        let paths;
        // tinyglobby (with picomatch and fdir, ~90 KB) is loaded only for a line that may be a glob.
        const glob = MAYBE_GLOB.test(line) ? await __webpack_require__.e(/* import() */ 382).then(__webpack_require__.bind(__webpack_require__, 3382)) : undefined;
        if (glob?.isDynamicPattern(line)) {
            paths = glob.globSync(line, { cwd: workspace, absolute: true, onlyFiles: true, dot: true }).sort();
            if (paths.length === 0) {
                problems.add(STRUCTURE_INPUT, line, `matches no file (looked under ${workspace})`);
                continue;
            }
        }
        else {
            const path = (0,external_node_path_.isAbsolute)(line) ? line : (0,external_node_path_.resolve)(workspace, line);
            if (!(0,external_node_fs_.existsSync)(path)) {
                problems.add(STRUCTURE_INPUT, line, `is not a file (resolved to ${path})`);
                continue;
            }
            paths = [path];
        }
        for (const path of paths) {
            if (seen.has(path))
                continue;
            seen.add(path);
            const display = (0,external_node_path_.relative)(workspace, path) || path;
            const file = await parseStructureFile(path, display.startsWith('..') ? path : display, problems);
            if (file)
                files.push(file);
        }
    }
    return files;
}


/***/ })

};
