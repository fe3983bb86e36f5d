export const id = 51;
export const ids = [51];
export const modules = {

/***/ 5546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ DRIFT_FIELDS),
/* harmony export */   au: () => (/* binding */ driftField),
/* harmony export */   rv: () => (/* binding */ SECURITY_DRIFT_FIELDS),
/* harmony export */   sQ: () => (/* binding */ resolveDriftFieldEntry),
/* harmony export */   yA: () => (/* binding */ DRIFT_FIELD_NAMES)
/* harmony export */ });
/* unused harmony export DRIFT_GROUPS */
// The engine facts a baseline comparison looks at, each with the stable name `fail-on-drift` lists.
// Kept free of heavy imports: input validation (src/inputs/parse.ts) reads it too.
const field = (name, label, group, source, security = false) => ({ name, label, group, source, security });
const DRIFT_FIELDS = [
    field('serverVersion', 'Server version', 'engine', '/version Version'),
    field('apiVersion', 'API version', 'engine', '/version ApiVersion'),
    field('storageDriver', 'Storage driver', 'storage', '/info Driver'),
    field('backingFilesystem', 'Backing filesystem', 'storage', '/info DriverStatus "Backing Filesystem"'),
    field('cgroupDriver', 'Cgroup driver', 'cgroup', '/info CgroupDriver'),
    field('cgroupVersion', 'Cgroup version', 'cgroup', '/info CgroupVersion'),
    field('defaultRuntime', 'Default runtime', 'runtime', '/info DefaultRuntime', true),
    field('runtimes', 'Runtimes', 'runtime', '/info Runtimes (names)'),
    field('seccomp', 'Seccomp', 'security', '/info SecurityOptions name=seccomp (and its profile)', true),
    field('apparmor', 'AppArmor', 'security', '/info SecurityOptions name=apparmor', true),
    field('selinux', 'SELinux', 'security', '/info SecurityOptions name=selinux', true),
    field('rootless', 'Rootless', 'security', '/info SecurityOptions name=rootless', true),
    field('userns', 'User namespaces', 'security', '/info SecurityOptions name=userns', true),
    field('securityOptions', 'Other security options', 'security', '/info SecurityOptions other than the five above (e.g. cgroupns)', true),
    field('registryMirrors', 'Registry mirrors', 'registry', '/info RegistryConfig.Mirrors'),
    field('insecureRegistries', 'Insecure registries', 'registry', '/info RegistryConfig InsecureRegistryCIDRs and IndexConfigs with Secure=false', true),
    field('httpProxy', 'HTTP proxy', 'registry', '/info HttpProxy (credentials redacted)'),
    field('httpsProxy', 'HTTPS proxy', 'registry', '/info HttpsProxy (credentials redacted)'),
    field('noProxy', 'No proxy', 'registry', '/info NoProxy'),
    field('loggingDriver', 'Logging driver', 'engine', '/info LoggingDriver'),
    field('liveRestore', 'Live restore', 'engine', '/info LiveRestoreEnabled'),
    field('osArch', 'OS/arch', 'host', '/version Os and Arch'),
    field('operatingSystem', 'Operating system', 'host', '/info OperatingSystem'),
    field('kernelVersion', 'Kernel', 'host', '/version KernelVersion'),
    field('cpus', 'CPUs', 'host', '/info NCPU'),
    field('memory', 'Memory', 'host', '/info MemTotal (changes under 1% are ignored)'),
    field('warnings', 'Daemon warnings', 'engine', '/info Warnings (as a set)'),
    field('diskImages', 'Disk: images', 'disk', '/system/df LayersSize'),
    field('diskContainers', 'Disk: containers', 'disk', '/system/df Containers SizeRw'),
    field('diskVolumes', 'Disk: volumes', 'disk', '/system/df Volumes UsageData.Size'),
    field('diskBuildCache', 'Disk: build cache', 'disk', '/system/df BuildCache Size'),
    field('diskReclaimable', 'Disk: reclaimable', 'disk', '/system/df, computed as `docker system df` does')
];
const DRIFT_FIELD_NAMES = DRIFT_FIELDS.map(f => f.name);
/** The names `fail-on-drift: security` counts. */
const SECURITY_DRIFT_FIELDS = DRIFT_FIELDS.filter(f => f.security).map(f => f.name);
/** Group names a `fail-on-drift` list may use besides field names: `security`, `disk`, `host`, ... */
const DRIFT_GROUPS = [
    'engine',
    'storage',
    'cgroup',
    'runtime',
    'security',
    'registry',
    'host',
    'disk'
];
function driftField(name) {
    const found = DRIFT_FIELDS.find(f => f.name === name);
    if (!found)
        throw new Error(`no drift field named ${name}`);
    return found;
}
/**
 * The canonical field names one `fail-on-drift` list entry stands for (case-insensitive): a field name
 * gives itself, a group name (`security`: the fields `fail-on-drift: security` counts; `disk`, `host`, ...)
 * gives its fields; undefined when the entry is neither.
 */
function resolveDriftFieldEntry(entry) {
    const key = entry.trim().toLowerCase();
    const single = DRIFT_FIELDS.find(f => f.name.toLowerCase() === key);
    if (single)
        return [single.name];
    if (key === 'security')
        return [...SECURITY_DRIFT_FIELDS];
    if (DRIFT_GROUPS.includes(key)) {
        return DRIFT_FIELDS.filter(f => f.group === key).map(f => f.name);
    }
    return undefined;
}


/***/ }),

/***/ 2742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   JZ: () => (/* binding */ credentialsOnDemand),
/* harmony export */   gD: () => (/* binding */ findCredentials),
/* harmony export */   uw: () => (/* binding */ registryConfig)
/* harmony export */ });
/* unused harmony exports dockerConfigDir, runCredentialHelper */
/* harmony import */ var _fs_async_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7253);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3564);
// Registry credentials for pulling base images, found where the docker CLI finds them:
// $DOCKER_CONFIG/config.json (else ~/.docker/config.json), `credHelpers` per registry, then
// `credsStore`, then inline `auths`. So a workflow that ran docker/login-action can build from a
// private base. Secrets are returned to the caller and never logged.




const HUB_SERVER = 'https://index.docker.io/v1/';
/** The registry host of an image reference; `docker.io` for Docker Hub (and for what is not a reference). */
function registryOf(reference) {
    return _image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageReference */ .ZN.parse(reference)?.registry ?? _image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .HUB */ .Q$;
}
/** The directory the docker CLI reads config.json from. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
}
/**
 * Credentials for each registry that has some configured. Registries with none are left out (anonymous
 * pulls). A missing or unreadable config.json means no credentials; a helper that fails is skipped.
 */
async function findCredentials(registries, env, runHelper = runCredentialHelper) {
    const config = await readConfig((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dockerConfigDir(env), 'config.json'));
    if (!config)
        return [];
    const found = [];
    for (const registry of [...new Set(registries)]) {
        const serverAddress = registry === _image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .HUB */ .Q$ ? HUB_SERVER : registry;
        const helper = lookup(config.credHelpers, registry)?.[1] ?? config.credsStore;
        if (helper) {
            const auth = parseHelperOutput(await runHelper(helper, serverAddress), serverAddress);
            if (auth) {
                found.push({ registry, auth, source: `docker-credential-${helper}` });
                continue;
            }
        }
        const entry = lookup(config.auths, registry);
        if (entry) {
            const auth = fromAuthsEntry(entry[1], serverAddress);
            if (auth)
                found.push({ registry, auth, source: `auths["${entry[0]}"] in config.json` });
        }
    }
    return found;
}
/**
 * Credentials looked up when a builder asks for a registry's (BuildKit, over its session), once per
 * registry; `onFound` hears of each registry that has some (for a debug line, never the secret).
 */
function credentialsOnDemand(env, onFound, runHelper = runCredentialHelper) {
    const asked = new Map();
    return registry => {
        let answer = asked.get(registry);
        if (!answer) {
            answer = findCredentials([registry], env, runHelper).then(([found]) => {
                if (found)
                    onFound(found);
                return found?.auth;
            });
            asked.set(registry, answer);
        }
        return answer;
    };
}
/** The X-Registry-Config value for the classic builder: credentials keyed by registry. */
function registryConfig(found) {
    return Object.fromEntries(found.map(f => [f.auth.serveraddress, f.auth]));
}
async function readConfig(path) {
    try {
        return JSON.parse(await (0,_fs_async_js__WEBPACK_IMPORTED_MODULE_0__/* .readFile */ .TA)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** A config entry for the registry: keys may be bare hosts or URLs (`https://index.docker.io/v1/`). */
function lookup(map, registry) {
    if (!map)
        return undefined;
    return Object.entries(map).find(([key]) => hostOf(key) === registry);
}
function hostOf(key) {
    const host = key
        .replace(/^[a-z]+:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
    return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? _image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .HUB */ .Q$ : host;
}
function fromAuthsEntry(entry, serveraddress) {
    if (entry.identitytoken)
        return { serveraddress, username: entry.username, identitytoken: entry.identitytoken };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0)
            return { serveraddress, username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password)
        return { serveraddress, username: entry.username, password: entry.password };
    return undefined;
}
/** Helper protocol: `{"ServerURL": ..., "Username": ..., "Secret": ...}`; Username `<token>` = identity token. */
function parseHelperOutput(output, serveraddress) {
    if (!output)
        return undefined;
    try {
        const parsed = JSON.parse(output);
        if (!parsed.Secret)
            return undefined;
        if (parsed.Username === '<token>')
            return { serveraddress, identitytoken: parsed.Secret };
        return { serveraddress, username: parsed.Username, password: parsed.Secret };
    }
    catch {
        return undefined;
    }
}
const runCredentialHelper = async (helper, serverAddress) => {
    try {
        // Loaded only when a credential helper is configured.
        const { getExecOutput } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 1260));
        const result = await getExecOutput(`docker-credential-${helper}`, ['get'], {
            input: Buffer.from(serverAddress),
            silent: true,
            ignoreReturnCode: true
        });
        return result.exitCode === 0 ? result.stdout : undefined;
    }
    catch {
        return undefined; // helper not installed
    }
};


/***/ }),

/***/ 5378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $z: () => (/* binding */ BAD_PATTERN),
  de: () => (/* binding */ IgnoreFileError),
  Lx: () => (/* binding */ NO_MATCH_INFO),
  WQ: () => (/* binding */ PatternMatchError),
  PP: () => (/* binding */ PatternMatcher),
  a0: () => (/* binding */ parseIgnoreFile),
  T9: () => (/* binding */ readOptional)
});

// UNUSED EXPORTS: Pattern, PatternError, goPatternIsValid, goTrimSpace, patternRegexp, readIgnoreFile

// EXTERNAL MODULE: ./src/gopath.ts
var gopath = __webpack_require__(7342);
;// CONCATENATED MODULE: ./src/build/goregexp.ts
// Go's regexp syntax (RE2, regexp.Compile's Perl flags) spelled as a JavaScript RegExp with the same
// meaning, for the regexps moby/patternmatcher builds from .dockerignore lines. A port of the parts of
// Go's regexp/syntax parser that decide what is accepted and what a class holds: POSIX classes
// ([[:alpha:]], [[:^space:]]), Perl classes (\d \s \w, ASCII only as in Go), \pN / \p{Greek}, octal and
// hex escapes, \Q...\E, \A \z \b \B, and Go's errors for what it refuses. Where JavaScript spells a thing
// differently (a class union with a negated POSIX class, `.` that must not stop at \r or U+2028, \s that
// is wider in JavaScript) the meaning is computed here and written out as explicit code point ranges.
/** A regexp Go's regexp.Compile refuses; `code` is Go's ErrorCode text. */
class GoRegexpError extends Error {
    code;
    expr;
    constructor(code, expr) {
        super(`error parsing regexp: ${code}: \`${expr}\``);
        this.code = code;
        this.expr = expr;
    }
}
const MAX_RUNE = 0x10ffff;
// regexp/syntax's perl_groups.go.
const PERL = {
    d: [[0x30, 0x39]],
    s: [
        [0x9, 0xa],
        [0xc, 0xd],
        [0x20, 0x20]
    ],
    w: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x5f, 0x5f],
        [0x61, 0x7a]
    ]
};
const POSIX = {
    alnum: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x61, 0x7a]
    ],
    alpha: [
        [0x41, 0x5a],
        [0x61, 0x7a]
    ],
    ascii: [[0x0, 0x7f]],
    blank: [
        [0x9, 0x9],
        [0x20, 0x20]
    ],
    cntrl: [
        [0x0, 0x1f],
        [0x7f, 0x7f]
    ],
    digit: [[0x30, 0x39]],
    graph: [[0x21, 0x7e]],
    lower: [[0x61, 0x7a]],
    print: [[0x20, 0x7e]],
    punct: [
        [0x21, 0x2f],
        [0x3a, 0x40],
        [0x5b, 0x60],
        [0x7b, 0x7e]
    ],
    space: [
        [0x9, 0xd],
        [0x20, 0x20]
    ],
    upper: [[0x41, 0x5a]],
    word: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x5f, 0x5f],
        [0x61, 0x7a]
    ],
    xdigit: [
        [0x30, 0x39],
        [0x41, 0x46],
        [0x61, 0x66]
    ]
};
// Go's unicode.Categories keys (JavaScript knows them all as General_Category values).
const CATEGORIES = new Set('C Cc Cf Co Cs L LC Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));
function negate(ranges) {
    const out = [];
    let next = 0;
    for (const [lo, hi] of clean(ranges)) {
        if (next <= lo - 1)
            out.push([next, lo - 1]);
        next = hi + 1;
    }
    if (next <= MAX_RUNE)
        out.push([next, MAX_RUNE]);
    return out;
}
/** cleanClass: sorted, merged. */
function clean(ranges) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const out = [];
    for (const [lo, hi] of sorted) {
        const last = out[out.length - 1];
        if (last && lo <= last[1] + 1)
            last[1] = Math.max(last[1], hi);
        else
            out.push([lo, hi]);
    }
    return out;
}
const cp = (c) => `\\u{${c.toString(16)}}`;
/** A class as JavaScript (u flag) spells it: explicit ranges plus \p{...} escapes, negated as a whole. */
function classSource(ranges, props, negated) {
    const body = clean(ranges)
        .map(([lo, hi]) => (lo === hi ? cp(lo) : `${cp(lo)}-${cp(hi)}`))
        .join('') + props.join('');
    if (!negated && props.length === 0 && body === '')
        return '[]';
    return `[${negated ? '^' : ''}${body}]`;
}
const isAlnum = (c) => c !== undefined && /^[0-9A-Za-z]$/.test(c);
const unhex = (c) => c !== undefined && /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1;
/** A Unicode group (\pN, \p{Name}, \P{^Name}) as a JavaScript property escape; undefined if Go has no such name. */
function unicodeGroup(name, negated) {
    if (name.startsWith('^')) {
        negated = !negated;
        name = name.slice(1);
    }
    const p = negated ? 'P' : 'p';
    if (name === 'Any')
        return negated ? '[]' : '[\\u{0}-\\u{10ffff}]';
    if (CATEGORIES.has(name))
        return `\\${p}{${name}}`;
    // A script: Go knows the long names (Greek, Latin, Old_Italic), JavaScript those and the 4-letter codes.
    if (/^[A-Z][a-z]+(?:_[A-Z][a-z]+)*$/.test(name)) {
        try {
            new RegExp(`\\p{Script=${name}}`, 'u');
            return `\\${p}{Script=${name}}`;
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/** Go's regexp.Compile(source) (Perl flags) as the source of a JavaScript RegExp with the `u` flag. */
function goRegexpToJs(source) {
    const t = [...source];
    let i = 0;
    // One list of pieces per open group; alternatives are joined when the group closes.
    const groups = [{ alternatives: [], pieces: [] }];
    const top = () => groups[groups.length - 1];
    const rest = (from) => t.slice(from).join('');
    let lastRepeat = false;
    const parseEscape = () => {
        // at t[i] === '\\'
        const start = i;
        i++;
        if (i >= t.length)
            throw new GoRegexpError('trailing backslash at end of expression', '');
        const c = t[i++];
        const bad = () => {
            throw new GoRegexpError('invalid escape sequence', t.slice(start, i).join(''));
        };
        if (c.codePointAt(0) < 0x80 && !isAlnum(c))
            return c.codePointAt(0);
        if (c >= '1' && c <= '7' && !(t[i] !== undefined && t[i] >= '0' && t[i] <= '7'))
            return bad();
        if (c >= '0' && c <= '7') {
            let r = Number(c);
            for (let k = 1; k < 3 && t[i] !== undefined && t[i] >= '0' && t[i] <= '7'; k++)
                r = r * 8 + Number(t[i++]);
            return r;
        }
        if (c === 'x') {
            if (i >= t.length)
                return bad();
            const d = t[i++];
            if (d === '{') {
                let r = 0;
                let n = 0;
                for (;;) {
                    if (i >= t.length)
                        return bad();
                    const h = t[i++];
                    if (h === '}')
                        break;
                    const v = unhex(h);
                    if (v < 0)
                        return bad();
                    r = r * 16 + v;
                    if (r > MAX_RUNE)
                        return bad();
                    n++;
                }
                if (n === 0)
                    return bad();
                return r;
            }
            const x = unhex(d);
            const y = unhex(t[i++]);
            if (x < 0 || y < 0)
                return bad();
            return x * 16 + y;
        }
        const simple = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
        if (c in simple)
            return simple[c];
        return bad();
    };
    /** \p / \P at t[i]: the JavaScript for it, or undefined when t[i] does not start one. */
    const parseUnicodeClass = () => {
        if (t[i] !== '\\' || (t[i + 1] !== 'p' && t[i + 1] !== 'P'))
            return undefined;
        const start = i;
        const negated = t[i + 1] === 'P';
        i += 2;
        let name;
        if (t[i] !== '{') {
            name = t[i] ?? '';
            if (i < t.length)
                i++;
        }
        else {
            const end = t.indexOf('}', i);
            if (end < 0)
                throw new GoRegexpError('invalid character class range', rest(start));
            name = t.slice(i + 1, end).join('');
            i = end + 1;
        }
        const js = unicodeGroup(name, negated);
        if (js === undefined)
            throw new GoRegexpError('invalid character class range', t.slice(start, i).join(''));
        return js;
    };
    const parsePerl = () => {
        if (t[i] !== '\\')
            return undefined;
        const c = t[i + 1];
        if (c === undefined || !'dDsSwW'.includes(c))
            return undefined;
        i += 2;
        const group = PERL[c.toLowerCase()];
        return c === c.toLowerCase() ? group : negate(group);
    };
    const parseClass = () => {
        const start = i;
        i++; // [
        let negated = false;
        if (t[i] === '^') {
            negated = true;
            i++;
        }
        const ranges = [];
        const props = [];
        let first = true;
        while (i >= t.length || t[i] !== ']' || first) {
            first = false;
            if (t.length - i > 2 && t[i] === '[' && t[i + 1] === ':') {
                const close = rest(i + 2).indexOf(':]');
                if (close >= 0) {
                    const name = rest(i).slice(0, close + 4);
                    const inner = name.slice(2, -2);
                    const group = POSIX[inner.replace(/^\^/, '')];
                    if (!group)
                        throw new GoRegexpError('invalid character class range', name);
                    ranges.push(...(inner.startsWith('^') ? negate(group) : group));
                    i += [...name].length;
                    continue;
                }
            }
            const unicode = parseUnicodeClass();
            if (unicode !== undefined) {
                if (unicode.startsWith('['))
                    ranges.push(...(unicode === '[]' ? [] : [[0, MAX_RUNE]]));
                else
                    props.push(unicode);
                continue;
            }
            const perl = parsePerl();
            if (perl) {
                ranges.push(...perl);
                continue;
            }
            const classChar = () => {
                if (i >= t.length)
                    throw new GoRegexpError('missing closing ]', rest(start));
                if (t[i] === '\\')
                    return parseEscape();
                return t[i++].codePointAt(0);
            };
            const from = i;
            const lo = classChar();
            let hi = lo;
            if (t.length - i >= 2 && t[i] === '-' && t[i + 1] !== ']') {
                i++;
                hi = classChar();
                if (hi < lo)
                    throw new GoRegexpError('invalid character class range', t.slice(from, i).join(''));
            }
            ranges.push([lo, hi]);
        }
        i++; // ]
        return classSource(ranges, props, negated);
    };
    const push = (piece) => {
        top().pieces.push(piece);
    };
    const literal = (c) => push({ source: /[0-9A-Za-z_]/.test(String.fromCodePoint(c)) ? String.fromCodePoint(c) : cp(c) });
    while (i < t.length) {
        const c = t[i];
        let repeat = false;
        switch (c) {
            case '(': {
                if (t[i + 1] === '?')
                    throw new GoRegexpError('invalid or unsupported Perl syntax', rest(i).slice(0, 3));
                groups.push({ alternatives: [], pieces: [] });
                i++;
                break;
            }
            case '|':
                top().alternatives.push(top()
                    .pieces.map(p => p.source)
                    .join(''));
                top().pieces = [];
                i++;
                break;
            case ')': {
                if (groups.length === 1)
                    throw new GoRegexpError('unexpected )', source);
                const group = groups.pop();
                const body = [...group.alternatives, group.pieces.map(p => p.source).join('')].join('|');
                push({ source: `(?:${body})` });
                i++;
                break;
            }
            case '^':
                push({ source: '^', assertion: true });
                i++;
                break;
            case '$':
                push({ source: '$', assertion: true });
                i++;
                break;
            case '.':
                push({ source: '[^\\n]' }); // Go's . stops at \n only (JavaScript's also at \r, U+2028, U+2029)
                i++;
                break;
            case '[':
                push({ source: parseClass() });
                break;
            case '*':
            case '+':
            case '?':
            case '{': {
                const before = i;
                let op = c;
                i++;
                if (c === '{') {
                    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(rest(before));
                    // parseRepeat: {n}, {n,} or {n,m} without leading zeros; anything else is a literal {.
                    if (!m || /^0\d/.test(m[1]) || (m[3] !== undefined && /^0\d/.test(m[3]))) {
                        literal(0x7b);
                        break;
                    }
                    const min = Number(m[1]);
                    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
                    i = before + m[0].length;
                    if (min > 1000 || max > 1000 || (max >= 0 && min > max))
                        throw new GoRegexpError('invalid repeat count', m[0]);
                    op = m[0];
                }
                if (t[i] === '?') {
                    i++;
                    op += '?';
                }
                if (lastRepeat)
                    throw new GoRegexpError('invalid nested repetition operator', t.slice(before, i).join(''));
                const pieces = top().pieces;
                const sub = pieces.pop();
                if (!sub)
                    throw new GoRegexpError('missing argument to repetition operator', t.slice(before, i).join(''));
                pieces.push({ source: `${sub.assertion ? `(?:${sub.source})` : sub.source}${op}` });
                repeat = true;
                break;
            }
            case '\\': {
                const next = t[i + 1];
                if (next === 'A' || next === 'z' || next === 'b' || next === 'B') {
                    push({ source: next === 'A' ? '^' : next === 'z' ? '$' : `\\${next}`, assertion: true });
                    i += 2;
                    break;
                }
                if (next === 'C')
                    throw new GoRegexpError('invalid escape sequence', '\\C');
                if (next === 'Q') {
                    const end = rest(i + 2).indexOf('\\E');
                    const lit = end < 0 ? t.slice(i + 2) : [...rest(i + 2).slice(0, end)];
                    for (const ch of lit)
                        literal(ch.codePointAt(0));
                    i = end < 0 ? t.length : i + 2 + lit.length + 2;
                    break;
                }
                const unicode = parseUnicodeClass();
                if (unicode !== undefined) {
                    push({ source: unicode.startsWith('[') ? unicode : `[${unicode}]` });
                    break;
                }
                const perl = parsePerl();
                if (perl) {
                    push({ source: classSource(perl, [], false) });
                    break;
                }
                literal(parseEscape());
                break;
            }
            default:
                literal(c.codePointAt(0));
                i++;
        }
        lastRepeat = repeat;
    }
    if (groups.length !== 1)
        throw new GoRegexpError('missing closing )', source);
    return [
        ...top().alternatives,
        top()
            .pieces.map(p => p.source)
            .join('')
    ].join('|');
}

// EXTERNAL MODULE: ./src/fs-async.ts
var fs_async = __webpack_require__(7253);
;// CONCATENATED MODULE: ./src/build/ignore.ts
// .dockerignore, read and matched exactly as Docker does: a port of moby/patternmatcher (New, the pattern
// compiler, MatchesOrParentMatches, MatchesUsingParentResults) and of its ignorefile.ReadAll, plus the
// syntax check Go's filepath.Match makes when patternmatcher.New calls it. The walkers that apply these
// rules (fsutil's for BuildKit, go-archive's for the classic builder) are in walk.ts; the Go regexps
// patternmatcher builds are turned into JavaScript ones by goregexp.ts.



/** The error Go's filepath.Match returns for a malformed pattern (filepath.ErrBadPattern). */
const BAD_PATTERN = 'syntax error in pattern';
/** A .dockerignore that Docker refuses: Docker's own reason, and the line it comes from. */
class IgnoreFileError extends Error {
    reason;
    line;
    file;
    constructor(reason, line, file = '.dockerignore') {
        super(line === undefined ? `${file}: ${reason}` : `${file} line ${line}: ${reason}`);
        this.reason = reason;
        this.line = line;
        this.file = file;
        this.name = 'IgnoreFileError';
    }
}
// Go's unicode.IsSpace (strings.TrimSpace); unlike String.prototype.trim it keeps U+FEFF.
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`);
function goTrimSpace(text) {
    return text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}
/**
 * ignorefile.ReadAll: lines split as bufio.Scanner splits them (a `\r` before the `\n` dropped), a UTF-8
 * BOM stripped from the first, `#` comments (only in the first column), surrounding space trimmed, each
 * pattern cleaned and a leading `/` removed. `!` stays in front.
 */
function readIgnoreFile(text) {
    const result = { patterns: [], lines: [] };
    if (!text)
        return result;
    const rawLines = text.split('\n');
    if (rawLines[rawLines.length - 1] === '')
        rawLines.pop();
    rawLines.forEach((raw, index) => {
        let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (index === 0 && line.startsWith('\ufeff'))
            line = line.slice(1);
        if (line.startsWith('#'))
            return;
        let pattern = goTrimSpace(line);
        if (pattern === '')
            return;
        const invert = pattern.startsWith('!');
        if (invert)
            pattern = goTrimSpace(pattern.slice(1));
        if (pattern.length > 0) {
            pattern = (0,gopath/* goClean */.A)(pattern);
            if (pattern.length > 1 && pattern.startsWith('/'))
                pattern = pattern.slice(1);
        }
        result.patterns.push(invert ? `!${pattern}` : pattern);
        result.lines.push(index + 1);
    });
    return result;
}
/** Reads and checks a .dockerignore as docker does before a build: throws IgnoreFileError naming the line. */
function parseIgnoreFile(text, file = '.dockerignore') {
    const read = readIgnoreFile(text);
    try {
        PatternMatcher.create(read.patterns);
    }
    catch (error) {
        if (error instanceof PatternError)
            throw new IgnoreFileError(error.message, read.lines[error.index], file);
        throw error;
    }
    return read;
}
/** patternmatcher.New refused pattern number `index`. */
class PatternError extends Error {
    index;
    constructor(message, index) {
        super(message);
        this.index = index;
    }
}
/**
 * patternmatcher's compile, character for character: the match type and the Go regexp it hands to
 * regexp.Compile. `[`, `]`, `^`, `-`, `|`, `{`, `}` and what follows a `\` pass through untouched, so character classes
 * (POSIX ones too), ranges and escapes mean what Go's regexp makes of them, not what filepath.Match would.
 * text/scanner skips a byte order mark at the start of the pattern.
 */
function patternRegexp(cleaned) {
    const chars = [...cleaned];
    if (chars[0] === '\ufeff')
        chars.shift();
    let re = '^';
    let type = 'exact';
    for (let i = 0, iteration = 0; i < chars.length; i++, iteration++) {
        const ch = chars[i];
        if (ch === '*') {
            if (chars[i + 1] === '*') {
                i++;
                if (chars[i + 1] === '/')
                    i++;
                if (i + 1 >= chars.length) {
                    if (type === 'exact')
                        type = 'prefix';
                    else {
                        re += '.*';
                        type = 'regexp';
                    }
                }
                else {
                    re += '(.*/)?';
                    type = 'regexp';
                }
                if (iteration === 0)
                    type = 'suffix';
            }
            else {
                re += '[^/]*';
                type = 'regexp';
            }
        }
        else if (ch === '?') {
            re += '[^/]';
            type = 'regexp';
        }
        else if ('.+()$'.includes(ch)) {
            // shouldEscape's bitmap is meant to hold `.+()|{}$`, but `1 << (b / 8)` is a byte there, so the
            // bits of `|`, `{` and `}` (code 64 and up) are lost: those three reach regexp.Compile unescaped
            // and mean alternation and repetition, as they do in docker.
            re += `\\${ch}`;
        }
        else if (ch === '\\') {
            if (i + 1 < chars.length) {
                re += `\\${chars[++i]}`;
                type = 'regexp';
            }
            else
                re += '\\';
        }
        else if (ch === '[' || ch === ']') {
            re += ch;
            type = 'regexp';
        }
        else
            re += ch;
    }
    if (type === 'regexp')
        re += '$';
    return { type, source: re };
}
class Pattern {
    cleaned;
    exclusion;
    index;
    type;
    regexp;
    bad = false;
    /** The suffix as UTF-8 bytes, where Go's byte slicing cuts into a leading byte order mark. */
    suffixBytes;
    dirs;
    constructor(cleaned, exclusion, 
    /** Its place in the list given to PatternMatcher.create. */
    index = 0) {
        this.cleaned = cleaned;
        this.exclusion = exclusion;
        this.index = index;
        this.dirs = cleaned.split('/');
    }
    /** Whether Go's regexp package refuses the regexp this pattern becomes (matching it then fails). */
    get refused() {
        if (this.type === undefined && !this.bad)
            this.compile();
        return this.bad;
    }
    /** Throws BAD_PATTERN where patternmatcher's match returns filepath.ErrBadPattern. */
    match(path) {
        if (this.type === undefined && !this.bad)
            this.compile();
        if (this.bad)
            throw new Error(BAD_PATTERN);
        switch (this.type) {
            case 'exact':
                return path === this.cleaned;
            case 'prefix':
                return path.startsWith(this.cleaned.slice(0, -2));
            case 'suffix': {
                if (this.suffixBytes) {
                    const bytes = Buffer.from(path);
                    return (bytes.length >= this.suffixBytes.length &&
                        bytes.subarray(-this.suffixBytes.length).equals(this.suffixBytes));
                }
                const suffix = this.cleaned.slice(2);
                if (path.endsWith(suffix))
                    return true;
                return suffix.startsWith('/') && path === suffix.slice(1);
            }
            default:
                return this.regexp.test(path);
        }
    }
    compile() {
        const { type, source } = patternRegexp(this.cleaned);
        if (type === 'suffix' && this.cleaned.startsWith('\ufeff'))
            this.suffixBytes = Buffer.from(this.cleaned).subarray(2);
        if (type === 'regexp') {
            try {
                this.regexp = new RegExp(goRegexpToJs(source), 'u');
            }
            catch {
                this.bad = true;
                return;
            }
        }
        this.type = type;
    }
}
const NO_MATCH_INFO = { parentMatched: [] };
class PatternMatcher {
    patterns;
    exclusions;
    constructor(patterns, exclusions) {
        this.patterns = patterns;
        this.exclusions = exclusions;
    }
    /** patternmatcher.New: throws PatternError (with the pattern's index) for what Docker refuses. */
    static create(patterns) {
        const out = [];
        let exclusions = false;
        patterns.forEach((raw, index) => {
            let p = goTrimSpace(raw);
            if (p === '')
                return;
            p = (0,gopath/* goClean */.A)(p);
            let exclusion = false;
            if (p.startsWith('!')) {
                if (p.length === 1)
                    throw new PatternError('illegal exclusion pattern: "!"', index);
                exclusion = true;
                exclusions = true;
                p = p.slice(1);
            }
            if (!goPatternIsValid(p))
                throw new PatternError(BAD_PATTERN, index);
            out.push(new Pattern(p, exclusion, index));
        });
        return new PatternMatcher(out, exclusions);
    }
    matchesOrParentMatches(file) {
        let matched = false;
        const parent = goDir(file);
        const parentDirs = parent.split('/');
        for (const pattern of this.patterns) {
            if (pattern.exclusion !== matched)
                continue;
            let match = matchOrThrow(pattern, file);
            if (!match && parent !== '.') {
                for (let i = 0; i < parentDirs.length; i++) {
                    match = safeMatch(pattern, parentDirs.slice(0, i + 1).join('/'));
                    if (match)
                        break;
                }
            }
            if (match)
                matched = !pattern.exclusion;
        }
        return matched;
    }
    matchesUsingParentResults(file, parentInfo) {
        const parentMatched = parentInfo.parentMatched;
        let matched = false;
        const info = { parentMatched: new Array(this.patterns.length).fill(false) };
        this.patterns.forEach((pattern, i) => {
            let match = parentMatched.length !== 0 ? parentMatched[i] : false;
            if (!match) {
                if (pattern.exclusion !== matched)
                    return;
                match = matchOrThrow(pattern, file);
                if (!match && parentMatched.length === 0) {
                    const parent = goDir(file);
                    if (parent !== '.') {
                        const dirs = parent.split('/');
                        for (let j = 0; j < dirs.length; j++) {
                            match = safeMatch(pattern, dirs.slice(0, j + 1).join('/'));
                            if (match)
                                break;
                        }
                    }
                }
            }
            info.parentMatched[i] = match;
            if (match)
                matched = !pattern.exclusion;
        });
        return { matched, info };
    }
}
/** Matching with pattern number `index` (of the list given to PatternMatcher.create) failed: Go's regexp refused the regexp it becomes. */
class PatternMatchError extends Error {
    index;
    constructor(index) {
        super(BAD_PATTERN);
        this.index = index;
    }
}
function matchOrThrow(pattern, path) {
    try {
        return pattern.match(path);
    }
    catch {
        throw new PatternMatchError(pattern.index);
    }
}
/** patternmatcher ignores errors when matching parents (`match, _ = pattern.match(...)`). */
function safeMatch(pattern, path) {
    try {
        return pattern.match(path);
    }
    catch {
        return false;
    }
}
/** Go's filepath.Dir for a relative slash path. */
function goDir(path) {
    const slash = path.lastIndexOf('/');
    return (0,gopath/* goClean */.A)(slash === -1 ? '' : path.slice(0, slash + 1));
}
/**
 * Whether Go's filepath.Match(pattern, ".") reports no error, as patternmatcher.New asks. Match checks
 * lazily: each chunk (the text between stars) is parsed whole, but only until the first one that fails to
 * match "."; what follows is never looked at (so `x*[]a]` passes, as docker accepts it). Measured against
 * the docker CLI (Go 1.24) and buildx (Go 1.26): both accept what this accepts.
 */
function goPatternIsValid(pattern) {
    return goMatch([...pattern], ['.']) !== BAD;
}
const BAD = Symbol('ErrBadPattern');
/** filepath.Match on code points (the name here is always ".", so bytes and code points agree). */
function goMatch(pattern, name) {
    outer: while (pattern.length > 0) {
        let star = false;
        while (pattern[0] === '*') {
            pattern = pattern.slice(1);
            star = true;
        }
        let inRange = false;
        let end = 0;
        for (; end < pattern.length; end++) {
            const c = pattern[end];
            if (c === '\\') {
                if (end + 1 < pattern.length)
                    end++;
            }
            else if (c === '[')
                inRange = true;
            else if (c === ']')
                inRange = false;
            else if (c === '*' && !inRange)
                break;
        }
        const chunk = pattern.slice(0, end);
        pattern = pattern.slice(end);
        if (star && chunk.length === 0)
            return !name.includes('/');
        const here = goMatchChunk(chunk, name);
        if (here === BAD)
            return BAD;
        if (here !== undefined && (here.length === 0 || pattern.length > 0)) {
            name = here;
            continue;
        }
        if (star) {
            for (let i = 0; i < name.length && name[i] !== '/'; i++) {
                const later = goMatchChunk(chunk, name.slice(i + 1));
                if (later === BAD)
                    return BAD;
                if (later !== undefined) {
                    if (pattern.length === 0 && later.length > 0)
                        continue;
                    name = later;
                    continue outer;
                }
            }
        }
        return false;
    }
    return name.length === 0;
}
/** filepath's matchChunk: the rest of `s` after the chunk, undefined if it does not match, BAD if malformed. */
function goMatchChunk(chunk, s) {
    let failed = false;
    let c = 0;
    let k = 0;
    while (c < chunk.length) {
        if (!failed && k >= s.length)
            failed = true;
        const ch = chunk[c];
        if (ch === '[') {
            let r = 0;
            if (!failed)
                r = s[k++].codePointAt(0);
            c++;
            let negated = false;
            if (c < chunk.length && chunk[c] === '^') {
                negated = true;
                c++;
            }
            let match = false;
            let ranges = 0;
            for (;;) {
                if (c < chunk.length && chunk[c] === ']' && ranges > 0) {
                    c++;
                    break;
                }
                const lo = getEsc(chunk, c);
                if (lo === BAD)
                    return BAD;
                c = lo.next;
                let hi = lo.r;
                if (chunk[c] === '-') {
                    const high = getEsc(chunk, c + 1);
                    if (high === BAD)
                        return BAD;
                    c = high.next;
                    hi = high.r;
                }
                if (lo.r <= r && r <= hi)
                    match = true;
                ranges++;
            }
            if (match === negated)
                failed = true;
        }
        else if (ch === '?') {
            if (!failed) {
                if (s[k] === '/')
                    failed = true;
                k++;
            }
            c++;
        }
        else {
            if (ch === '\\') {
                c++;
                if (c >= chunk.length)
                    return BAD;
            }
            if (!failed) {
                if (chunk[c] !== s[k])
                    failed = true;
                k++;
            }
            c++;
        }
    }
    return failed ? undefined : s.slice(k);
}
/** filepath's getEsc: one (possibly escaped) character of a class, which must not end the chunk. */
function getEsc(chunk, i) {
    if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']')
        return BAD;
    if (chunk[i] === '\\') {
        i++;
        if (i >= chunk.length)
            return BAD;
    }
    const r = chunk[i].codePointAt(0);
    if (i + 1 >= chunk.length)
        return BAD;
    return { r, next: i + 1 };
}
/** A file's text, or undefined when there is none (a .dockerignore is optional). */
async function readOptional(path) {
    try {
        return await (0,fs_async/* readFile */.TA)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 8419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dj: () => (/* binding */ refusedPatternIndex),
/* harmony export */   T6: () => (/* binding */ fsutilWalk),
/* harmony export */   i0: () => (/* binding */ archiveWalk)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_async_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7253);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _gopath_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7342);
/* harmony import */ var _ignore_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5378);
// The two ways a build context is walked, each ported from the code `docker build` runs:
// - fsutilWalk: BuildKit's. The frontend reads .dockerignore itself and asks the session for a local
//   directory with include/exclude patterns and follow paths; the client answers with tonistiigi/fsutil's
//   FilterFS walk (filter.go), whose rules differ from the classic ones in which excluded directories it
//   still enters and in listing the parents of a re-included file.
// - archiveWalk: the classic builder's. The docker CLI tars the context with moby/go-archive's
//   TarWithOptions after adding `!Dockerfile` and `!.dockerignore` exceptions (TrimBuildFilesFromExcludes);
//   the engine removes those two files again afterwards when .dockerignore excludes them.





/**
 * os.ReadDir's order: by name, compared as UTF-8 bytes. Read synchronously, as the lstats (statAll): a
 * directory listing is one quick system call, where the promise form is a trip through libuv's threads.
 */
async function sortedEntries(dir) {
    const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true });
    return entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
}
const SKIP_DIR = Symbol('skip dir');
/** filepath.WalkDir below `root` (the root itself not visited), in its order; symlinks are not followed. */
async function walkDir(root, visit, signal) {
    const recurse = async (rel) => {
        for (const entry of await sortedEntries(rel ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, rel) : root)) {
            if (signal?.aborted)
                throw new Error('walking the build context was stopped');
            const path = rel ? `${rel}/${entry.name}` : entry.name;
            const isDir = entry.isDirectory();
            const result = await visit(path, isDir);
            if (isDir && result !== SKIP_DIR)
                await recurse(path);
        }
    };
    await recurse('');
}
/** fsutil's patternWithoutTrailingGlob. */
function withoutTrailingGlob(pattern) {
    return pattern.cleaned.replace(/\/\*\*$/, '').replace(/\/\*$/, '');
}
const PATTERN_CHARS = /[*[\]?^\\]/;
/**
 * fsutil.NewFilterFS + Walk over a directory: yields what BuildKit receives, in order. Throws fsutil's
 * errors (an invalid pattern list, a pattern that fails to match).
 */
async function* fsutilWalk(root, options, counts = { ignored: 0 }, signal) {
    let includePatterns = options.includePatterns ? [...options.includePatterns] : undefined;
    if (options.followPaths) {
        const targets = await followLinks(root, options.followPaths);
        if (targets)
            includePatterns = dedupePaths([...(includePatterns ?? []), ...targets]);
    }
    let include;
    let exclude;
    try {
        if (includePatterns && includePatterns.length > 0)
            include = _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .PatternMatcher */ .PP.create(includePatterns);
    }
    catch (error) {
        throw new Error(`invalid includepatterns: [${includePatterns.join(' ')}]: ${error.message}`);
    }
    try {
        if (options.excludePatterns && options.excludePatterns.length > 0)
            exclude = _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .PatternMatcher */ .PP.create(options.excludePatterns);
    }
    catch (error) {
        throw new Error(`invalid excludepatterns: [${options.excludePatterns.join(' ')}]: ${error.message}`);
    }
    const onlyPrefixIncludes = !include?.patterns.some(p => !p.exclusion && PATTERN_CHARS.test(withoutTrailingGlob(p)));
    const onlyPrefixExcludeExceptions = !exclude?.patterns.some(p => p.exclusion && PATTERN_CHARS.test(withoutTrailingGlob(p)));
    const parents = [];
    const out = [];
    const filtering = include !== undefined || exclude !== undefined;
    const visit = async (path, isDir) => {
        if (filtering) {
            while (parents.length > 0 && !path.startsWith(parents[parents.length - 1].withSep))
                parents.pop();
        }
        const last = parents[parents.length - 1];
        const dir = isDir
            ? { path, withSep: `${path}/`, includeInfo: _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_MATCH_INFO */ .Lx, excludeInfo: _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_MATCH_INFO */ .Lx, calledFn: false }
            : undefined;
        let skip = false;
        if (include) {
            const { matched, info } = matchOrFail(include, path, last?.includeInfo, 'includepatterns');
            if (dir)
                dir.includeInfo = info;
            if (!matched) {
                if (isDir && onlyPrefixIncludes) {
                    const dirSlash = `${path}/`;
                    const inside = include.patterns.some(p => !p.exclusion && `${withoutTrailingGlob(p)}/`.startsWith(dirSlash));
                    if (!inside) {
                        counts.ignored++;
                        return SKIP_DIR;
                    }
                }
                skip = true;
            }
        }
        if (exclude) {
            const { matched, info } = matchOrFail(exclude, path, last?.excludeInfo, 'excludepatterns');
            if (dir)
                dir.excludeInfo = info;
            if (matched) {
                if (isDir && onlyPrefixExcludeExceptions) {
                    const dirSlash = `${path}/`;
                    const inside = exclude.exclusions &&
                        exclude.patterns.some(p => p.exclusion && `${withoutTrailingGlob(p)}/`.startsWith(dirSlash));
                    if (!inside) {
                        counts.ignored++;
                        return SKIP_DIR;
                    }
                }
                skip = true;
            }
        }
        if (filtering && dir)
            parents.push(dir);
        if (skip) {
            if (!isDir)
                counts.ignored++;
            return;
        }
        if (dir)
            dir.calledFn = true;
        // A parent left out by the patterns is listed after all, before the first thing inside it that is kept.
        for (const parent of parents) {
            if (parent.calledFn || parent === dir)
                continue;
            parent.calledFn = true;
            out.push(parent.path);
        }
        out.push(path);
    };
    await walkDir(root, visit, signal);
    // filterFS.Open's check; errors there are the walk's errors too, already thrown above.
    const opens = (path) => {
        try {
            return !((include && !include.matchesOrParentMatches(path)) ||
                (exclude && exclude.matchesOrParentMatches(path)));
        }
        catch {
            return false;
        }
    };
    // Without include patterns or `!` lines, Open refuses nothing the walk lists: a parent any pattern matches
    // was skipped whole, and the file itself was matched against every pattern already.
    const mayRefuse = include !== undefined || exclude?.exclusions === true;
    for await (const entry of statAll(root, out)) {
        // Asked lazily: it costs a second match of every pattern against the file and its parents.
        if (mayRefuse && entry.info.isFile())
            Object.defineProperty(entry, 'opens', { get: () => opens(entry.path), enumerable: true });
        yield entry;
    }
}
/**
 * lstat of each path, synchronously in small batches: a cached lstat takes microseconds, while the
 * promise form queues each on libuv's four threads, where a listing of thousands of entries made every
 * file read BuildKit asked for meanwhile wait behind it (BENCHMARKS.md, figure 3b). Between batches the
 * event loop runs (the session's socket, those reads).
 */
async function* statAll(root, paths) {
    const BATCH = 256;
    for (let at = 0; at < paths.length; at += BATCH) {
        if (at > 0)
            await new Promise(resolve => setImmediate(resolve));
        const batch = paths.slice(at, at + BATCH).map(path => {
            const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, path);
            return { path, absolute, info: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(absolute) };
        });
        yield* batch;
    }
}
function matchOrFail(matcher, path, parent, what) {
    try {
        return matcher.matchesUsingParentResults(path, parent ?? _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_MATCH_INFO */ .Lx);
    }
    catch (error) {
        throw new Error(`failed to match ${what}: ${error.message}`, { cause: error });
    }
}
/**
 * fsutil's FollowLinks: each follow path with the symlinks along it resolved (inside the root), so the
 * targets are sent too. Wildcards in follow paths are passed through unresolved.
 */
async function followLinks(root, paths) {
    const resolved = new Set();
    const append = async (p, depth) => {
        if (depth > 40)
            return;
        p = (0,_gopath_js__WEBPACK_IMPORTED_MODULE_4__/* .goClean */ .A)(`./${p}`).replace(/^\/+/, '');
        if (p === '.' || p === '') {
            resolved.add('.');
            return;
        }
        const parts = p.split('/');
        let current = '';
        for (let i = 0; i < parts.length; i++) {
            current = current ? `${current}/${parts[i]}` : parts[i];
            const rest = parts.slice(i + 1).join('/');
            let target;
            try {
                const info = await (0,_fs_async_js__WEBPACK_IMPORTED_MODULE_1__/* .lstat */ .$1)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, current));
                if (info.isSymbolicLink()) {
                    const link = (0,_gopath_js__WEBPACK_IMPORTED_MODULE_4__/* .goClean */ .A)(await (0,_fs_async_js__WEBPACK_IMPORTED_MODULE_1__/* .readlink */ .h_)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, current)));
                    target = link.startsWith('/') ? link : (0,_gopath_js__WEBPACK_IMPORTED_MODULE_4__/* .goClean */ .A)(`/${(0,_gopath_js__WEBPACK_IMPORTED_MODULE_4__/* .goClean */ .A)(`${current}/..`)}/${link}`);
                }
            }
            catch {
                target = undefined;
            }
            if ((rest === '' || target !== undefined) && resolved.has(current))
                return;
            if (target !== undefined) {
                resolved.add(current);
                await append(rest ? `${target}/${rest}` : target, depth + 1);
                return;
            }
            if (rest === '') {
                resolved.add(current);
                return;
            }
        }
    };
    for (const p of paths)
        await append(p, 0);
    const list = [...resolved].sort();
    return dedupePaths(list);
}
/** fsutil's dedupePaths: drops paths under another in the (sorted) list; `.` means no filter at all. */
function dedupePaths(paths) {
    const sorted = [...new Set(paths)].sort();
    const out = [];
    for (const p of sorted) {
        if (p === '.')
            return [];
        const last = out[out.length - 1];
        if (last !== undefined && p.startsWith(`${last}/`))
            continue;
        out.push(p);
    }
    return out;
}
/**
 * The classic builder's context as the docker CLI tars it: go-archive's walk with the CLI's exceptions for
 * the Dockerfile and .dockerignore added. A directory the patterns exclude is still entered when an
 * exception pattern starts with its path, but is not itself sent.
 */
async function* archiveWalk(root, patterns, dockerfileInContext, counts = { ignored: 0 }, signal) {
    const excludes = [...patterns];
    const keep = (name) => {
        try {
            return _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .PatternMatcher */ .PP.create(excludes).matchesOrParentMatches(name);
        }
        catch {
            return false;
        }
    };
    if (keep('.dockerignore'))
        excludes.push('!.dockerignore');
    if (dockerfileInContext !== undefined && keep(dockerfileInContext))
        excludes.push(`!${dockerfileInContext}`);
    const pm = _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .PatternMatcher */ .PP.create(excludes);
    const parents = [];
    const out = [];
    const visit = async (path, isDir) => {
        while (parents.length > 0 && !path.startsWith(`${parents[parents.length - 1].path}/`))
            parents.pop();
        const { matched, info } = pm.matchesUsingParentResults(path, parents[parents.length - 1]?.info ?? _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_MATCH_INFO */ .Lx);
        if (isDir)
            parents.push({ path, info });
        if (matched) {
            if (!isDir) {
                counts.ignored++;
                return;
            }
            const dirSlash = `${path}/`;
            if (pm.exclusions && pm.patterns.some(p => p.exclusion && `${p.cleaned}/`.startsWith(dirSlash)))
                return;
            counts.ignored++;
            return SKIP_DIR;
        }
        out.push(path);
    };
    await walkDir(root, visit, signal);
    yield* statAll(root, out);
}
/**
 * A .dockerignore line whose pattern Go's regexp refuses fails the build only when docker's walk gets to
 * match a path against it (an exception after nothing matched, or a line after `*`, may never be). Walks
 * the context as `docker build` would, only when such a line exists: the classic builder's CLI checks the
 * context first (ValidateContextDirectory: every path, an excluded directory skipped whole); BuildKit's
 * client walks with fsutil. Returns the index of the pattern the walk fails on, if it does.
 */
async function refusedPatternIndex(root, patterns, builder, signal) {
    const matcher = _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .PatternMatcher */ .PP.create(patterns);
    if (!matcher.patterns.some(p => p.refused))
        return undefined;
    try {
        if (builder === 'buildkit') {
            for await (const entry of fsutilWalk(root, { excludePatterns: patterns }, undefined, signal))
                void entry;
        }
        else {
            await walkDir(root, async (path, isDir) => (matcher.matchesOrParentMatches(path) && isDir ? SKIP_DIR : undefined), signal);
        }
    }
    catch (error) {
        const cause = error instanceof _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .PatternMatchError */ .WQ ? error : error.cause;
        if (cause instanceof _ignore_js__WEBPACK_IMPORTED_MODULE_3__/* .PatternMatchError */ .WQ)
            return cause.index;
        throw error;
    }
    return undefined;
}


/***/ }),

/***/ 6312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C5: () => (/* binding */ cleanupAt),
  E1: () => (/* binding */ describeCleanup),
  cM: () => (/* binding */ nothingLeftAt),
  ux: () => (/* binding */ removeLabelled)
});

// UNUSED EXPORTS: cleanupRun

// EXTERNAL MODULE: ./src/engine/check.ts
var check = __webpack_require__(3326);
// EXTERNAL MODULE: ./src/engine/client.ts + 2 modules
var engine_client = __webpack_require__(4728);
// EXTERNAL MODULE: ./src/engine/endpoint.ts + 1 modules
var endpoint = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/labels.ts
var labels = __webpack_require__(4584);
;// CONCATENATED MODULE: ./src/cleanup/remove-image.ts
// Removing an image and the untagged intermediate images only it was built on, alike on both image stores.
//
// The classic builder commits an intermediate image per step (each `labels` entry is a LABEL step of its
// own, so those carry the action's labels), and a cached rebuild shares the first ones. The graph-driver
// store never removes a parent another image still builds on (a conflict ends its parent pruning). The
// containerd store does not check children (moby v28.5.2 daemon/containerd/image_delete.go deleteAll:
// every dangling parent goes), so removing one build removes the parents a second build still names; that
// build's later removal then cannot resolve its chain (`parents` fails, nothing is pruned) and leaves its
// labelled intermediate images dangling for good. So the engine prunes nothing here: the chain is walked
// from the listing and each parent is removed only while nothing else builds on it.

const NONE = new Set(['<none>:<none>', '<none>@<none>']);
/** True when a name (tag or digest) keeps the image: the engine's prune keeps those too. */
function named(image) {
    return [...(image.RepoTags ?? []), ...(image.RepoDigests ?? [])].some(name => !NONE.has(name));
}
/**
 * Removes image `id` (forced: its tags go too) and then, nearest first, each untagged parent that no
 * other image or container uses. Returns the IDs removed; throws the engine's error for `id` itself
 * (404 included: the caller knows what "already gone" means to it). A parent the engine refuses (a
 * container uses it) ends the walk quietly, as the engine's own pruning does.
 */
async function removeImageAndParents(client, id, signal) {
    const all = await client.images.list(undefined, signal, { all: true });
    const byId = new Map(all.map(image => [image.Id, image]));
    const target = byId.get(id) ?? all.find(image => image.Id === `sha256:${id}`);
    await client.images.remove(id, { force: true, noprune: true }, signal);
    const removed = new Set([target?.Id ?? id]);
    let parentId = target?.ParentId;
    while (parentId) {
        const parent = byId.get(parentId);
        if (!parent || named(parent))
            break;
        const builtOn = all.some(image => image.ParentId === parentId && !removed.has(image.Id));
        if (builtOn)
            break;
        try {
            await client.images.remove(parent.Id, { noprune: true }, signal);
        }
        catch (error) {
            if (error instanceof engine_client/* EngineError */.NJ && error.status === 404) {
                removed.add(parent.Id);
                parentId = parent.ParentId;
                continue;
            }
            break;
        }
        removed.add(parent.Id);
        parentId = parent.ParentId;
    }
    return [...removed];
}

;// CONCATENATED MODULE: ./src/cleanup/cleanup.ts






/**
 * `cleanupRun` at an endpoint named the way the inputs name it, for the runtimes' after-the-run cleanup
 * (the post step, main after a cancel, the CLI). Never rejects: an engine that cannot be used is the
 * result's one problem, in the words the engine check would use.
 */
async function cleanupAt(input) {
    let client;
    try {
        client = new engine_client/* EngineClient */.A$((0,endpoint/* resolveEndpoint */.sO)(input.dockerHost, input.processEnv));
        if (input.pingTimeoutMs)
            await client.system.ping(AbortSignal.timeout(input.pingTimeoutMs));
        const { runId, removeImages, log } = input;
        return await cleanupRun({
            client,
            runId,
            removeImages,
            log,
            signal: AbortSignal.timeout(input.timeoutMs)
        });
    }
    catch (error) {
        const why = client ? (await (0,check/* engineFailure */.FR)(client, error, 'cleanup')).message : (0,errors/* messageOf */.bD)(error);
        return { containers: [], images: [], networks: [], volumes: [], problems: [why] };
    }
}
/**
 * Whether the post step would find nothing to remove: no container, network or volume labelled with the
 * run (what `removeLabelled` lists). False when anything is there or the engine could not say: the post
 * step then looks again itself. Images are not looked at; `cleanup-images` always leaves work for post.
 */
async function nothingLeftAt(input) {
    if (!input.runId.trim())
        return false;
    try {
        const client = new engine_client/* EngineClient */.A$((0,endpoint/* resolveEndpoint */.sO)(input.dockerHost, input.processEnv));
        const filters = { label: [`${labels/* LABEL_RUN */.Bt}=${input.runId}`] };
        const signal = AbortSignal.timeout(input.timeoutMs);
        const [containers, networks, volumes] = await Promise.all([
            client.containers.list({ all: true, filters }, signal),
            client.networks.list(filters, signal),
            client.volumes.list(filters, signal)
        ]);
        return containers.length === 0 && networks.length === 0 && volumes.length === 0;
    }
    catch {
        return false;
    }
}
/**
 * HTTP answers that mean "nothing left to do": 404 already gone, 304 already stopped, 409 a removal
 * already in progress (AutoRemove, or another cleanup).
 */
const ALREADY_GONE = new Set([404, 304, 409]);
/**
 * Removes every container (with its anonymous volumes) and, when asked, every image labelled with the
 * run. Throws only when the engine cannot even list them; other failures are collected in `problems`.
 */
async function cleanupRun(input) {
    const { client, runId, removeImages, log, signal } = input;
    // An empty run id would select label values that are empty; never guess what to delete.
    if (!runId.trim())
        throw new Error('cleanupRun: a run id is required');
    const filters = { label: [`${labels/* LABEL_RUN */.Bt}=${runId}`] };
    const result = { containers: [], images: [], networks: [], volumes: [], problems: [] };
    await removeLabelled(client, `${labels/* LABEL_RUN */.Bt}=${runId}`, result, log, signal);
    if (!removeImages)
        return result;
    let images = [];
    try {
        images = await client.images.list(filters, signal);
    }
    catch (error) {
        result.problems.push(`Could not list the images of run ${runId}: ${(0,errors/* messageOf */.bD)(error)}`);
    }
    // One at a time: images of one build can share layers, and the engine serialises deletes anyway. With
    // the parents only they were built on (remove-image.ts: the containerd store would take shared ones).
    for (const info of images) {
        const image = {
            id: info.Id,
            tags: (info.RepoTags ?? []).filter(t => t !== '<none>:<none>')
        };
        const removed = await removeTolerantly(`image ${image.tags[0] ?? image.id}`, ALREADY_GONE, result, log, () => removeImageAndParents(client, info.Id, signal));
        if (removed)
            result.images.push(image);
    }
    return result;
}
/**
 * Removes every container (with its anonymous volumes), then every network and volume, carrying
 * `label` (`key=value`), into `result`. Throws only when the engine cannot list containers.
 */
async function removeLabelled(client, label, result, log, signal) {
    const filters = { label: [label] };
    // An engine that cannot list cannot remove either: that error is the caller's to word (it knows the endpoint).
    const containers = await client.containers.list({ all: true, filters }, signal);
    // Concurrently: a cancelled job has seconds left, and each removal of a running container takes a kill.
    await Promise.all(containers.map(async (info) => {
        const container = {
            id: info.Id,
            name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
            image: info.Image,
            state: info.State
        };
        const removed = await removeTolerantly(`container ${container.name}`, ALREADY_GONE, result, log, () => client.containers.remove(info.Id, { force: true }, signal));
        if (removed)
            result.containers.push(container);
    }));
    // Networks and volumes (a Compose stack's) only once their containers are gone: the engine refuses
    // to remove one in use.
    const [networks, volumes] = await Promise.all([
        client.networks.list(filters, signal).catch((error) => {
            result.problems.push(`Could not list networks labelled ${label}: ${(0,errors/* messageOf */.bD)(error)}`);
            return [];
        }),
        client.volumes.list(filters, signal).catch((error) => {
            result.problems.push(`Could not list volumes labelled ${label}: ${(0,errors/* messageOf */.bD)(error)}`);
            return [];
        })
    ]);
    await Promise.all([
        ...networks.map(async (network) => {
            const removed = await removeTolerantly(`network ${network.Name}`, GONE, result, log, () => client.networks.remove(network.Id, signal));
            if (removed)
                result.networks.push(network.Name);
        }),
        ...volumes.map(async (volume) => {
            const removed = await removeTolerantly(`volume ${volume.Name}`, GONE, result, log, () => client.volumes.remove(volume.Name, signal));
            if (removed)
                result.volumes.push(volume.Name);
        })
    ]);
}
/** Networks and volumes: only 404 means already gone (409 is one still in use). */
const GONE = new Set([404]);
/** One removal: true when it removed the thing; already gone is debug, any other failure a problem. */
async function removeTolerantly(what, gone, result, log, remove) {
    try {
        await remove();
        return true;
    }
    catch (error) {
        if (gone.has((0,errors/* errorCode */.CA)(error)))
            log.debug(`${what} was already gone (${(0,errors/* errorCode */.CA)(error)})`);
        else
            result.problems.push(`Could not remove ${what}: ${(0,errors/* messageOf */.bD)(error)}`);
        return false;
    }
}
/** Lines for the log: what was removed, or that nothing was left (never said when something failed). */
function describeCleanup(result) {
    const lines = [];
    for (const c of result.containers) {
        lines.push(`Removed container ${c.name} (${c.id.slice(0, 12)}, ${c.state}, image ${c.image})`);
    }
    for (const n of result.networks)
        lines.push(`Removed network ${n}`);
    for (const v of result.volumes)
        lines.push(`Removed volume ${v}`);
    for (const i of result.images) {
        lines.push(`Removed image ${i.tags.length > 0 ? i.tags.join(', ') : i.id}`);
    }
    if (lines.length === 0 && result.problems.length === 0)
        lines.push('Nothing of this run was left on the engine.');
    return lines;
}


/***/ }),

/***/ 3772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony export levenshtein */
// Suggests the known word a mistyped key was probably meant to be (`expect-exitcode` \u2192 `expect-exit-code`).
/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
function levenshtein(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
/** `expect_exit_code`, `expectExitCode` and `Expect-Exit-Code` all compare as `expectexitcode`. */
function squash(word) {
    return word.toLowerCase().replace(/[-_\s]/g, '');
}
/** The closest known word, when it is close enough to be a plausible typo; otherwise undefined. */
function didYouMean(word, known) {
    let best;
    for (const candidate of known) {
        const distance = squash(word) === squash(candidate) ? 0 : levenshtein(word.toLowerCase(), candidate);
        if (!best || distance < best.distance)
            best = { word: candidate, distance };
    }
    if (!best)
        return undefined;
    // A third of the word may be wrong (at least 2 edits), so `timout` and `expect-ouput` find their key
    // but `colour` does not become `user`.
    const allowed = Math.max(2, Math.floor(best.word.length / 3));
    return best.distance <= allowed ? best.word : undefined;
}


/***/ }),

/***/ 3326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FR: () => (/* binding */ engineFailure),
/* harmony export */   Xx: () => (/* binding */ checkEngine)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6264);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4728);
/* harmony import */ var _image_store_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5943);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1003);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5725);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(970);
/* harmony import */ var _stage_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1741);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8574);
/* harmony import */ var _podman_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7049);
/* harmony import */ var _require_info_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(806);












/**
 * The engine check: ping (fast failure when nothing answers), then /version and /info, then the CLI's own
 * version, the minimum versions and require-info conditions. Logs what it found.
 */
async function checkEngine(input) {
    const started = Date.now();
    const { client, options, signal } = input;
    const endpoint = client.endpoint;
    await pingEngine(client, signal, input.earlyPing);
    input.onReachable?.();
    const factsDeadline = (0,_signals_js__WEBPACK_IMPORTED_MODULE_3__/* .deadline */ .nl)(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .FACTS_TIMEOUT_MS */ .n, undefined, signal);
    const [version, info] = await Promise.all([
        client.system.version(factsDeadline.signal),
        client.system.info(factsDeadline.signal)
    ])
        .catch(error => {
        throw contactError(client, error, 'reading /version and /info', signal);
    })
        .finally(() => factsDeadline.dispose());
    requireJsonObject(endpoint, '/version', version);
    requireJsonObject(endpoint, '/info', info);
    // Only now: spawning `docker --version` (a fork of this process, then the CLI starting) before the
    // requests above were written delayed them by ~20 ms on 2 cores; this check's end waits on nothing.
    const clientVersion = readClientVersion();
    const facts = {
        endpoint: endpoint.display,
        serverVersion: String(version.Version ?? info.ServerVersion ?? ''),
        apiVersion: String(version.ApiVersion ?? ''),
        minApiVersion: version.MinAPIVersion ? String(version.MinAPIVersion) : undefined,
        podmanVersion: (0,_podman_js__WEBPACK_IMPORTED_MODULE_5__/* .podmanVersion */ .g)(version),
        os: String(version.Os ?? info.OSType ?? ''),
        arch: String(version.Arch ?? info.Architecture ?? ''),
        kernelVersion: String(version.KernelVersion ?? info.KernelVersion ?? ''),
        imageStore: (0,_image_store_js__WEBPACK_IMPORTED_MODULE_6__/* .imageStoreOf */ .Sf)(info),
        clientVersion: await clientVersion,
        version,
        info
    };
    const problems = [];
    const tooOld = (what, found, required) => {
        if (!required)
            return;
        const order = (0,_version_js__WEBPACK_IMPORTED_MODULE_7__/* .compareVersions */ .Z)(found, required);
        if (order === undefined || order < 0) {
            problems.push(`${what} ${found || '(unknown)'} is below the required minimum ${required}`);
        }
    };
    tooOld('Docker engine version', facts.serverVersion, options.minDockerVersion);
    tooOld('Docker API version', facts.apiVersion, options.minApiVersion);
    const conditions = (0,_require_info_js__WEBPACK_IMPORTED_MODULE_8__/* .evaluateConditions */ .w)(options.requireInfo, info);
    for (const outcome of conditions.filter(o => !o.passed)) {
        problems.push(`require-info "${outcome.condition.source}" failed: ${outcome.condition.field} is ${outcome.actual}`);
    }
    const result = {
        status: problems.length > 0 ? 'failed' : 'passed',
        problems,
        ...(0,_stage_js__WEBPACK_IMPORTED_MODULE_9__/* .stageTimes */ .L)(started),
        facts,
        conditions
    };
    logEngine(result, client.endpoint, input.log);
    return result;
}
function logEngine(result, endpoint, log) {
    const { facts } = result;
    const info = facts.info;
    log.info(`Endpoint:        ${(0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .describeEndpoint */ .N2)(facts.endpoint, endpoint.source)}`);
    log.info(`Server version:  ${facts.serverVersion} (API ${facts.apiVersion})`);
    if (facts.podmanVersion)
        log.info(`Podman:          ${facts.podmanVersion} (Docker-compatible API)`);
    log.info(`Client version:  ${facts.clientVersion ?? 'no docker CLI found'}`);
    log.info(`OS/arch:         ${facts.os}/${facts.arch}, kernel ${facts.kernelVersion}`);
    log.info(`Storage driver:  ${String(info.Driver ?? '')}`);
    log.info(`Cgroup:          ${String(info.CgroupDriver ?? '')} v${String(info.CgroupVersion ?? '?')}`);
    log.info(`Default runtime: ${String(info.DefaultRuntime ?? '')}`);
    log.info(`Security:        ${info.SecurityOptions?.join(', ') ?? ''}`);
    for (const outcome of result.conditions) {
        log.info(`require-info ${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.condition.source} (${outcome.actual})`);
    }
    for (const problem of result.problems)
        log.error(problem);
}
/**
 * Fails fast, with one clear message, when the engine cannot be reached: the early ping's outcome when
 * the entry sent one to this endpoint, else a ping of its own.
 */
async function pingEngine(client, signal, early) {
    const outcome = await early;
    if (outcome && outcome.endpoint === client.endpoint.display) {
        if (outcome.error !== undefined)
            throw await engineFailure(client, outcome.error, 'ping', signal);
        if (outcome.facts)
            client.useEarlyFacts(outcome.facts);
        return;
    }
    const pingDeadline = (0,_signals_js__WEBPACK_IMPORTED_MODULE_3__/* .deadline */ .nl)(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PING_TIMEOUT_MS */ .q, undefined, signal);
    try {
        await client.system.ping(pingDeadline.signal);
    }
    catch (error) {
        throw await engineFailure(client, error, 'ping', signal);
    }
    finally {
        pingDeadline.dispose();
    }
}
/**
 * contactError, after a look at the TLS handshake when TLS could explain the failure
 * (src/engine/tls-failure.ts): which certificate, which CA file, which context.
 */
async function engineFailure(client, error, doing, parentSignal) {
    // The client's EngineError keeps what the connection threw as its cause.
    const raw = error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .EngineError */ .NJ ? error.cause : error;
    if ((raw instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG && !(raw instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .EngineError */ .NJ)) || parentSignal?.aborted)
        return contactError(client, error, doing, parentSignal);
    // Loaded only after a failure (it brings node:tls).
    const { describeTlsFailure } = await __webpack_require__.e(/* import() */ 88).then(__webpack_require__.bind(__webpack_require__, 6088));
    const tls = await describeTlsFailure(client.endpoint, raw);
    if (tls)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`Cannot use the Docker engine at ${client.endpoint.display}: ${tls}`, {
            cause: error
        });
    return contactError(client, error, doing, parentSignal);
}
/**
 * The check's one sentence when the engine cannot be used: the client's wording, except that an engine
 * answering the first requests with an HTTP error is named as such (it may not be a Docker engine at all).
 */
function contactError(client, error, doing, parentSignal) {
    if (parentSignal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG('Cancelled while contacting the Docker engine');
    const failure = client.error(error, doing);
    if (failure instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .EngineError */ .NJ && failure.kind === 'http') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`Cannot use the Docker engine at ${client.endpoint.display}: it answered HTTP ${failure.status} (${doing})` +
            `${failure.message && failure.message !== `HTTP ${failure.status}` ? `: ${failure.message}` : ''}. Check the engine's logs.`, { cause: error });
    }
    return failure;
}
/** The transport hands back the raw bytes when a reply is not JSON; nothing downstream may read those as facts. */
function requireJsonObject(endpoint, path, reply) {
    if (typeof reply === 'object' && reply !== null && !Buffer.isBuffer(reply) && !Array.isArray(reply))
        return;
    const start = (0,_format_js__WEBPACK_IMPORTED_MODULE_10__/* .oneLine */ .TN)(String(reply).slice(0, 40));
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`Cannot use the Docker engine at ${endpoint.display}: its reply to ${path} is not JSON ` +
        `(it starts ${JSON.stringify(start)}). Is this address really a Docker engine?`);
}
/** `docker --version`, or undefined when no docker binary is on PATH (reported, not a failure). */
async function readClientVersion() {
    try {
        // Loaded here, off the path to the engine's first requests. node:child_process itself, not
        // @actions/exec: one short command whose output is read, not logged, and @actions/exec brings
        // @actions/io and node:assert (~0.5 MB of memory) for it.
        const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
        const stdout = await new Promise(resolve => execFile('docker', ['--version'], { timeout: 10_000 }, (error, out) => resolve(error ? undefined : out)));
        if (stdout === undefined)
            return undefined;
        return /version\s+([^\s,]+)/i.exec(stdout)?.[1] ?? stdout.trim();
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A$: () => (/* binding */ EngineClient),
  NJ: () => (/* binding */ EngineError)
});

// UNUSED EXPORTS: MODEM_ENV

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(970);
;// CONCATENATED MODULE: ./src/engine/listing.ts


/**
 * A listing call (/images/json, /system/df) again when the engine lost track of an object it was
 * walking. dockerd 28 with the containerd image store fails the whole listing with 404 "snapshot ...
 * does not exist" or "content digest ...: not found", or 500 "rw layer snapshot not found for
 * container", when an image or container is removed while it lists (measured here: 2 of 150
 * /images/json and 7 of 40 /system/df calls while builds and removals ran beside them). A listing never
 * 404s for any other reason, so trying again is safe; the last error is thrown as it came. Tried for
 * up to LISTING_RETRY_MS, not a fixed count: the walk itself takes long on a store with many images
 * (/system/df took 1.9 s here with ~50 images, ~5 s with 66 while tests ran beside it), so while a busy
 * runner removes things, four quick tries all failed, and later two tries in 10 s (whole-suite runs here
 * lost the drift tests' disk use so).
 */
async function listingWithRetry(call, signal) {
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            const late = attempt >= LISTING_ATTEMPTS && Date.now() - started >= LISTING_RETRY_MS;
            if (late || signal?.aborted || !vanishedWhileListing(error))
                throw error;
            await (0,signals/* sleep */.yy)(Math.min(100 * attempt, 1000), signal);
        }
    }
}
/** At least this many tries, and more while LISTING_RETRY_MS has not passed. */
const LISTING_ATTEMPTS = 4;
const LISTING_RETRY_MS = 20_000;
function vanishedWhileListing(error) {
    const status = (0,errors/* errorCode */.CA)(error);
    return (status === 404 || status === 500) && /not found|does not exist/i.test((0,errors/* messageOf */.bD)(error));
}

// EXTERNAL MODULE: ./src/engine/podman.ts
var podman = __webpack_require__(7049);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:querystring"
var external_node_querystring_ = __webpack_require__(1792);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/engine/transport.ts
// The Engine API over node:http / node:https: a unix socket, TCP, or TCP with TLS. It speaks what
// docker-modem 5's dial (lib/modem.js) spoke for this project, so the client's calls, their replies and
// their failures are the same, without docker-modem's module graph (ssh2 and more, ~60 ms of CPU and
// ~13 MB at start-up). Only ssh:// endpoints still go through docker-modem (client.ts loads it then).
//
// Differences from docker-modem, each on purpose: no environment is read (the endpoint was resolved
// already); the endpoint's path prefix is honoured as the docker CLI honours it (docker-modem's
// url.resolve dropped it); a hijack sends no chunked empty body (the CLI sends none); no redirects.



/** A dial for a unix socket or TCP (TLS) endpoint. Makes no request here. */
function httpDial(endpoint) {
    const o = endpoint.options;
    const secure = o.protocol === 'https';
    // Our own keep-alive agent, never node's global one: that one follows HTTP(S)_PROXY when
    // NODE_USE_ENV_PROXY is set (Node 24), and only an agent of our own can switch server verification
    // off (DOCKER_TLS, SkipTLSVerify). The idle timeout is the global agent's (what docker-modem used
    // over a socket).
    const plain = secure
        ? undefined
        : {
            agent: new (external_node_http_default()).Agent({ keepAlive: true, ...(o.socketPath ? { timeout: 5000 } : {}) }),
            send: (external_node_http_default()).request
        };
    // node:https (with node:tls under it, ~2 MB on Node 24) is loaded by the first call to a TLS endpoint.
    let tls;
    const loadTls = () => (tls ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)).then(https => ({
        agent: new https.Agent({ keepAlive: true, rejectUnauthorized: endpoint.tls?.verify !== false }),
        send: https.request
    })));
    // Without TLS there is no server name to send: set, node skips working one out for every request (the
    // first net.isIP compiles a large regular expression, ~4 ms on the way to the build).
    const where = o.socketPath
        ? { socketPath: o.socketPath, servername: '' }
        : {
            host: o.host,
            port: o.port,
            ...(secure ? { ca: o.ca, cert: o.cert, key: o.key } : { servername: '' })
        };
    const prefix = (o.pathPrefix ?? '/').replace(/\/+$/, '');
    return call => (plain ? dial(plain, call) : loadTls().then(transport => dial(transport, call)));
    function dial({ agent, send }, call) {
        const headers = { ...call.headers };
        if (call.authconfig)
            headers['X-Registry-Auth'] = base64url(JSON.stringify(call.authconfig));
        if (call.registryconfig)
            headers['X-Registry-Config'] = Buffer.from(JSON.stringify(call.registryconfig)).toString('base64');
        let data;
        if (call.file)
            headers['Content-Type'] ??= 'application/tar';
        else if (call.body !== undefined) {
            data = JSON.stringify(call.body);
            headers['Content-Type'] ??= 'application/json';
            headers['Content-Length'] = Buffer.byteLength(data);
        }
        if (call.hijack) {
            headers.Connection = 'Upgrade';
            headers.Upgrade ??= 'tcp';
        }
        const query = call.query ? queryString(call.query) : '';
        return new Promise((resolve, reject) => {
            let settled = false;
            const settle = (error, value) => {
                if (settled)
                    return;
                settled = true;
                if (error)
                    reject(error);
                else
                    resolve(value);
            };
            let request;
            try {
                request = send({
                    ...where,
                    agent,
                    method: call.method,
                    path: `${prefix}${call.path}${query ? `?${query}` : ''}`,
                    headers,
                    signal: call.signal
                });
            }
            catch (error) {
                settle(error);
                return;
            }
            request.on('error', error => settle(error));
            if (call.hijack) {
                request.on('upgrade', (_response, socket, head) => {
                    // The engine may start talking with the 101: those bytes are the protocol's, put them back.
                    if (head.length > 0)
                        socket.unshift(head);
                    socket.setTimeout(0);
                    settle(undefined, socket);
                });
            }
            request.on('response', response => {
                // A hijack that is answered without 101 (an engine without the endpoint) ends up here too.
                if (response.statusCode === call.ok && call.isStream && !call.hijack)
                    settle(undefined, response);
                else
                    readReply(response, call, settle);
            });
            if (call.file) {
                call.file.on('error', error => request.destroy(error));
                call.file.pipe(request);
            }
            else
                request.end(data);
        });
    }
}
/** Reads a whole reply: the value of a call, or the failure of a status that was not `ok`. */
function readReply(response, call, settle) {
    // An abort while the body arrives must end it too (the request's signal covers the request only).
    if (call.signal)
        (0,external_node_stream_.addAbortSignal)(call.signal, response);
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('error', error => settle(error));
    response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const status = response.statusCode ?? 0;
        if (status === call.ok) {
            settle(undefined, call.raw ? bytes : (parseJson(bytes.toString()) ?? bytes));
            return;
        }
        // docker-modem's wording: "(HTTP code 404) unexpected - <the engine's message> ".
        const text = bytes.toString();
        const parsed = parseJson(text);
        const cause = (parsed ?? (call.isStream ? text : bytes));
        const said = (cause.message || cause.error || cause);
        const error = new Error(`(HTTP code ${status}) unexpected - ${said} `);
        error.statusCode = status;
        error.json = call.isStream ? null : (parsed ?? bytes);
        settle(error);
    });
}
/**
 * docker-modem's buildQuerystring: an object value (not an array) as JSON, the rest as querystring has
 * it (arrays as repeated keys, booleans as true/false). Undefined values are left out (docker-modem sent
 * `key=`, which the engine reads as unset too).
 */
function queryString(query) {
    const clone = {};
    for (const [key, value] of Object.entries(query)) {
        if (value === undefined)
            continue;
        clone[key] = value && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
    }
    return (0,external_node_querystring_.stringify)(clone);
}
/** JSON, or null when the text is not JSON or is a falsy JSON value (docker-modem's `parseJSON(s) || buffer`). */
function parseJson(text) {
    try {
        return JSON.parse(text) || null;
    }
    catch {
        return null;
    }
}
/** What docker-modem sends as X-Registry-Auth: base64 with `-` and `_` for `+` and `/`, padding kept. */
function base64url(text) {
    return Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

;// CONCATENATED MODULE: ./src/engine/client.ts




/** Every failure of an engine call. Its message is one sentence a person can act on. */
class EngineError extends errors/* PreflightError */.wG {
    kind;
    status;
    doing;
    constructor(kind, message, 
    /** The HTTP status, for `http`. */
    status, 
    /** What was being done: `ping`, `inspecting image busybox`. */
    doing, options) {
        super(message, options);
        this.kind = kind;
        this.status = status;
        this.doing = doing;
        this.name = 'EngineError';
    }
}
const UNREACHABLE = {
    ENOENT: 'the socket does not exist',
    ECONNREFUSED: 'the connection was refused',
    EACCES: 'permission denied on the socket (is this user in the docker group?)',
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name does not resolve'
};
const DROPPED = new Set(['ECONNRESET', 'EPIPE']);
const TIMED_OUT = new Set(['ABORT_ERR', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
class EngineClient {
    endpoint;
    send;
    ssh;
    /** Set once the engine has answered: a connection refused after that means it went away. */
    answered = false;
    /** /version and /info, each asked once per client (a failure is forgotten, so the next call asks again). */
    facts = new Map();
    /** The entry's /version and /info (src/engine/early-ping.ts), each used once in place of asking. */
    early;
    /** A client for exactly this endpoint. No request is made here, and nothing is loaded. */
    constructor(endpoint) {
        this.endpoint = endpoint;
        if (endpoint.options.protocol === 'ssh') {
            this.ssh = new SshModem(endpoint);
            this.send = call => this.ssh.dial(call);
        }
        else
            this.send = httpDial(endpoint);
    }
    /**
     * Replies the entry already asked for (src/engine/early-ping.ts), for this same endpoint: the next
     * /version and /info calls use them. One that failed is asked again, so its failure is worded as usual.
     */
    useEarlyFacts(facts) {
        this.early = { ...facts };
    }
    /** /version or /info: the entry's early reply, else the engine's; kept for the client's later calls. */
    fact(which, signal) {
        let answer = this.facts.get(which);
        if (!answer) {
            answer = this.earlyOr(which, signal, () => this.get(`reading /${which}`, signal, `/${which}`));
            this.facts.set(which, answer);
            answer.catch(() => {
                if (this.facts.get(which) === answer)
                    this.facts.delete(which);
            });
        }
        return answer;
    }
    /** An early reply in place of `ask` (once), unless it failed or the caller's signal ends first. */
    earlyOr(which, signal, ask) {
        const early = this.early?.[which];
        if (!early)
            return ask();
        delete this.early[which];
        return new Promise((resolve, reject) => {
            let settled = false;
            const fallBack = () => {
                if (settled)
                    return;
                settled = true;
                signal?.removeEventListener('abort', fallBack);
                ask().then(resolve, reject);
            };
            if (signal?.aborted)
                return fallBack(); // the ask fails at once, worded as a cancel or deadline
            signal?.addEventListener('abort', fallBack, { once: true });
            void early.then(reply => {
                if (reply === undefined)
                    return fallBack();
                if (settled)
                    return;
                settled = true;
                signal?.removeEventListener('abort', fallBack);
                this.answered = true;
                resolve(reply);
            });
        });
    }
    /** For an ssh:// endpoint, docker-modem as constructed (for tests of endpoint resolution); else undefined. */
    async modemOptions() {
        return this.ssh ? (await this.ssh.modem()) : undefined;
    }
    /**
     * Any failure of a call as an EngineError, in the one wording: also for an abort the caller chose to
     * report as the engine not answering in time (a deadline signal of its own).
     */
    error(error, doing) {
        if (error instanceof errors/* PreflightError */.wG)
            return error;
        const code = (0,errors/* errorCode */.CA)(error);
        const message = (0,errors/* messageOf */.bD)(error);
        const name = error instanceof Error ? error.name : '';
        const cannot = (what) => `Cannot use the Docker engine at ${this.endpoint.display}: ${what}. ` +
            `Is dockerd running there? ${addressFrom(this.endpoint)}`;
        // Before the status check: a DOMException carries a numeric legacy `code` too (TimeoutError's is 23).
        if (TIMED_OUT.has(String(code)) || name === 'AbortError' || name === 'TimeoutError') {
            return new EngineError('timeout', cannot(`it did not answer (${doing}) in time`), undefined, doing, {
                cause: error
            });
        }
        if (typeof code === 'number') {
            const json = error.json;
            // The engine's JSON message, else the text after docker-modem's "(HTTP code 404) no such
            // container - " prefix (transport.ts words it the same); nothing from a reply that was not the engine's.
            const said = json && typeof json.message === 'string'
                ? json.message.trim()
                : message.startsWith('(HTTP code')
                    ? message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '').trim()
                    : '';
            return new EngineError('http', said || `HTTP ${code}`, code, doing, { cause: error });
        }
        // 'aborted': a reply that had begun was cut off, so the engine had answered.
        const cutOff = message === 'aborted';
        const dropped = DROPPED.has(String(code)) || message === 'socket hang up' || cutOff;
        if (cutOff || (this.answered && (dropped || code === 'ENOENT' || code === 'ECONNREFUSED'))) {
            return new EngineError('lost', `the connection to the Docker engine was lost while ${doing} (did the Docker daemon stop or restart?)`, undefined, doing, { cause: error });
        }
        if (this.endpoint.tls && isTlsCode(code)) {
            // Not a daemon that is down: the TLS handshake failed (tls-failure.ts words the cases it can tell apart).
            return new EngineError('unreachable', `Cannot use the Docker engine at ${this.endpoint.display}: TLS failed: ${message.split('\n')[0]} (${String(code)}). ` +
                `The TLS files come from ${this.endpoint.tls.from}.`, undefined, doing, { cause: error });
        }
        const what = UNREACHABLE[String(code)] ?? (message || String(code));
        return new EngineError('unreachable', cannot(what), undefined, doing, { cause: error });
    }
    /** The engine closed a stream before it ended properly (used by readers of streamed replies). */
    lost(doing) {
        return new EngineError('lost', `the connection to the Docker engine was lost while ${doing} (did the Docker daemon stop or restart?)`, undefined, doing);
    }
    // Each call: what it is doing (for messages), then the request. `ok` is the one status that means
    // success (any other is an EngineError with the engine's message); `isStream` resolves with the reply
    // itself once its headers are in.
    system = {
        ping: (signal) => this.get('ping', signal, '/_ping'),
        /** /version; asked once per client (the engine check and the build both need it). */
        version: (signal) => this.fact('version', signal),
        /** Whether the engine is Podman's Docker-compatible API (src/engine/podman.ts); false when /version fails. */
        isPodman: (signal) => this.system.version(signal).then(version => (0,podman/* podmanVersion */.g)(version) !== undefined, () => false),
        /** /info; asked once per client, like /version (the engine check, and the build for the image store). */
        info: (signal) => this.fact('info', signal),
        /** /system/df, tried again when the engine lost an object while it listed (src/engine/listing.ts). */
        df: (signal) => listingWithRetry(() => this.get('reading /system/df', signal, '/system/df'), signal)
    };
    images = {
        /**
         * Tried again when the engine lost an image while it listed (src/engine/listing.ts). `all`:
         * intermediate images too (the classic builder's steps), each with its ParentId.
         */
        list: (filters, signal, options = {}) => listingWithRetry(() => this.get('listing images', signal, '/images/json', {
            query: { filters, all: options.all ? '1' : undefined }
        }), signal),
        /** The image, or undefined when the engine has none by that name or ID. */
        inspect: async (reference, signal) => {
            try {
                return await this.get(`inspecting image ${reference}`, signal, `/images/${encodeURIComponent(reference)}/json`);
            }
            catch (error) {
                if (error instanceof EngineError && error.status === 404)
                    return undefined;
                throw error;
            }
        },
        history: (id, signal) => this.get(`reading the history of image ${id}`, signal, `/images/${encodeURIComponent(id)}/history`),
        /** Starts a pull; the reply is the engine's JSON progress stream. */
        pull: (reference, signal) => this.dial(`pulling ${reference}`, signal, {
            method: 'POST',
            path: '/images/create',
            query: pullQuery(reference),
            ok: 200,
            isStream: true
        }),
        /**
         * Pushes `name:tag`; the reply is the engine's JSON progress stream. The engine wants an
         * X-Registry-Auth header even without credentials: `{}` then.
         */
        push: (name, tag, auth, signal) => this.dial(`pushing ${name}:${tag}`, signal, {
            method: 'POST',
            path: `/images/${encodeURIComponent(name)}/push`,
            query: { tag },
            authconfig: auth ?? {},
            ok: 200,
            isStream: true
        }),
        /** `docker save` of one image: the reply is the tar stream. */
        export: (id, signal) => this.get(`exporting image ${id}`, signal, `/images/${encodeURIComponent(id)}/get`, { isStream: true }),
        remove: (id, options, signal) => this.request('DELETE', `removing image ${id}`, signal, `/images/${encodeURIComponent(id)}`, 200, {
            query: options
        })
    };
    containers = {
        list: (options, signal) => this.get('listing containers', signal, '/containers/json', {
            query: { all: options.all ?? false, filters: options.filters }
        }),
        /** Creates a container (named, or named by the engine when `name` is undefined); resolves with its ID. */
        create: async (name, body, signal) => {
            const reply = await this.dial('creating the container', signal, {
                method: 'POST',
                path: '/containers/create',
                query: { name: name || undefined },
                body,
                ok: 201
            });
            return reply.Id;
        },
        start: (id, signal) => this.request('POST', 'starting the container', signal, `/containers/${id}/start`, 204),
        inspect: (id, signal) => this.get('inspecting the container', signal, `/containers/${id}/json`),
        kill: (id, signal) => this.request('POST', 'stopping the container', signal, `/containers/${id}/kill`, 204),
        /** Removes the container and its anonymous volumes (`force` kills it first). */
        remove: (id, options, signal) => this.request('DELETE', 'removing the container', signal, `/containers/${id}`, 204, {
            query: { v: true, ...options }
        }),
        /** The output so far, whole (not followed): the multiplexed frames, or the raw bytes with a TTY. */
        output: async (id, signal) => {
            const reply = await this.get('reading the container output', signal, `/containers/${id}/logs`, {
                query: { follow: false, stdout: true, stderr: true },
                raw: true
            });
            // docker-modem (ssh://) parses a reply that happens to be JSON; the bytes are what was asked for.
            if (Buffer.isBuffer(reply))
                return reply;
            return Buffer.from(typeof reply === 'string' ? reply : JSON.stringify(reply ?? ''));
        },
        /** GET /containers/{id}/archive: a tar stream of `path` in the container's filesystem. */
        archive: (id, path, signal) => this.get('reading a file from the container', signal, `/containers/${id}/archive`, {
            query: { path },
            isStream: true
        }),
        /** Commits the container's filesystem as a new image; resolves with its ID. */
        commit: async (id, signal) => {
            const query = { container: id };
            return (await this.request('POST', 'committing the container', signal, '/commit', 201, { query })).Id;
        },
        /** Follows the combined output as the engine's multiplexed stream (see src/smoke/output.ts). */
        logs: (id, signal, options = {}) => this.get('reading the container output', signal, `/containers/${id}/logs`, {
            query: { follow: options.follow ?? true, stdout: true, stderr: true },
            isStream: true
        }),
        /**
         * Runs a container's HEALTHCHECK once through Podman's own API (`podman healthcheck run`): Podman
         * schedules checks with systemd timers, which never run where there is no systemd. The health
         * state is updated as a timer's run would; read it with inspect afterwards. The libpod routes answer
         * only under a version prefix; 4.0.0 is the oldest Podman 4 API.
         */
        podmanHealthcheck: (id, signal) => this.get('running the HEALTHCHECK', signal, `/v4.0.0/libpod/containers/${id}/healthcheck`),
        /**
         * `POST /containers/{id}/wait?condition=next-exit`, resolved once the engine has answered with
         * headers: from then on the wait is registered, so a start may follow without a race. The body (the
         * exit status) comes when the container exits.
         */
        waitNextExit: (id, signal) => this.request('POST', 'waiting for the container to exit', signal, `/containers/${id}/wait`, 200, {
            query: { condition: 'next-exit' },
            isStream: true
        })
    };
    networks = {
        list: (filters, signal) => this.get('listing networks', signal, '/networks', { query: { filters } }),
        remove: (id, signal) => this.request('DELETE', `removing network ${id}`, signal, `/networks/${encodeURIComponent(id)}`, 204)
    };
    volumes = {
        list: async (filters, signal) => {
            const reply = await this.get('listing volumes', signal, '/volumes', { query: { filters } });
            return reply.Volumes ?? [];
        },
        remove: (name, signal) => this.request('DELETE', `removing volume ${name}`, signal, `/volumes/${encodeURIComponent(name)}`, 204)
    };
    build = {
        /**
         * `POST /build` without a body, for a BuildKit build whose context comes through a session
         * (`remote=client-session`); the reply is the engine's JSON progress stream.
         */
        request: (query, signal) => this.request('POST', 'starting the build', signal, '/build', 200, { query, isStream: true }),
        /**
         * `POST /session` upgraded to h2c: the connection the engine's BuildKit calls back on (see
         * src/engine/session.ts). Resolves with the hijacked socket, with whatever the engine sent after its
         * 101 put back into it.
         */
        session: (headers, signal) => this.request('POST', 'opening a build session', signal, '/session', 101, {
            headers: { Upgrade: 'h2c', ...headers },
            hijack: true
        }),
        /**
         * `POST /grpc` upgraded to h2c: BuildKit's control API (Solve, Status), as buildx's docker driver
         * reaches it (see src/engine/control.ts). Resolves with the hijacked socket.
         */
        grpc: (signal) => this.request('POST', 'connecting to BuildKit', signal, '/grpc', 101, {
            headers: { Upgrade: 'h2c' },
            hijack: true
        }),
        /**
         * `POST /build` with the context as a tar stream (the classic builder); the reply is the engine's
         * JSON progress stream. `registryConfig`: credentials for the registries the Dockerfile pulls from,
         * sent as X-Registry-Config (as dockerode's buildImage and the docker CLI send them).
         */
        image: (context, query, registryConfig, signal) => this.request('POST', 'starting the build', signal, '/build', 200, {
            query,
            file: context,
            registryconfig: registryConfig,
            isStream: true
        })
    };
    get(doing, signal, path, more) {
        return this.request('GET', doing, signal, path, 200, more);
    }
    request(method, doing, signal, path, ok, more) {
        return this.dial(doing, signal, { method, path, ok, ...more });
    }
    dial(doing, signal, call) {
        return this.wrap(doing, signal, () => this.send({ ...call, signal }));
    }
    /**
     * Runs one call: an answer marks the engine as reached; a failure becomes an EngineError, unless the
     * caller's own signal aborted it (a cancel, or the caller's deadline: the caller words those).
     */
    async wrap(doing, signal, call) {
        if (signal?.aborted)
            throw signal.reason instanceof Error ? signal.reason : new errors/* CancelledError */.cc();
        try {
            const result = await call();
            this.answered = true;
            return result;
        }
        catch (error) {
            if (signal?.aborted)
                throw error;
            throw this.error(error, doing);
        }
    }
}
/** /images/create's query for a pull, split as dockerode's pull splits a reference (lib/util.js parseRepositoryTag). */
function pullQuery(reference) {
    const digest = reference.indexOf('@');
    const at = digest >= 0 ? digest : reference.lastIndexOf(':');
    const tag = at >= 0 ? reference.slice(at + 1) : '';
    // A last colon followed by a slash belongs to a registry's port, not a tag.
    if (at < 0 || tag.includes('/'))
        return { fromImage: reference, tag: 'latest' };
    return { fromImage: reference.slice(0, at), tag: tag || 'latest' };
}
/** Where the address came from, as the last sentence of a connection error. */
function addressFrom(endpoint) {
    switch (endpoint.source.kind) {
        case 'input':
            return 'The address is set by docker-host.';
        case 'default':
            return `The address is ${endpoint.source.description}; set docker-host, DOCKER_HOST or a docker context to use another engine.`;
        default:
            return `The address comes from ${endpoint.source.description}.`;
    }
}
function isTlsCode(code) {
    return (typeof code === 'string' &&
        (code === 'EPROTO' || /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_)/.test(code)));
}
/**
 * What docker-modem 5 reads from the environment when it is constructed (lib/modem.js defaultOpts):
 * DOCKER_HOST (its `host` beats our `socketPath`), DOCKER_TLS_VERIFY, DOCKER_CERT_PATH (read with
 * readFileSync: a missing cert.pem throws), DOCKER_PATH_PREFIX, DOCKER_CLIENT_TIMEOUT and, for ssh,
 * SSH_AUTH_SOCK (its sshOptions are assigned over ours). The endpoint was resolved already; none of
 * these may change where or how the client connects.
 */
const MODEM_ENV = [
    'DOCKER_HOST',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_PATH_PREFIX',
    'DOCKER_CLIENT_TIMEOUT',
    'SSH_AUTH_SOCK'
];
/** docker-modem for an ssh:// endpoint, loaded and constructed on the first call. */
class SshModem {
    endpoint;
    loaded;
    constructor(endpoint) {
        this.endpoint = endpoint;
    }
    modem() {
        this.loaded ??= loadModem(this.endpoint);
        return this.loaded;
    }
    async dial(call) {
        const modem = await this.modem();
        const query = Object.fromEntries(Object.entries(call.query ?? {}).filter(([, value]) => value !== undefined));
        return new Promise((resolve, reject) => modem.dial({
            // docker-modem appends `_query` to a path that ends with `?`, and sends `_body` as JSON.
            path: call.query ? `${call.path}?` : call.path,
            method: call.method,
            options: { _query: query, _body: call.body ?? {} },
            file: call.file,
            headers: call.headers ? { ...call.headers } : undefined,
            statusCodes: { [call.ok]: true },
            isStream: call.isStream ?? false,
            authconfig: call.authconfig,
            registryconfig: call.registryconfig,
            hijack: call.hijack,
            abortSignal: call.signal
        }, (error, result) => (error ? reject(error) : resolve(result))));
    }
}
/** A docker-modem that talks to exactly this ssh:// endpoint. */
async function loadModem(endpoint) {
    // `debug` (docker-modem's logger) reads DEBUG once, when it loads; set, it would print every request
    // to the job log, headers (registry credentials) included.
    const { default: Dockerode } = await withoutEnv(['DEBUG'], () => __webpack_require__.e(/* import() */ 40).then(__webpack_require__.t.bind(__webpack_require__, 9040, 23)));
    const o = endpoint.options;
    // Every option docker-modem's defaults could set is given, undefined ones too (Object.assign copies them).
    const options = {
        socketPath: undefined,
        host: o.host,
        port: o.port,
        protocol: o.protocol,
        pathPrefix: o.pathPrefix,
        username: o.username,
        ca: undefined,
        cert: undefined,
        key: undefined,
        timeout: undefined,
        sshOptions: { agent: o.sshAgent }
    };
    const docker = withoutEnv(MODEM_ENV, () => new Dockerode(options));
    const modem = docker.modem;
    if (modem.host !== o.host || modem.port !== o.port) {
        // A docker-modem that reads something new would show here first.
        throw new Error(`docker-modem did not take the endpoint ${endpoint.display} as given`);
    }
    return docker.modem;
}
/**
 * Runs `make` with these variables out of process.env, and puts them back when it returns (or, for a
 * promise, settles). Synchronous work sees nothing else run meanwhile.
 */
function withoutEnv(names, make) {
    const saved = new Map();
    for (const name of names) {
        const value = process.env[name];
        if (value !== undefined) {
            saved.set(name, value);
            delete process.env[name];
        }
    }
    const restore = () => {
        for (const [name, value] of saved)
            process.env[name] = value;
    };
    let result;
    try {
        result = make();
    }
    catch (error) {
        restore();
        throw error;
    }
    if (result instanceof Promise)
        return result.finally(restore);
    restore();
    return result;
}


/***/ }),

/***/ 5943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sf: () => (/* binding */ imageStoreOf),
/* harmony export */   xC: () => (/* binding */ storageText)
/* harmony export */ });
/* unused harmony export CONTAINERD_SNAPSHOTTER */
const CONTAINERD_SNAPSHOTTER = 'io.containerd.snapshotter.v1';
function imageStoreOf(info) {
    const status = Array.isArray(info.DriverStatus) ? info.DriverStatus : [];
    const containerd = status.some(pair => Array.isArray(pair) && pair[0] === 'driver-type' && pair[1] === CONTAINERD_SNAPSHOTTER);
    return containerd ? 'containerd' : 'graphdriver';
}
/** "overlay2 (graph driver)" / "overlayfs (containerd image store)", for the report's Engine table. */
function storageText(info) {
    const driver = typeof info.Driver === 'string' ? info.Driver : '';
    const store = imageStoreOf(info) === 'containerd' ? 'containerd image store' : 'graph driver';
    return driver ? `${driver} (${store})` : store;
}


/***/ }),

/***/ 523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ MALFORMED_LINE),
/* harmony export */   s: () => (/* binding */ readJsonLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9488);


const MALFORMED_LINE = 'the engine sent a malformed progress line';
/**
 * Reads `stream` line by line (a partial line, or a UTF-8 character split across chunks, waits for the
 * rest), handing each parsed line to `onEvent`; an error message returned by it ends the read. Resolves
 * with how the stream ended (the stream is destroyed unless it ended by itself); rejects only with
 * CancelledError once `signal` aborts.
 */
function readJsonLines(stream, onEvent, signal) {
    return new Promise((resolve, reject) => {
        const lines = new _lines_js__WEBPACK_IMPORTED_MODULE_1__/* .LineSplitter */ .g();
        let settled = false;
        const finish = (end) => {
            if (settled)
                return;
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            if (end instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc) {
                stream.destroy();
                reject(end);
                return;
            }
            if (end.kind !== 'end')
                stream.destroy();
            resolve(end);
        };
        const onAbort = () => finish(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc());
        if (signal?.aborted)
            return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        stream.on('data', (chunk) => {
            for (const raw of lines.push(chunk)) {
                const line = raw.trim();
                if (line === '')
                    continue;
                let event;
                try {
                    event = JSON.parse(line);
                }
                catch {
                    return finish({ kind: 'malformed' });
                }
                const message = onEvent(event);
                if (message !== undefined)
                    return finish({ kind: 'error', message });
            }
        });
        stream.on('end', () => finish({ kind: 'end' }));
        stream.on('error', () => finish({ kind: 'lost' }));
        stream.on('close', () => finish({ kind: 'lost' }));
    });
}


/***/ }),

/***/ 7049:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ podmanVersion)
/* harmony export */ });
// Podman's Docker-compatible API (`podman system service`) answers as Docker does, with differences
// measured against Podman 4.3.1 (Debian 12) and handled where they bite:
// - /version: Version and ApiVersion look like Docker's (API 1.41); Components holds "Podman Engine"
//   with Podman's own version. That component is how a Podman engine is told apart (here).
// - /build: the classic builder only (Buildah; no /session endpoint, so dockerode's BuildKit path gets
//   404 "Not Found"): src/build/build.ts falls back with a note. Buildah adds the `labels` parameter
//   as LABEL steps, so intermediate images carry the action's labels (removed with the final image).
// - HEALTHCHECKs run from systemd timers, so without systemd State.Health stays "starting" and its Log
//   null (Docker: a list): src/smoke/ready.ts runs the check through libpod's endpoint (here).
// - A followed /logs reply sends its headers only with the first line of output (fixed in later
//   Podman): src/smoke/container.ts does not wait for them. It also ends once the container exits,
//   before all of a large output was sent: src/smoke/entry.ts reads an exited container's output again.
// - Inspect Args repeats Path when the command is one word: src/smoke/entry.ts reads Config instead.
// - /containers/json refuses an empty `filters=` parameter with 500: src/inventory/inventory.ts omits it.
// - A forced DELETE stops a running container with its stop timeout (SIGTERM, SIGKILL after 10 s; read
//   in compat RemoveContainer, seen as 10 s more per entry on Podman 5.8): src/smoke/container.ts kills first.
// - Image names are fully qualified (docker.io/library/busybox:latest) in RepoTags and the container
//   list's Image: src/inventory/inventory.ts shows them as `docker image ls` does (busybox:latest).
//   /containers/json Ports and State have Docker's shape; its Command joins the words unquoted.
// - Image inspect has no Config.Healthcheck although the image has one and its containers run it: the
//   built image's default smoke entry is judged by its container's config (src/smoke/entry.ts).
// The /events endpoint is not used by this action, so its filter differences do not matter here.
/** The Podman version when the engine is Podman (its `Podman Engine` component), else undefined. */
function podmanVersion(version) {
    const components = Array.isArray(version.Components) ? version.Components : [];
    for (const component of components) {
        if (typeof component !== 'object' || component === null)
            continue;
        const { Name, Version } = component;
        if (typeof Name === 'string' && /^podman\b/i.test(Name.trim()))
            return typeof Version === 'string' && Version.trim() ? Version.trim() : 'unknown version';
    }
    return undefined;
}


/***/ }),

/***/ 2581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ mapEntry),
/* harmony export */   L8: () => (/* binding */ varint),
/* harmony export */   MB: () => (/* binding */ protoFields),
/* harmony export */   Yd: () => (/* binding */ asBytes),
/* harmony export */   ZC: () => (/* binding */ asUint),
/* harmony export */   oJ: () => (/* binding */ asString),
/* harmony export */   oQ: () => (/* binding */ ProtoWriter),
/* harmony export */   yc: () => (/* binding */ asInt64)
/* harmony export */ });
// The protobuf wire format, for the handful of small messages the BuildKit session and control API
// exchange (fsutil's Packet/Stat, secrets, auth, health, Solve): varints, 64-bit varints (int64 fields may
// be negative, which proto encodes as ten bytes of two's complement) and length-delimited fields.
// Written by hand so a build loads no protobuf library; proto3 rules: a field at its default is omitted.
const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;
/** Builds one message; nested messages are encoded on their own and added as bytes. */
class ProtoWriter {
    parts = [];
    scratch = Buffer.allocUnsafe(64);
    used = 0;
    reserve(n) {
        if (this.used + n <= this.scratch.length)
            return;
        this.flushScratch();
        if (n > this.scratch.length)
            this.scratch = Buffer.allocUnsafe(n);
    }
    flushScratch() {
        if (this.used === 0)
            return;
        this.parts.push(Buffer.from(this.scratch.subarray(0, this.used)));
        this.scratch = Buffer.allocUnsafe(Math.max(64, this.scratch.length));
        this.used = 0;
    }
    rawVarint(value) {
        this.reserve(10);
        let v = value;
        while (v > 0x7f) {
            this.scratch[this.used++] = (v % 128) | 0x80;
            v = Math.floor(v / 128);
        }
        this.scratch[this.used++] = v;
    }
    tag(field, wire) {
        this.rawVarint(field * 8 + wire);
    }
    /** uint32, enum, bool, or a non-negative integer up to 2^53. */
    uint(field, value) {
        if (!value)
            return this;
        this.tag(field, WIRE_VARINT);
        this.rawVarint(value);
        return this;
    }
    /** int64: negative values as 64-bit two's complement. */
    int64(field, value) {
        if (value === 0 || value === 0n)
            return this;
        if (typeof value === 'number' && value > 0 && Number.isSafeInteger(value))
            return this.uint(field, value);
        let v = BigInt.asUintN(64, BigInt(value));
        this.tag(field, WIRE_VARINT);
        this.reserve(10);
        while (v > 0x7fn) {
            this.scratch[this.used++] = Number(v & 0x7fn) | 0x80;
            v >>= 7n;
        }
        this.scratch[this.used++] = Number(v);
        return this;
    }
    bytes(field, value) {
        if (!value || value.length === 0)
            return this;
        this.tag(field, WIRE_LEN);
        this.rawVarint(value.length);
        this.flushScratch();
        this.parts.push(Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.length));
        return this;
    }
    string(field, value) {
        if (!value)
            return this;
        return this.bytes(field, Buffer.from(value, 'utf8'));
    }
    /** A nested message; `always` keeps an empty one (present but at defaults), which proto3 allows. */
    message(field, value, always = false) {
        if (value === undefined)
            return this;
        if (value.length === 0 && !always)
            return this;
        this.tag(field, WIRE_LEN);
        this.rawVarint(value.length);
        if (value.length > 0) {
            this.flushScratch();
            this.parts.push(Buffer.from(value.buffer, value.byteOffset, value.length));
        }
        return this;
    }
    /** map<string, string> or map<string, bytes>: one entry message (key 1, value 2) per pair. */
    map(field, entries) {
        if (!entries)
            return this;
        for (const [key, value] of entries) {
            const entry = new ProtoWriter().string(1, key);
            if (typeof value === 'string')
                entry.string(2, value);
            else
                entry.bytes(2, value);
            this.message(field, entry.finish(), true);
        }
        return this;
    }
    finish() {
        this.flushScratch();
        return this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    }
}
/** The bytes of a varint (for hand-built frame headers). */
function varint(value) {
    const out = [];
    let v = value;
    while (v > 0x7f) {
        out.push((v % 128) | 0x80);
        v = Math.floor(v / 128);
    }
    out.push(v);
    return Buffer.from(out);
}
/** Each field of a message, in order (repeated fields appear once per value). */
function* protoFields(message) {
    let at = 0;
    const readVarint = () => {
        let result = 0n;
        let shift = 0n;
        for (;;) {
            if (at >= message.length)
                throw new Error('truncated protobuf message');
            const byte = message[at++];
            result |= BigInt(byte & 0x7f) << shift;
            if ((byte & 0x80) === 0)
                return result;
            shift += 7n;
            if (shift > 63n)
                throw new Error('protobuf varint too long');
        }
    };
    while (at < message.length) {
        const key = Number(readVarint());
        const field = key >>> 3;
        const wire = key & 7;
        if (wire === WIRE_VARINT)
            yield [field, { wire: 'varint', value: readVarint() }];
        else if (wire === WIRE_LEN) {
            const length = Number(readVarint());
            if (at + length > message.length)
                throw new Error('truncated protobuf message');
            yield [field, { wire: 'bytes', value: message.subarray(at, at + length) }];
            at += length;
        }
        else if (wire === WIRE_I64 || wire === WIRE_I32) {
            const length = wire === WIRE_I64 ? 8 : 4;
            if (at + length > message.length)
                throw new Error('truncated protobuf message');
            yield [field, { wire: 'fixed', value: message.subarray(at, at + length) }];
            at += length;
        }
        else
            throw new Error(`unsupported protobuf wire type ${wire}`);
    }
}
/** A varint field as a uint32/enum/bool. */
function asUint(value) {
    return value.wire === 'varint' ? Number(BigInt.asUintN(32, value.value)) : 0;
}
/** A varint field as a (signed) int64, in a number when safe. */
function asInt64(value) {
    if (value.wire !== 'varint')
        return 0;
    const signed = BigInt.asIntN(64, value.value);
    return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(signed)
        : signed;
}
function asBytes(value) {
    return value.wire === 'bytes' ? value.value : Buffer.alloc(0);
}
function asString(value) {
    return asBytes(value).toString('utf8');
}
/** A map entry's key (field 1) and value (field 2) as bytes. */
function mapEntry(value) {
    let key = '';
    let entry = Buffer.alloc(0);
    for (const [field, v] of protoFields(asBytes(value))) {
        if (field === 1)
            key = asString(v);
        else if (field === 2)
            entry = asBytes(v);
    }
    return [key, entry];
}


/***/ }),

/***/ 806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ evaluateConditions),
/* harmony export */   z: () => (/* binding */ parseCondition)
/* harmony export */ });
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8574);

// Longest operators first so `>=` is not read as `>` followed by `=...`.
const LINE = /^\s*([A-Za-z_][\w.]*)\s*(!~=|~=|!=|>=|<=|=|>|<)\s*(.*?)\s*$/;
/** Parses one line; returns an error message (what was expected) when it does not parse. */
function parseCondition(line) {
    const match = LINE.exec(line);
    if (!match) {
        return 'expected FIELD OP VALUE with OP one of =, !=, ~=, !~=, >=, <=, >, < (e.g. Driver=overlay2, NCPU>=2)';
    }
    const [, field, operator, value] = match;
    if (operator === '~=' || operator === '!~=') {
        try {
            new RegExp(value);
        }
        catch (error) {
            return `"${value}" is not a valid regular expression (${error.message})`;
        }
    }
    if (['>=', '<=', '>', '<'].includes(operator) && toComparable(value) === undefined) {
        return `"${value}" is not a number or a version, so ${operator} cannot compare it`;
    }
    return { source: line.trim(), field, operator, value };
}
function evaluateConditions(conditions, info) {
    return conditions.map(condition => evaluateCondition(condition, info));
}
function evaluateCondition(condition, info) {
    const found = lookup(info, condition.field);
    if (found === undefined) {
        return {
            condition,
            passed: condition.operator === '!=' || condition.operator === '!~=',
            actual: '(absent)'
        };
    }
    const values = (Array.isArray(found) ? found : [found]).map(renderValue);
    const actual = Array.isArray(found) ? `[${values.join(', ')}]` : (values[0] ?? '');
    const want = condition.value;
    let passed;
    switch (condition.operator) {
        case '=':
            passed = values.some(v => v.toLowerCase() === want.toLowerCase());
            break;
        case '!=':
            passed = values.every(v => v.toLowerCase() !== want.toLowerCase());
            break;
        case '~=':
            passed = values.some(v => new RegExp(want).test(v));
            break;
        case '!~=':
            passed = values.every(v => !new RegExp(want).test(v));
            break;
        default:
            passed = values.some(v => compare(v, want, condition.operator));
    }
    return { condition, passed, actual };
}
/** Reads a dotted path, matching each key case-insensitively. */
function lookup(root, path) {
    let node = root;
    for (const part of path.split('.')) {
        if (typeof node !== 'object' || node === null || Array.isArray(node))
            return undefined;
        const key = Object.keys(node).find(k => k.toLowerCase() === part.toLowerCase());
        if (key === undefined)
            return undefined;
        node = node[key];
    }
    return node;
}
function renderValue(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
function toComparable(text) {
    if (/^-?\d+(\.\d+)?$/.test(text.trim()) && !/^\d+\.\d+\.\d+/.test(text)) {
        return { kind: 'number', value: Number(text) };
    }
    return (0,_version_js__WEBPACK_IMPORTED_MODULE_0__/* .versionParts */ .V)(text) ? { kind: 'version', value: text } : undefined;
}
function compare(actual, wanted, operator) {
    const a = toComparable(actual);
    const b = toComparable(wanted);
    if (!a || !b)
        return false;
    const order = a.kind === 'number' && b.kind === 'number'
        ? Math.sign(a.value - b.value)
        : (0,_version_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Z)(actual, wanted);
    if (order === undefined)
        return false;
    switch (operator) {
        case '>=':
            return order >= 0;
        case '<=':
            return order <= 0;
        case '>':
            return order > 0;
        case '<':
            return order < 0;
        default:
            return false;
    }
}


/***/ }),

/***/ 808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ streamOf)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The socket as an HTTP/2 endpoint should read it. A plain socket is handed over as it is (node:http2 reads
 * it through its native handle, first feeding it what is already in the socket's JS buffer: the engine
 * starts talking at once, and those bytes arrive with the 101 response). A TLSSocket is handed over as a
 * plain Duplex: node:http2 over its handle lost the frames that came with the upgrade. With a tap, any
 * socket goes through the Duplex.
 */
function streamOf(socket, tap) {
    if (!tap && !socket.encrypted)
        return socket;
    const duplex = new node_stream__WEBPACK_IMPORTED_MODULE_0__.Duplex({
        read: () => socket.resume(),
        write: (chunk, _encoding, callback) => {
            tap?.outgoing(chunk);
            socket.write(chunk, callback);
        },
        writev: (chunks, callback) => {
            const joined = Buffer.concat(chunks.map(c => c.chunk));
            tap?.outgoing(joined);
            socket.write(joined, callback);
        },
        final: callback => {
            socket.end();
            callback();
        },
        destroy: (error, callback) => {
            socket.destroy(error ?? undefined);
            callback(error);
        }
    });
    // Flowing mode hands over what the socket already buffered (the bytes that came with the 101) first.
    socket.on('data', (chunk) => {
        tap?.incoming(chunk);
        if (!duplex.push(chunk))
            socket.pause();
    });
    socket.on('end', () => duplex.push(null));
    socket.on('error', error => duplex.destroy(error));
    socket.on('close', () => {
        tap?.closed();
        duplex.destroy();
    });
    return duplex;
}


/***/ }),

/***/ 8574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ versionParts),
/* harmony export */   Z: () => (/* binding */ compareVersions)
/* harmony export */ });
// Docker versions are not semver: "19.03" has a leading zero (semver.coerce gives up on it), and
// "20.10.24+dfsg1" or "28.2.2-1ubuntu1" carry distribution suffixes. Compare the leading numbers.
/** The leading dotted numbers of a version, or undefined when it starts with none. */
function versionParts(text) {
    const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
    if (!match)
        return undefined;
    return [match[1], match[2], match[3]].map(part => Number(part ?? 0));
}
/** Negative, zero or positive like a comparator; undefined when either is not a version. */
function compareVersions(a, b) {
    const left = versionParts(a);
    const right = versionParts(b);
    if (!left || !right)
        return undefined;
    for (let i = 0; i < 3; i++) {
        const diff = left[i] - right[i];
        if (diff !== 0)
            return Math.sign(diff);
    }
    return 0;
}


/***/ }),

/***/ 6264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   C7: () => (/* binding */ formatElapsed),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   Yq: () => (/* binding */ formatDate),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   fP: () => (/* binding */ toSeconds),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   nV: () => (/* binding */ formatAge),
/* harmony export */   x5: () => (/* binding */ byteScale),
/* harmony export */   xv: () => (/* binding */ truncate),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
// How numbers and text read wherever a person sees them: the log, the summary, the text and JSON reports,
// failure sentences. One module so the same value never prints two ways. Durations and sizes print the
// way the inputs take them (`smoke-timeout: 1m30s`, `max-image-size: 250MB`), so a message can be pasted
// back into an input.
/**
 * Decimal units with three significant digits, as `docker image ls` shows sizes (go-units
 * HumanSizeWithPrecision(size, 3)): `977B`, `1.5MB`, `4.26MB`, `123MB`, `1.23GB`.
 */
function formatBytes(n) {
    if (n === undefined || !Number.isFinite(n) || n < 0)
        return '?';
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    let value = n;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    let shown = Number(value.toPrecision(3));
    // 999.7 kB rounds to 1000: say 1 MB instead.
    if (shown >= 1000 && unit < units.length - 1) {
        shown = Number((shown / 1000).toPrecision(3));
        unit++;
    }
    return `${shown}${units[unit]}`;
}
/** `850ms`, `2.4s`, `2s`, `1m30s`, `2m`, `1h5m`: one decimal below a minute, whole seconds above. */
function formatDuration(ms) {
    if (ms === undefined || !Number.isFinite(ms) || ms < 0)
        return '?';
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const tenths = Math.round(ms / 100);
    return tenths < 600 ? `${tenths / 10}s` : clock(Math.round(ms / 1000));
}
/** Whole seconds gone by, for a ticking status line: `0s`, `7s`, `1m5s`. */
function formatElapsed(ms) {
    return clock(Math.max(0, Math.floor(ms / 1000)));
}
function clock(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}
/** An age read at a glance, to the largest two units: `40s`, `5m`, `2h5m`, `3d4h`. */
function formatAge(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const d = Math.floor(s / 86_400);
    const h = Math.floor((s % 86_400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (d > 0)
        return h > 0 ? `${d}d${h}h` : `${d}d`;
    if (h > 0)
        return m > 0 ? `${h}h${m}m` : `${h}h`;
    if (m > 0)
        return `${m}m`;
    return `${s}s`;
}
/** `2024-05-01 12:34:56` (UTC) from an ISO string; the input itself when it is not a date. */
function formatDate(iso) {
    return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso;
}
/** `1 file`, `2 files`, `1,024 layers`. */
function plural(n, noun, nouns = `${noun}s`) {
    return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}
/**
 * A number with thousands separators, as `toLocaleString('en-US')` writes it (`1,000,000`, `1,234.5`:
 * at most 3 decimals), without Intl: loading ICU's data costs ~9 MB of memory and ~15 ms.
 */
function formatCount(n) {
    const digits = String(Math.abs(n));
    if (!/^\d+(\.\d+)?$/.test(digits))
        return n.toLocaleString('en-US'); // Infinity, NaN, 1e+21
    let [whole = '', fraction = ''] = digits.split('.');
    if (fraction.length > 3) {
        // Rounded half away from zero on the decimal digits, as ICU rounds.
        const scaled = (BigInt(whole + fraction.slice(0, 3)) + (fraction[3] >= '5' ? 1n : 0n)).toString();
        const padded = scaled.padStart(4, '0');
        whole = padded.slice(0, -3);
        fraction = padded.slice(-3);
    }
    fraction = fraction.replace(/0+$/, '');
    const sign = n < 0 || Object.is(n, -0) ? '-' : '';
    return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}
/** At most `max` characters, with an ellipsis when cut. */
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
/**
 * Text on one line: line breaks and runs of spaces (the daemon wraps its warnings over indented lines)
 * become one space; at most `max` characters when given.
 */
function oneLine(text, max) {
    const line = text.replace(/\s+/g, ' ').trim();
    return max === undefined ? line : truncate(line, max);
}
/** The decimal unit a chart of sizes up to `largest` reads best in, and what to divide by. */
function byteScale(largest) {
    if (largest >= 1e9)
        return { unit: 'GB', divisor: 1e9 };
    if (largest >= 1e6)
        return { unit: 'MB', divisor: 1e6 };
    return { unit: 'kB', divisor: 1e3 };
}
/** Milliseconds as seconds, to two decimals: a number for a chart, not text. */
function toSeconds(ms) {
    return Math.round(ms / 10) / 100;
}
/** A ratio (0..1) as a percentage with up to two decimals: `76.77%`, `90%`, `100%`. */
function formatPercent(ratio) {
    return `${Number((ratio * 100).toFixed(2))}%`;
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ lstat),
/* harmony export */   TA: () => (/* binding */ readFile),
/* harmony export */   dJ: () => (/* binding */ stat),
/* harmony export */   h_: () => (/* binding */ readlink)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
// The few promise-returning file calls the run makes, over node:fs's callback API rather than imported
// from node:fs/promises: on Node 24, loading node:fs/promises also loads readline, the REPL's history and
// the fs watchers (its FileHandle.readLines and watch): the default run's peak went from 60.4 to 59.6 MB
// on Node 24 without it, for a run that reads a Dockerfile, a .dockerignore and a few symlinks
// (BENCHMARKS.md, issue 14). util.promisify keeps node's own typings and errors (ENOENT and the rest,
// with their paths).


const readFile = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.readFile);
const readlink = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.readlink);
const lstat = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.lstat);
const stat = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.stat);


/***/ }),

/***/ 7342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ goClean)
/* harmony export */ });
// Go's path rules, where this project matches what Go code does with a path: the .dockerignore port
// (src/build/ignore.ts, walk.ts) and container-structure-test's checks (src/structure/).
/** Go's path/filepath.Clean on Unix. */
function goClean(path) {
    if (path === '')
        return '.';
    const rooted = path.startsWith('/');
    const out = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else if (!rooted)
                out.push('..');
        }
        else
            out.push(part);
    }
    const joined = (rooted ? '/' : '') + out.join('/');
    return joined === '' ? '.' : joined;
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q$: () => (/* binding */ HUB),
/* harmony export */   Ys: () => (/* binding */ canonicalReference),
/* harmony export */   ZD: () => (/* binding */ familiarReference),
/* harmony export */   ZN: () => (/* binding */ ImageReference),
/* harmony export */   kP: () => (/* binding */ sameReference),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   rw: () => (/* binding */ isImageId)
/* harmony export */ });
// One image reference value for every place that compares or rewrites references. The rules are
// distribution/reference's (normalize.go, splitDockerDomain): the first path component is a registry when
// it has a `.` or `:`, is `localhost`, or has an upper-case letter; otherwise the image is on Docker Hub,
// whose legacy name `index.docker.io` is `docker.io`, and whose one-component names live under `library/`.
const HUB = 'docker.io';
const LEGACY_HUB = 'index.docker.io';
const OFFICIAL = 'library/';
// A reference as `docker tag` takes it: [registry[:port]/]path[:tag]; lower-case path components.
const NAME = /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const ID = /^(sha256:)?[a-f0-9]{12,64}$/;
/** A name with an optional tag, as `docker tag` and the `tags` input take it (no digest). */
function isValidTag(reference) {
    return NAME.test(reference);
}
/** An image ID, full or short, with or without `sha256:`. */
function isImageId(text) {
    return ID.test(text);
}
class ImageReference {
    registry;
    path;
    tag;
    digest;
    constructor(
    /** `docker.io` for Docker Hub, else the host[:port] as written (lower-cased). */
    registry, 
    /** The repository path in the registry: `library/busybox`, `team/app`. */
    path, tag, digest) {
        this.registry = registry;
        this.path = path;
        this.tag = tag;
        this.digest = digest;
    }
    /** The reference, or undefined when it is not one (an image ID is not a reference). */
    static parse(text) {
        const trimmed = text.trim();
        const [nameTag, digest, ...rest] = trimmed.split('@');
        if (rest.length > 0 || (digest !== undefined && !DIGEST.test(digest)))
            return undefined;
        if (!nameTag || !NAME.test(nameTag))
            return undefined;
        const lastSlash = nameTag.lastIndexOf('/');
        const colon = nameTag.indexOf(':', lastSlash + 1);
        const name = colon === -1 ? nameTag : nameTag.slice(0, colon);
        const tag = colon === -1 ? undefined : nameTag.slice(colon + 1);
        const slash = name.indexOf('/');
        const first = slash === -1 ? '' : name.slice(0, slash);
        const isRegistry = first !== '' && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
        let registry = isRegistry ? first.toLowerCase() : HUB;
        let path = isRegistry ? name.slice(slash + 1) : name;
        if (registry === LEGACY_HUB)
            registry = HUB;
        if (registry === HUB && !path.includes('/'))
            path = `${OFFICIAL}${path}`;
        return new ImageReference(registry, path, tag, digest);
    }
    /** `docker.io/library/busybox:latest`: every part spelled out; `latest` when neither tag nor digest. */
    get canonical() {
        const tag = this.tag ?? (this.digest ? undefined : 'latest');
        return `${this.registry}/${this.path}${tag ? `:${tag}` : ''}${this.digest ? `@${this.digest}` : ''}`;
    }
    /** `busybox:latest`, `team/app:1`, `127.0.0.1:5000/app:1`: as `docker image ls` shows it. */
    get familiar() {
        const tag = this.tag ?? (this.digest ? undefined : 'latest');
        return `${this.familiarName}${tag ? `:${tag}` : ''}${this.digest ? `@${this.digest}` : ''}`;
    }
    /** The repository as `docker image ls` shows it: `busybox`, `team/app`, `127.0.0.1:5000/app`. */
    get familiarName() {
        if (this.registry !== HUB)
            return `${this.registry}/${this.path}`;
        const rest = this.path.slice(OFFICIAL.length);
        return this.path.startsWith(OFFICIAL) && !rest.includes('/') ? rest : this.path;
    }
    /** The last path component without tag or digest: `127.0.0.1:5000/team/app:1.2` \u2192 `app`. */
    get shortName() {
        return this.path.slice(this.path.lastIndexOf('/') + 1);
    }
    /** Same image name, tag and digest once both are normalised (`busybox` = `docker.io/library/busybox:latest`). */
    equals(other) {
        const that = typeof other === 'string' ? ImageReference.parse(other) : other;
        return that !== undefined && that.canonical === this.canonical;
    }
    toString() {
        return this.familiar;
    }
}
/** True when both texts are references to the same image (false when either is not a reference). */
function sameReference(a, b) {
    return ImageReference.parse(a)?.equals(b) ?? false;
}
/**
 * A name as the docker CLI shows it: `docker.io/library/busybox:latest` \u2192 `busybox:latest`, and nothing
 * added (`busybox` stays `busybox`). Podman's API reports names fully qualified; Docker's already familiar.
 * An image ID, or text that is not a reference, comes back as it was.
 */
function familiarReference(text) {
    if (isImageId(text))
        return text;
    const reference = ImageReference.parse(text);
    if (!reference)
        return text;
    const { tag, digest } = reference;
    return `${reference.familiarName}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
/** The canonical form, or the text as given (trimmed) when it is not a reference. */
function canonicalReference(text) {
    return ImageReference.parse(text)?.canonical ?? text.trim();
}


/***/ }),

/***/ 3775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mc: () => (/* binding */ INPUTS)
/* harmony export */ });
/* unused harmony exports OUTPUTS, inputDefinition */
// The one definition of every input. action.yml, the CLI's flags (--<name>), `--help` and the README's
// table all come from or are checked against this list (see __tests__/definitions.unit.test.ts).
const INPUTS = [
    // Engine
    {
        name: 'docker-host',
        description: 'Engine endpoint (unix:///path, tcp://host:port, ssh://user@host). Empty: as the docker CLI finds it (DOCKER_HOST, the docker context, the default socket).',
        default: '',
        kind: 'string'
    },
    {
        name: 'min-docker-version',
        description: 'Fail when the engine (server) version is lower, e.g. `20.10`.',
        default: '',
        kind: 'string'
    },
    {
        name: 'min-api-version',
        description: 'Fail when the engine API version is lower, e.g. `1.41`.',
        default: '',
        kind: 'string'
    },
    {
        name: 'require-info',
        description: 'Conditions on `docker info` fields, one a line: `Driver=overlay2`, `OSType!=windows`, `SecurityOptions~=seccomp` (regex or substring; any element of a list), `NCPU>=2`.',
        default: '',
        kind: 'multiline'
    },
    // Build
    {
        name: 'build',
        description: '`auto` (build when the Dockerfile exists), `true` or `false`.',
        default: 'auto',
        kind: 'string'
    },
    { name: 'context', description: 'Build context directory.', default: '.', kind: 'string' },
    {
        name: 'file',
        description: 'Dockerfile path. Empty: `<context>/Dockerfile`. May lie outside the context.',
        default: '',
        kind: 'string'
    },
    {
        name: 'tags',
        description: 'Image tags, comma or newline separated. Empty: `docker-preflight/<repository>:<short sha>` (`:local` outside Actions).',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'build-args',
        description: 'Build arguments, one `KEY=VALUE` a line.',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'target',
        description: 'Build stage to stop at (multi-stage builds).',
        default: '',
        kind: 'string'
    },
    { name: 'labels', description: 'Image labels, one `KEY=VALUE` a line.', default: '', kind: 'multiline' },
    { name: 'no-cache', description: 'Build without the cache.', default: 'false', kind: 'boolean' },
    {
        name: 'pull',
        description: 'Always pull newer base images when building.',
        default: 'false',
        kind: 'boolean'
    },
    { name: 'platform', description: 'Target platform, e.g. `linux/amd64`.', default: '', kind: 'string' },
    {
        name: 'builder',
        description: '`auto` (BuildKit when the engine supports it), `buildkit` or `classic`.',
        default: 'auto',
        kind: 'string'
    },
    {
        name: 'secrets',
        description: 'Build secrets for `RUN --mount=type=secret,id=...`, one `id=value` a line (BuildKit only). Values are masked.',
        default: '',
        kind: 'multiline',
        secret: true
    },
    {
        name: 'secret-files',
        description: 'Build secrets read from files, one `id=path` a line (BuildKit only).',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'secret-envs',
        description: 'Build secrets read from environment variables, one `id=ENV_NAME` a line (BuildKit only).',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'build-contexts',
        description: 'Named build contexts for `COPY --from=name` and `FROM name`, one `name=path` (or `name=docker-image://ref`) a line, as buildx `--build-context` (BuildKit only; needs an engine whose BuildKit supports them, e.g. 23+).',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'cache-from',
        description: 'Images to use as build cache, comma or newline separated (`--cache-from`).',
        default: '',
        kind: 'multiline'
    },
    // Smoke
    {
        name: 'smoke',
        description: 'Smoke containers as a YAML list (see README). Empty: `hello-world`, and the built image when there is one.',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'smoke-file',
        description: 'Read the smoke list from this YAML file instead of --smoke.',
        default: '',
        kind: 'string',
        cliOnly: true
    },
    {
        name: 'smoke-timeout',
        description: 'Default time limit of one smoke container, e.g. `60s`, `2m`.',
        default: '60s',
        kind: 'string'
    },
    {
        name: 'smoke-parallel',
        description: 'How many smoke containers run at once.',
        default: '4',
        kind: 'string'
    },
    {
        name: 'pull-policy',
        description: 'Pulling smoke images: `missing`, `always` or `never`.',
        default: 'missing',
        kind: 'string'
    },
    {
        name: 'cleanup',
        description: 'Remove smoke containers (and their anonymous volumes) once judged.',
        default: 'true',
        kind: 'boolean'
    },
    {
        name: 'cleanup-images',
        description: 'In the post step, also remove the images this run built.',
        default: 'false',
        kind: 'boolean'
    },
    // Compose
    {
        name: 'compose',
        description: 'Compose files, comma or newline separated: the stack is started under a project of this run, each service judged, then taken down (needs the `docker compose` v2 plugin).',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'compose-smoke',
        description: 'YAML list in the shape of smoke entries: `service:` entries add expectations to a Compose service; other entries run on the stack network.',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'compose-timeout',
        description: 'Time limit of `compose up`, and of each service to be ready or exit, e.g. `2m`.',
        default: '2m',
        kind: 'string'
    },
    // Push
    {
        name: 'push',
        description: 'Push the built image under each of `tags` once every check of the run passed (engine, build, smoke, and any Compose, structure, efficiency, size or drift check). Credentials as `docker login` and docker/login-action leave them.',
        default: 'false',
        kind: 'boolean'
    },
    // Report
    {
        name: 'report-scope',
        description: '`run` (what this run built, used and ran) or `all` (everything on the engine).',
        default: 'run',
        kind: 'string'
    },
    {
        name: 'report-path',
        description: 'Where to write the JSON report. Empty: `$RUNNER_TEMP/docker-preflight-report.json`.',
        default: '',
        kind: 'string'
    },
    { name: 'summary', description: 'Write the job summary.', default: 'true', kind: 'boolean' },
    {
        name: 'max-image-size',
        description: 'Fail when the built image is larger than this (its `image-size`), e.g. `250MB`, `1.5GiB`.',
        default: '',
        kind: 'string'
    },
    // Structure and efficiency
    {
        name: 'structure-tests',
        description: 'container-structure-test files (`schemaVersion: 2.0.0` or `1.0.0`), paths or globs, one a line, run against the built image (or `structure-image`).',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'structure-image',
        description: 'Image the structure tests run against. Empty: the built image.',
        default: '',
        kind: 'string'
    },
    {
        name: 'junit-path',
        description: "Write the structure tests' results here as JUnit XML. Empty: no file.",
        default: '',
        kind: 'string'
    },
    {
        name: 'max-wasted-bytes',
        description: 'Fail when the built image wastes more, as dive counts it (files written in several layers or removed), e.g. `20MB`.',
        default: '',
        kind: 'string'
    },
    {
        name: 'min-efficiency',
        description: "Fail when the built image's efficiency (dive's score) is lower, e.g. `0.95` or `95%`.",
        default: '',
        kind: 'string'
    },
    {
        name: 'efficiency',
        description: "Analyse the built image's efficiency (wasted bytes per layer) even without `max-wasted-bytes` or `min-efficiency`.",
        default: 'false',
        kind: 'boolean'
    },
    // Audit
    {
        name: 'baseline',
        description: "Path of an earlier run's JSON report to compare engine facts with.",
        default: '',
        kind: 'string'
    },
    {
        name: 'fail-on-drift',
        description: '`none`, `security`, `any`, or a comma or newline list of drift field names.',
        default: 'none',
        kind: 'multiline'
    },
    {
        name: 'disk-usage',
        description: 'Read `/system/df` (images, containers, volumes, build cache) and compare it too.',
        default: 'false',
        kind: 'boolean'
    },
    {
        name: 'json',
        description: 'Print the JSON report on stdout instead of text tables.',
        default: 'false',
        kind: 'boolean',
        cliOnly: true
    }
];
const OUTPUTS = [
    { name: 'docker-version', description: 'Engine (server) version.' },
    { name: 'api-version', description: 'Engine API version.' },
    {
        name: 'client-version',
        description: 'Version of the `docker` CLI on the runner, empty when there is none.'
    },
    { name: 'info', description: 'The engine `/info` reply as JSON.' },
    { name: 'image-id', description: 'ID of the built image.' },
    { name: 'image-tags', description: 'Tags of the built image, comma separated.' },
    {
        name: 'image-size',
        description: 'Size of the built image in bytes, as `docker image ls` shows it (see "Image size" in the README).'
    },
    { name: 'build-duration', description: 'Build time in milliseconds.' },
    { name: 'smoke-passed', description: '`true` when every smoke container passed.' },
    {
        name: 'smoke-results',
        description: 'JSON array of `{name, image, passed, exitCode, durationMs, reason}`.'
    },
    { name: 'images', description: 'JSON array of the images in the report.' },
    { name: 'containers', description: 'JSON array of the containers in the report.' },
    {
        name: 'digest',
        description: 'Manifest digest the registry returned for the pushed image (`push: true`).'
    },
    { name: 'pushed-tags', description: 'Tags pushed, comma separated; empty when nothing was pushed.' },
    { name: 'report', description: 'Path of the JSON report file.' },
    {
        name: 'structure-passed',
        description: '`true` when every structure test passed; empty without structure tests.'
    },
    {
        name: 'wasted-bytes',
        description: "The built image's wasted bytes as dive counts them; empty without the efficiency analysis."
    },
    {
        name: 'efficiency',
        description: "The built image's efficiency (dive's score, 0 to 1); empty without the efficiency analysis."
    },
    { name: 'drift', description: 'JSON array of engine facts that changed since the baseline.' }
];
function inputDefinition(name) {
    const found = INPUTS.find(input => input.name === name);
    if (!found)
        throw new Error(`no input named ${name}`);
    return found;
}


/***/ }),

/***/ 2942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ir: () => (/* binding */ parseInputsOrThrow)
});

// UNUSED EXPORTS: defaultTag, parseInputs

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/audit/fields.ts
var audit_fields = __webpack_require__(5546);
// EXTERNAL MODULE: ./src/engine/endpoint.ts + 1 modules
var endpoint = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/engine/require-info.ts
var require_info = __webpack_require__(806);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/did-you-mean.ts
var did_you_mean = __webpack_require__(3772);
// EXTERNAL MODULE: ./src/smoke/spec.ts
var spec = __webpack_require__(7302);
;// CONCATENATED MODULE: ./src/compose/spec.ts
// The `compose-smoke` input: a YAML list in the shape of smoke entries (src/smoke/spec.ts parses them).
// An entry with `service:` adds expectations to that Compose service (its readiness check, exit code,
// output patterns, timeout); any other entry is an extra container run on the stack's network once the
// stack is up (a curl-like check from inside).


const INPUT = 'compose-smoke';
/** What a service entry may set; the rest (image, command, env...) is the Compose file's to say. */
const SERVICE_ENTRY_KEYS = [
    'service',
    'name',
    'ports',
    'ready',
    'expect-exit-code',
    'expect-output',
    'reject-output',
    'timeout'
];
/** Parses `compose-smoke`; '' gives no expectations. Every problem names the entry and the key. */
async function parseComposeSmoke(text, defaults, problems) {
    const empty = { services: [], containers: [] };
    if (text.trim() === '')
        return empty;
    // Loaded only when there is YAML to read (see parseSmokeList).
    const { parseDocument } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const document = parseDocument(text);
    if (document.errors.length > 0) {
        for (const error of document.errors) {
            problems.add(INPUT, text, `is not valid YAML: ${error.message.split('\n')[0].replace(/:$/, '')}`);
        }
        return undefined;
    }
    const value = document.toJS();
    if (value === null || value === undefined)
        return empty;
    if (!Array.isArray(value)) {
        problems.add(INPUT, text, `is not a YAML list (got ${(0,spec/* describeType */.MF)(value)}; e.g. "- service: web" then "  ready: {http: /}")`);
        return undefined;
    }
    const before = problems.items.length;
    const services = [];
    // Service entries lose their `service` key (and get its name) before the smoke parser sees them.
    const entries = value.map((entry, index) => {
        if (!(0,spec/* isMap */.jh)(entry) || entry.service === undefined)
            return entry;
        const where = `(entry #${index + 1}`;
        const service = entry.service;
        if (typeof service !== 'string' || !/^[a-zA-Z0-9._-]+$/.test(service)) {
            problems.add(INPUT, (0,spec/* show */.WU)(service), `${where}, key "service") is not a service name`);
            return entry;
        }
        for (const key of Object.keys(entry)) {
            if (SERVICE_ENTRY_KEYS.includes(key))
                continue;
            const suggestion = (0,did_you_mean/* didYouMean */.a)(key, SERVICE_ENTRY_KEYS);
            problems.add(INPUT, key, `${where} "${service}") is not a key of a service entry: ` +
                (suggestion
                    ? `did you mean "${suggestion}"?`
                    : `the Compose file sets the service up (expected one of ${SERVICE_ENTRY_KEYS.join(', ')})`));
        }
        if (services.some(s => s.service === service)) {
            problems.add(INPUT, service, `${where}, key "service") names service "${service}" a second time`);
        }
        services.push({ service, index, expectsExit: entry['expect-exit-code'] !== undefined });
        // Keys reported above are left out, so the smoke parser does not report them again.
        const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'service' && SERVICE_ENTRY_KEYS.includes(key)));
        return { name: service, ...rest };
    });
    const specs = (0,spec/* parseSmokeEntries */.$2)(entries, defaults, problems, INPUT);
    if (!specs || problems.items.length !== before)
        return undefined;
    const byIndex = new Map(services.map(s => [s.index, s]));
    const result = { services: [], containers: [] };
    specs.forEach((spec, index) => {
        const service = byIndex.get(index);
        if (service) {
            result.services.push({
                service: service.service,
                entry: index + 1,
                spec,
                expectsExit: service.expectsExit
            });
        }
        else
            result.containers.push(spec);
    });
    return result;
}

// EXTERNAL MODULE: ./src/inputs/scalars.ts
var scalars = __webpack_require__(4964);
// EXTERNAL MODULE: ./src/inputs/definitions.ts
var definitions = __webpack_require__(3775);
;// CONCATENATED MODULE: ./src/inputs/problems.ts
function formatProblem(problem) {
    const value = problem.value.length > 80 ? `${problem.value.slice(0, 77)}...` : problem.value;
    return `Input "${problem.input}": ${JSON.stringify(value)} ${problem.expected}`;
}
/** Collects problems; stage parsers push into it so one report lists everything wrong. */
class ProblemList {
    items = [];
    add(input, value, expected) {
        this.items.push({ input, value, expected });
    }
    get empty() {
        return this.items.length === 0;
    }
}

// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/inputs/parse.ts













/**
 * Validates every input at once. Either a Config, or every problem found: nothing is half-parsed and
 * nothing touches the engine here (except reading files the inputs name). Async because the parsers of
 * YAML inputs load yaml (and tinyglobby) only when such an input is given.
 */
async function parseInputs(raw, env, hooks) {
    const problems = new ProblemList();
    const mask = hooks.mask ?? (() => { });
    // Secret values are masked first, before any of them could be quoted by anything.
    for (const def of definitions/* INPUTS */.mc) {
        if (!def.secret)
            continue;
        for (const line of (0,scalars/* lines */.Mn)(raw[def.name] ?? '')) {
            const eq = line.indexOf('=');
            const value = eq === -1 ? line : line.slice(eq + 1);
            if (value.trim() !== '')
                mask(value);
        }
    }
    const get = (name) => {
        const value = raw[name];
        if (value !== undefined)
            return value.trim();
        const def = definitions/* INPUTS */.mc.find(i => i.name === name);
        if (!def)
            throw new Error(`parseInputs: unknown input ${name}`);
        return def.default;
    };
    const bool = (name) => {
        const value = get(name).toLowerCase();
        if (['true', 'yes', '1', 'on'].includes(value))
            return true;
        if (['false', 'no', '0', 'off', ''].includes(value))
            return false;
        problems.add(name, value, 'is not a boolean (expected true or false)');
        return false;
    };
    const oneOf = (name, allowed) => {
        const value = get(name).toLowerCase();
        if (allowed.includes(value))
            return value;
        problems.add(name, value, `is not one of ${allowed.join(', ')}`);
        return allowed[0];
    };
    const duration = (name) => {
        const value = get(name);
        const ms = (0,scalars/* parseDurationMs */.yi)(value);
        if (ms === undefined)
            problems.add(name, value, 'is not a duration (expected e.g. 30s, 2m, 1m30s)');
        return ms ?? 0;
    };
    const wholeNumber = (name, min) => {
        const value = get(name);
        const n = Number(value);
        if (!/^\d+$/.test(value) || n < min)
            problems.add(name, value, `is not a whole number of at least ${min}`);
        return n;
    };
    const keyValues = (name) => {
        const result = {};
        for (const line of (0,scalars/* lines */.Mn)(get(name))) {
            const eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(name, line, 'is not a KEY=VALUE line');
                continue;
            }
            result[line.slice(0, eq).trim()] = line.slice(eq + 1);
        }
        return result;
    };
    // Engine
    const dockerHost = get('docker-host') || undefined;
    if (dockerHost) {
        try {
            (0,endpoint/* parseHost */.o6)(dockerHost, 'docker-host');
        }
        catch (error) {
            problems.add('docker-host', dockerHost, (0,errors/* messageOf */.bD)(error).replace(/^docker-host "[^"]*" /, ''));
        }
    }
    const version = (name) => {
        const value = get(name);
        if (value && !/^\d+(\.\d+){0,2}$/.test(value)) {
            problems.add(name, value, 'is not a version (expected e.g. 20.10 or 1.41)');
        }
        return value || undefined;
    };
    const requireInfo = [];
    for (const line of (0,scalars/* lines */.Mn)(get('require-info'))) {
        const parsed = (0,require_info/* parseCondition */.z)(line);
        if (typeof parsed === 'string')
            problems.add('require-info', line, parsed);
        else
            requireInfo.push(parsed);
    }
    // Build
    const contextRaw = get('context') || '.';
    const context = (0,external_node_path_.resolve)(env.workspace, contextRaw);
    const buildMode = oneOf('build', ['auto', 'true', 'false']);
    if (buildMode !== 'false' && !isDirectory(context)) {
        problems.add('context', contextRaw, `is not a directory (resolved to ${context})`);
    }
    const fileRaw = get('file');
    const file = fileRaw
        ? (0,external_node_path_.isAbsolute)(fileRaw)
            ? fileRaw
            : (0,external_node_path_.resolve)(env.workspace, fileRaw)
        : (0,external_node_path_.join)(context, 'Dockerfile');
    if (buildMode === 'true' && isDirectory(context) && !(0,external_node_fs_.existsSync)(file)) {
        problems.add(fileRaw ? 'file' : 'context', fileRaw || contextRaw, `has no Dockerfile (looked for ${file})`);
    }
    const tags = (0,scalars/* splitList */.ry)(get('tags'));
    for (const tag of tags) {
        if (!(0,reference/* isValidTag */.r_)(tag))
            problems.add('tags', tag, 'is not a valid image reference (e.g. name:tag)');
    }
    const push = bool('push');
    if (push)
        checkPushTargets(tags, buildMode, problems);
    if (tags.length === 0)
        tags.push(defaultTag(env));
    const builder = oneOf('builder', ['auto', 'buildkit', 'classic']);
    const secrets = parseSecrets({ secrets: get('secrets'), files: get('secret-files'), envs: get('secret-envs') }, env, problems, mask, hooks.processEnv);
    const buildContexts = parseBuildContexts(get('build-contexts'), env, problems);
    const cacheFrom = (0,scalars/* splitList */.ry)(get('cache-from'));
    for (const ref of cacheFrom) {
        if (!(0,reference/* isValidTag */.r_)(ref.replace(/@sha256:[0-9a-f]{64}$/, '')))
            problems.add('cache-from', ref, 'is not a valid image reference (e.g. ghcr.io/owner/app:nightly)');
    }
    if (builder === 'classic') {
        if (secrets.length > 0)
            problems.add('builder', 'classic', 'cannot take build secrets (secrets, secret-files, secret-envs): they need BuildKit; use builder: auto or buildkit');
        if (buildContexts.length > 0)
            problems.add('builder', 'classic', 'cannot take build-contexts: named contexts need BuildKit; use builder: auto or buildkit');
    }
    // Smoke
    const timeoutMs = duration('smoke-timeout');
    const entries = await (0,spec/* parseSmokeList */.xI)(get('smoke'), { timeoutMs }, problems);
    const pullPolicy = oneOf('pull-policy', ['missing', 'always', 'never']);
    // Compose
    const composeFiles = (0,scalars/* splitList */.ry)(get('compose')).map(file => (0,external_node_path_.resolve)(env.workspace, file));
    for (const [i, file] of composeFiles.entries()) {
        if (!isFile(file))
            problems.add('compose', (0,scalars/* splitList */.ry)(get('compose'))[i], `is not a file (resolved to ${file})`);
    }
    const composeTimeoutMs = duration('compose-timeout');
    const composeSmoke = await parseComposeSmoke(get('compose-smoke'), { timeoutMs: composeTimeoutMs }, problems);
    if (composeFiles.length === 0 && get('compose-smoke') !== '') {
        problems.add('compose-smoke', get('compose-smoke'), 'needs Compose files: set the compose input too');
    }
    // Report
    const maxImageSize = get('max-image-size');
    let maxImageSizeBytes;
    if (maxImageSize) {
        const parsed = (0,scalars/* parseSize */.DB)(maxImageSize);
        if (parsed === undefined)
            problems.add('max-image-size', maxImageSize, 'is not a size (expected e.g. 250MB, 1.5GiB)');
        maxImageSizeBytes = parsed;
    }
    const reportPath = get('report-path');
    // Structure and efficiency
    const structureTests = get('structure-tests');
    // The structure-test file reader (with yaml) is loaded only when there are files to read.
    const structureReader = structureTests ? await __webpack_require__.e(/* import() */ 759).then(__webpack_require__.bind(__webpack_require__, 2759)) : undefined;
    const structureFiles = (await structureReader?.parseStructureInput(structureTests, env.workspace, problems)) ?? [];
    const structureImage = get('structure-image');
    if (structureImage && !(0,reference/* isValidTag */.r_)(structureImage) && !/^(sha256:)?[0-9a-f]{12,64}$/.test(structureImage)) {
        problems.add('structure-image', structureImage, 'is not an image reference or ID (e.g. app:1.2 or sha256:...)');
    }
    const junitPath = get('junit-path');
    const maxWasted = get('max-wasted-bytes');
    let maxWastedBytes;
    if (maxWasted) {
        maxWastedBytes = (0,scalars/* parseSize */.DB)(maxWasted);
        if (maxWastedBytes === undefined)
            problems.add('max-wasted-bytes', maxWasted, 'is not a size (expected e.g. 20MB, 1.5GiB)');
    }
    const minEfficiencyText = get('min-efficiency');
    let minEfficiency;
    if (minEfficiencyText) {
        minEfficiency = (0,scalars/* parseRatio */.LO)(minEfficiencyText);
        if (minEfficiency === undefined) {
            problems.add('min-efficiency', minEfficiencyText, 'is not a ratio (expected e.g. 0.95 or 95%)');
        }
    }
    // Audit
    const baseline = get('baseline');
    const config = {
        engine: {
            dockerHost,
            minDockerVersion: version('min-docker-version'),
            minApiVersion: version('min-api-version'),
            requireInfo
        },
        build: {
            mode: buildMode,
            context,
            file,
            tags,
            buildArgs: keyValues('build-args'),
            target: get('target') || undefined,
            labels: keyValues('labels'),
            noCache: bool('no-cache'),
            pull: bool('pull'),
            platform: get('platform') || undefined,
            builder,
            secrets,
            buildContexts,
            cacheFrom
        },
        smoke: {
            entries,
            timeoutMs,
            parallel: wholeNumber('smoke-parallel', 1),
            pullPolicy,
            cleanup: bool('cleanup')
        },
        compose: {
            files: composeFiles,
            smoke: composeSmoke ?? { services: [], containers: [] },
            timeoutMs: composeTimeoutMs,
            pullPolicy
        },
        report: {
            scope: oneOf('report-scope', ['run', 'all']),
            path: reportPath
                ? (0,external_node_path_.resolve)(env.workspace, reportPath)
                : (0,external_node_path_.join)(env.tempDir, 'docker-preflight-report.json'),
            summary: bool('summary'),
            maxImageSizeBytes
        },
        audit: {
            baseline: baseline ? (0,external_node_path_.resolve)(env.workspace, baseline) : undefined,
            failOnDrift: parseDriftPolicy(get('fail-on-drift'), problems),
            diskUsage: bool('disk-usage')
        },
        push: { enabled: push },
        structure: {
            files: structureFiles,
            image: structureImage || undefined,
            junitPath: junitPath ? (0,external_node_path_.resolve)(env.workspace, junitPath) : undefined
        },
        efficiency: {
            enabled: bool('efficiency') || maxWastedBytes !== undefined || minEfficiency !== undefined,
            maxWastedBytes,
            minEfficiency
        },
        cleanupImages: bool('cleanup-images')
    };
    return problems.empty ? { ok: true, config } : { ok: false, problems };
}
/** Throws one PreflightError listing every problem. */
async function parseInputsOrThrow(raw, env, hooks) {
    const outcome = await parseInputs(raw, env, hooks);
    if (outcome.ok)
        return outcome.config;
    const list = outcome.problems.items.map(p => `  - ${formatProblem(p)}`).join('\n');
    throw new errors/* PreflightError */.wG(`${outcome.problems.items.length === 1 ? 'An input is' : `${outcome.problems.items.length} inputs are`} invalid:\n${list}`);
}
/** A secret id as BuildKit's `--secret id=` takes it. */
const SECRET_ID = /^[a-zA-Z0-9._-]+$/;
/**
 * The three secret inputs, named and shaped as docker/build-push-action's. A secret input's problems
 * quote the line number and the id, never the value.
 */
function parseSecrets(text, env, problems, mask, processEnv) {
    const found = [];
    const seen = new Map();
    const each = (input, body, take) => {
        (0,scalars/* lines */.Mn)(body).forEach((line, index) => {
            const where = `line ${index + 1}`;
            const eq = line.indexOf('=');
            const id = eq > 0 ? line.slice(0, eq).trim() : '';
            if (!id || !SECRET_ID.test(id)) {
                problems.add(input, input === 'secrets' ? where : line, `is not an id=${input === 'secrets' ? 'value' : input === 'secret-files' ? 'path' : 'ENV_NAME'} line with an id of letters, digits, ".", "_" or "-"`);
                return;
            }
            const previous = seen.get(id);
            if (previous) {
                problems.add(input, input === 'secrets' ? `${where} (id ${id})` : line, `gives secret id "${id}" a second time (first in ${previous})`);
                return;
            }
            seen.set(id, input);
            const value = take(id, line.slice(eq + 1), where);
            if (value !== undefined)
                found.push({ id, input, value });
        });
    };
    each('secrets', text.secrets, (_id, rest) => Buffer.from(rest));
    each('secret-files', text.files, (id, rest, where) => {
        const path = (0,external_node_path_.resolve)(env.workspace, rest.trim());
        try {
            const value = (0,external_node_fs_.readFileSync)(path);
            const content = value.toString('utf8');
            if (content.trim() !== '') {
                mask(content);
                for (const line of content.split(/\r?\n/))
                    if (line.trim() !== '')
                        mask(line);
            }
            return value;
        }
        catch (error) {
            problems.add('secret-files', `${where} (id ${id})`, `names ${path}, which cannot be read (${(0,errors/* errorCode */.CA)(error) === 'ENOENT' ? 'no such file' : (0,errors/* messageOf */.bD)(error)})`);
            return undefined;
        }
    });
    each('secret-envs', text.envs, (id, rest, where) => {
        const name = rest.trim();
        const value = processEnv[name];
        if (value === undefined) {
            problems.add('secret-envs', `${where} (id ${id})`, `names the environment variable ${name}, which is not set`);
            return undefined;
        }
        if (value.trim() !== '')
            mask(value);
        return Buffer.from(value);
    });
    return found;
}
/** `name=path` (a directory, relative to the workspace) or `name=docker-image://ref`, as buildx takes them. */
function parseBuildContexts(text, env, problems) {
    const found = [];
    for (const line of (0,scalars/* lines */.Mn)(text)) {
        const eq = line.indexOf('=');
        const name = eq > 0 ? line.slice(0, eq).trim() : '';
        const source = eq > 0 ? line.slice(eq + 1).trim() : '';
        if (!name || !source) {
            problems.add('build-contexts', line, 'is not a name=path line');
            continue;
        }
        if (!/^[a-z0-9][a-z0-9._/:@-]*$/i.test(name)) {
            problems.add('build-contexts', line, `names the context "${name}", which is not a stage or image name`);
            continue;
        }
        if (found.some(c => c.name === name)) {
            problems.add('build-contexts', line, `names the context "${name}" a second time`);
            continue;
        }
        if (source.startsWith('docker-image://')) {
            const ref = source.slice('docker-image://'.length);
            if (!(0,reference/* isValidTag */.r_)(ref.replace(/@sha256:[0-9a-f]{64}$/, '')))
                problems.add('build-contexts', line, 'names an image that is not a valid reference');
            else
                found.push({ name, kind: 'image', source: ref });
            continue;
        }
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
            problems.add('build-contexts', line, 'uses a source this action does not support (a directory or docker-image://ref)');
            continue;
        }
        const dir = (0,external_node_path_.resolve)(env.workspace, source);
        if (!isDirectory(dir))
            problems.add('build-contexts', line, `names ${dir}, which is not a directory`);
        else
            found.push({ name, kind: 'local', source: dir });
    }
    return found;
}
/** `none`, `security`, `any`, or a list of drift field and group names (src/audit/fields.ts). */
function parseDriftPolicy(text, problems) {
    const items = (0,scalars/* splitList */.ry)(text.toLowerCase());
    if (items.length === 0 || (items.length === 1 && items[0] === 'none'))
        return { kind: 'none' };
    if (items.length === 1 && items[0] === 'security')
        return { kind: 'security' };
    if (items.length === 1 && items[0] === 'any')
        return { kind: 'any' };
    // Field names (any case) or group names (`security`, `disk`, ...); see src/audit/fields.ts.
    const fields = new Set();
    for (const item of items) {
        const resolved = (0,audit_fields/* resolveDriftFieldEntry */.sQ)(item);
        if (resolved)
            resolved.forEach(f => fields.add(f));
        else {
            problems.add('fail-on-drift', item, `is not a drift field (expected none, security, any, or a list of: ${audit_fields/* DRIFT_FIELD_NAMES */.yA.join(', ')})`);
        }
    }
    return { kind: 'fields', fields: [...fields] };
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** docker-preflight/<repository name>:<short sha>, or :local outside Actions. */
function defaultTag(env) {
    const repoName = (env.repository ? (0,external_node_path_.basename)(env.repository) : (0,external_node_path_.basename)(env.workspace)).toLowerCase();
    const name = repoName.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'image';
    const tag = env.actions && env.sha ? env.sha.slice(0, 7) : 'local';
    return `docker-preflight/${name}:${tag}`;
}
/**
 * With push: true, every tag must name a place the user can push to. The default tag
 * (docker-preflight/<repo>:<sha>) would go to someone else's Docker Hub account, and a one-part name
 * (`app:1`) to Docker Hub's official-images namespace (library/), which no user can push to.
 */
function checkPushTargets(tags, buildMode, problems) {
    if (buildMode === 'false')
        problems.add('push', 'true', 'needs a build, and build is false');
    if (tags.length === 0) {
        problems.add('push', 'true', 'needs `tags` naming where to push (e.g. ghcr.io/owner/app:1.0)');
    }
    for (const tag of tags) {
        const ref = reference/* ImageReference */.ZN.parse(tag);
        if (ref?.registry === reference/* HUB */.Q$ && ref.path.startsWith('library/')) {
            problems.add('tags', tag, `cannot be pushed: it names Docker Hub's official images (docker.io/${ref.path}); name a registry (ghcr.io/owner/app) or a Docker Hub account (account/app)`);
        }
    }
}


/***/ }),

/***/ 4964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   LO: () => (/* binding */ parseRatio),
/* harmony export */   Mn: () => (/* binding */ lines),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   yi: () => (/* binding */ parseDurationMs)
/* harmony export */ });
/* harmony import */ var bytes_iec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2921);
/* harmony import */ var bytes_iec__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(bytes_iec__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var parse_duration__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7595);
// Scalar input values (lists, durations, sizes) parsed with no other module of this project, so the smoke
// spec parser and the input parser can both use them without importing each other.


/** Non-empty trimmed lines. */
function lines(text) {
    return text
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== '' && !l.startsWith('#'));
}
/** A comma or newline separated list. */
function splitList(text) {
    return text
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(Boolean);
}
/** `30s`, `2m`, `1m30s`, `500ms`; a bare number is seconds, like `docker run --stop-timeout`. */
function parseDurationMs(text) {
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Number(trimmed) * 1000;
    if (!/^(\d+(\.\d+)?\s*[a-zµ]+\s*)+$/i.test(trimmed))
        return undefined;
    const ms = (0,parse_duration__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)(trimmed);
    return ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0 ? undefined : Math.round(ms);
}
/** `250MB` (decimal, like docker), `1.5GiB` (binary), a bare number is bytes. */
function parseSize(text) {
    if (!/^\s*\d+(\.\d+)?\s*([kmgtp]i?b?|b)?\s*$/i.test(text))
        return undefined;
    const parsed = bytes_iec__WEBPACK_IMPORTED_MODULE_0___default().parse(text.trim());
    return parsed === null || !Number.isFinite(parsed) || parsed <= 0 ? undefined : parsed;
}
/** `0.95` or `95%` as 0.95; undefined unless between 0 and 1. */
function parseRatio(text) {
    const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(text);
    if (!match)
        return undefined;
    const value = Number(match[1]) / (match[2] ? 100 : 1);
    return value >= 0 && value <= 1 ? value : undefined;
}


/***/ }),

/***/ 1447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ko: () => (/* binding */ inspectedImageSize),
/* harmony export */   rh: () => (/* binding */ builtImageSize)
/* harmony export */ });
/* unused harmony export listedImageSize */
/* harmony import */ var _engine_image_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5943);

// One definition of an image's size, used by the `image-size` output, the inventory, the summary and
// `max-image-size` alike: the `Size` that GET /images/json reports, which is what `docker image ls`
// shows (docker/cli formatter/image.go prints ImageSummary.Size; Docker 29's tree view prints the same
// number as "Disk usage"). What that number counts depends on the engine's image store:
// - a graph driver (overlay2): the layers' uncompressed sizes, the same as /images/{id}/json Size;
// - the containerd image store (moby daemon/containerd/image_list.go): the content the store holds for
//   the image (manifests, config and the compressed layers of every platform present) plus its
//   unpacked snapshots, so about twice the layers. /images/{id}/json Size there is the packed content
//   alone (image_inspect.go), a different number, so it is never used for the size.
/** The size `docker image ls` shows for the image `id`; undefined when the listing does not have it. */
async function listedImageSize(client, id, tag, signal) {
    // A tag narrows the listing to one image: the containerd store sizes every image it lists.
    const images = await client.images.list(tag ? { reference: [tag] } : undefined, signal);
    return images.find(image => image.Id === id)?.Size;
}
/**
 * The size of an image just inspected, as `docker image ls` shows it, asking the engine nothing more where
 * the inspect already says it: dockerd with a graph driver (above). The containerd store's inspect Size is
 * another number, and Podman's is not documented to match its listing: those are listed.
 */
async function inspectedImageSize(client, image, signal) {
    const [info, podman] = await Promise.all([client.system.info(signal), client.system.isPodman(signal)]);
    if (!podman && (0,_engine_image_store_js__WEBPACK_IMPORTED_MODULE_0__/* .imageStoreOf */ .Sf)(info) === 'graphdriver' && typeof image.Size === 'number')
        return image.Size;
    return listedImageSize(client, image.Id, image.RepoTags?.[0], signal);
}
/** The built image's size as this run reports it: the inventory's (taken last), else the build's. */
function builtImageSize(build, inventory) {
    if (build?.status !== 'built')
        return undefined;
    return inventory?.images.find(i => i.built)?.sizeBytes ?? build.sizeBytes;
}


/***/ }),

/***/ 556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ takeInventory),
/* harmony export */   v8: () => (/* binding */ listImages),
/* harmony export */   xP: () => (/* binding */ instruction)
/* harmony export */ });
/* unused harmony export shortId */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6264);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3564);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4584);




async function listImages(input) {
    const startedMs = Date.now();
    const { client, signal } = input;
    (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfAborted */ .Te)(signal);
    const errors = [];
    const builtId = builtIdOf(input.build);
    const [list, history] = await Promise.all([
        attempt(errors, 'list images', signal, () => client.images.list(undefined, signal)),
        builtId
            ? attempt(errors, 'read the built image history', signal, () => client.images.history(builtId, signal))
            : Promise.resolve(undefined)
    ]);
    return { startedMs, list, history, errors };
}
// The fields of /images/json and /containers/json this stage reads (API 1.41).
/**
 * The inventory stage: what `docker image ls` and `docker container ls --all` would show, for the run's own
 * images and containers (scope `run`) or everything on the engine (scope `all`). One list call for images
 * and one for containers whatever their number, no per-item inspect; the image history only for the
 * built image. The containers are listed now (they must show the run's end); the images come from
 * `images` when the caller listed them earlier (listImages), else they are listed now too.
 */
async function takeInventory(input) {
    const started = Date.now();
    const { client, scope, signal } = input;
    (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfAborted */ .Te)(signal);
    const containerErrors = [];
    const builtId = builtIdOf(input.build);
    const [listing, containerList] = await Promise.all([
        input.images ?? listImages({ client, build: input.build, signal }),
        attempt(containerErrors, 'list containers', signal, () => client.containers.list({ all: true, filters: scope === 'run' ? { label: [`${_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_RUN */ .Bt}=${input.runId}`] } : undefined }, signal))
    ]);
    const { list: imageList, history } = listing;
    const errors = [...listing.errors, ...containerErrors];
    const containers = mergeRecorded((containerList ?? []).map(toContainer), input.smoke);
    let images = (imageList ?? []).map(toImage);
    if (scope === 'run') {
        const wanted = new ImageMatcher([
            ...(builtId ? [builtId] : []),
            ...input.usedImages,
            ...(containerList ?? []).map(c => c.ImageID ?? c.Image)
        ]);
        images = images.filter(image => wanted.matches(image));
    }
    for (const image of images) {
        if (!builtId || !sameId(image.id, builtId))
            continue;
        image.built = true;
        const raw = imageList?.find(i => i.Id === image.id);
        if (raw?.Labels && Object.keys(raw.Labels).length > 0)
            image.labels = raw.Labels;
        if (history)
            image.layers = toLayers(history);
    }
    images.sort((a, b) => Number(b.built ?? false) - Number(a.built ?? false) || byText(b.created, a.created));
    containers.sort((a, b) => byText(b.created, a.created) || byText(a.name, b.name));
    const durationMs = Date.now() - Math.min(started, listing.startedMs);
    return { scope, images, containers, errors, durationMs };
}
function builtIdOf(build) {
    return build?.status === 'built' ? build.imageId : undefined;
}
/** Runs one engine call; a failure becomes a line in `errors` (the report still shows the rest). */
async function attempt(errors, doing, signal, call) {
    try {
        return await call();
    }
    catch (error) {
        if (signal?.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc();
        errors.push(`Could not ${doing}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`);
        return undefined;
    }
}
function iso(unixSeconds) {
    const date = new Date(unixSeconds * 1000);
    return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
function toImage(item) {
    return {
        id: item.Id,
        shortId: shortId(item.Id),
        tags: (item.RepoTags ?? []).filter(t => t !== '<none>:<none>').map(_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarReference */ .ZD),
        digests: (item.RepoDigests ?? []).filter(d => d !== '<none>@<none>').map(_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarReference */ .ZD),
        sizeBytes: item.Size,
        created: iso(item.Created)
    };
}
function shortId(id) {
    return id.replace(/^sha256:/, '').slice(0, 12);
}
function sameId(a, b) {
    const x = a.replace(/^sha256:/, '');
    const y = b.replace(/^sha256:/, '');
    return x.length >= 12 && y.length >= 12 && (x.startsWith(y) || y.startsWith(x));
}
function toContainer(item) {
    const exited = /^Exited \((-?\d+)\)/.exec(item.Status);
    return {
        id: item.Id,
        name: (item.Names?.[0] ?? item.Id.slice(0, 12)).replace(/^\//, ''),
        image: (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarReference */ .ZD)(item.Image),
        command: item.Command,
        state: item.State,
        status: item.Status,
        exitCode: exited ? Number(exited[1]) : undefined,
        created: iso(item.Created),
        ports: (item.Ports ?? []).map(formatPort),
        removed: false
    };
}
function formatPort(port) {
    if (!port.PublicPort)
        return `${port.PrivatePort}/${port.Type}`;
    const host = port.IP && port.IP.includes(':') ? `[${port.IP}]` : (port.IP ?? '');
    return `${host}:${port.PublicPort}->${port.PrivatePort}/${port.Type}`;
}
/** The live containers, plus the smoke stage's records of those already removed. */
function mergeRecorded(live, smoke) {
    const byId = new Map(live.map(c => [c.id, c]));
    for (const result of smoke?.results ?? []) {
        const record = result.container;
        if (!record)
            continue;
        const current = byId.get(record.id);
        if (current) {
            current.exitCode ??= result.exitCode;
            // A kept container the smoke stage saw exit can still be listed as running for a moment: the
            // engine answers the wait before it updates the view its container list reads (dockerd 28).
            if (record.state === 'exited' && current.state === 'running') {
                current.state = 'exited';
                current.status = current.exitCode === undefined ? 'Exited' : `Exited (${current.exitCode})`;
            }
            continue;
        }
        const row = {
            id: record.id,
            name: record.name,
            image: result.image,
            command: record.command,
            state: 'removed',
            status: record.state ? `${record.state}, then removed` : 'removed',
            exitCode: result.exitCode,
            created: record.created,
            ports: record.ports,
            removed: true
        };
        byId.set(record.id, row);
        live.push(row);
    }
    return live;
}
/** History comes newest first; layers are reported in Dockerfile order. */
function toLayers(history) {
    return [...history].reverse().map(item => ({
        sizeBytes: item.Size,
        createdBy: instruction(item.CreatedBy),
        created: iso(item.Created)
    }));
}
/**
 * One line for a history entry, as a Dockerfile would say it: the classic builder writes
 * `/bin/sh -c #(nop)  CMD ["sh"]` for metadata and `|2 A=1 B=2 /bin/sh -c make` for RUN with build args;
 * BuildKit writes `RUN /bin/sh -c make # buildkit`.
 */
function instruction(createdBy) {
    let text = (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(createdBy);
    text = text.replace(/ # buildkit$/, '');
    const nop = /^\/bin\/sh -c #\(nop\) ?(.*)$/.exec(text);
    if (nop)
        return nop[1].trim();
    const run = /^(?:\|\d+ (?:\S+=\S* )*)?\/bin\/sh -c (.*)$/.exec(text);
    if (run)
        return `RUN ${run[1].trim()}`;
    return text.replace(/^RUN \/bin\/sh -c /, 'RUN ');
}
/** Matches images by ID or by reference as a user or a smoke entry wrote it (`busybox` = `busybox:latest`). */
class ImageMatcher {
    ids = [];
    refs = new Set();
    constructor(references) {
        for (const ref of references) {
            if ((0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isImageId */ .rw)(ref))
                this.ids.push(ref.replace(/^sha256:/, ''));
            else
                this.refs.add((0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalReference */ .Ys)(ref));
        }
    }
    matches(image) {
        if (this.ids.some(id => sameId(id, image.id)))
            return true;
        return [...image.tags, ...image.digests].some(ref => this.refs.has((0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalReference */ .Ys)(ref)));
    }
}
/** Code-point order: the same as localeCompare for ISO dates, without loading ICU (~9 MB) for a sort. */
function byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 4584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ LABEL_RUN),
/* harmony export */   TA: () => (/* binding */ LABEL_MANAGED),
/* harmony export */   os: () => (/* binding */ LABEL_ROLE),
/* harmony export */   xU: () => (/* binding */ runLabels)
/* harmony export */ });
// Labels put on everything the action creates, so the post step (and audits) can find it again.
const LABEL_MANAGED = 'io.docker-preflight.managed';
const LABEL_RUN = 'io.docker-preflight.run';
const LABEL_ROLE = 'io.docker-preflight.role';
function runLabels(runId, role) {
    return { [LABEL_MANAGED]: 'true', [LABEL_RUN]: runId, [LABEL_ROLE]: role };
}


/***/ }),

/***/ 9488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ LineSplitter)
/* harmony export */ });
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_0__);

/** Splits chunks into complete lines, holding a partial line (and a split UTF-8 character) until it ends. */
class LineSplitter {
    decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_0__.StringDecoder('utf8');
    pending = '';
    push(chunk) {
        this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
        const lines = this.pending.split('\n');
        this.pending = lines.pop() ?? '';
        return lines;
    }
    /** What is left at the end of the stream. */
    end() {
        const rest = this.pending + this.decoder.end();
        this.pending = '';
        return rest === '' ? [] : [rest];
    }
}


/***/ }),

/***/ 1168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ CommandGuard),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   tZ: () => (/* binding */ normalizeLines)
/* harmony export */ });
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2325);

/**
 * Brackets untrusted text so the Actions runner treats none of it as a workflow command.
 *
 * The runner obeys `::cmd::` at the start of a line and `##[cmd]` anywhere in a line, and it splits lines
 * on `\r` as well as `\n`. While `::stop-commands::TOKEN` is in force it obeys nothing but `::TOKEN::`,
 * and the token is fresh random bytes the untrusted text cannot know.
 */
class CommandGuard {
    token;
    constructor(token = (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .randomHex */ .nw)(16)) {
        this.token = token;
    }
    get open() {
        return `::stop-commands::${this.token}`;
    }
    get close() {
        return `::${this.token}::`;
    }
    /** Lines ready to print: the guard, the text with line endings normalised, and the resume line. */
    wrap(text) {
        return `${this.open}\n${normalizeLines(text)}\n${this.close}\n`;
    }
}
/** Every `\r\n` and lone `\r` becomes `\n`; a trailing newline is dropped. */
function normalizeLines(text) {
    return text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
}
/** Removes ANSI escape sequences (colours, cursor moves) that a build or container may emit. */
function stripAnsi(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '');
}


/***/ }),

/***/ 9695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/labels.ts
var src_labels = __webpack_require__(4584);
;// CONCATENATED MODULE: ./src/audit/leftovers.ts


/** Lists what earlier runs left, oldest first. Never throws: a listing error is reported in `error`. */
async function findLeftovers(input) {
    const { client, runId, signal } = input;
    const now = input.now ?? Date.now();
    const filters = { label: [`${src_labels/* LABEL_MANAGED */.TA}=true`] };
    try {
        const [containers, images] = await Promise.all([
            client.containers.list({ all: true, filters }, signal),
            client.images.list(filters, signal)
        ]);
        const fromEarlierRun = (labels) => !!labels && labels[src_labels/* LABEL_RUN */.Bt] !== undefined && labels[src_labels/* LABEL_RUN */.Bt] !== runId;
        const leftContainers = containers
            .filter(c => fromEarlierRun(c.Labels))
            .map(c => {
            const createdMs = c.Created * 1000;
            return {
                id: c.Id,
                name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
                image: c.Image,
                state: c.State,
                runId: c.Labels[src_labels/* LABEL_RUN */.Bt],
                role: c.Labels[src_labels/* LABEL_ROLE */.os],
                created: new Date(createdMs).toISOString(),
                ageMs: Math.max(0, now - createdMs)
            };
        });
        const leftImages = images
            .filter(i => fromEarlierRun(i.Labels))
            .map(i => {
            const createdMs = i.Created * 1000;
            const labels = i.Labels;
            return {
                id: i.Id,
                shortId: i.Id.replace(/^sha256:/, '').slice(0, 12),
                tags: (i.RepoTags ?? []).filter(t => t !== '<none>:<none>'),
                sizeBytes: i.Size,
                runId: labels[src_labels/* LABEL_RUN */.Bt],
                role: labels[src_labels/* LABEL_ROLE */.os],
                created: new Date(createdMs).toISOString(),
                ageMs: Math.max(0, now - createdMs)
            };
        });
        const oldestFirst = (a, b) => b.ageMs - a.ageMs;
        return { containers: leftContainers.sort(oldestFirst), images: leftImages.sort(oldestFirst) };
    }
    catch (error) {
        return { containers: [], images: [], error: `Could not list leftovers: ${(0,errors/* messageOf */.bD)(error)}` };
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/fs-async.ts
var fs_async = __webpack_require__(7253);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/ids.ts
var ids = __webpack_require__(2325);
// EXTERNAL MODULE: ./src/inventory/image-size.ts
var image_size = __webpack_require__(1447);
// EXTERNAL MODULE: ./src/engine/client.ts + 2 modules
var engine_client = __webpack_require__(4728);
// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(970);
// EXTERNAL MODULE: ./src/engine/version.ts
var engine_version = __webpack_require__(8574);
// EXTERNAL MODULE: ./src/engine/podman.ts
var engine_podman = __webpack_require__(7049);
// EXTERNAL MODULE: ./src/engine/image-store.ts
var image_store = __webpack_require__(5943);
// EXTERNAL MODULE: ./src/image/reference.ts
var image_reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/build/credentials.ts
var build_credentials = __webpack_require__(2742);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/engine/h2/huffman.ts
// HPACK's Huffman code (RFC 7541, Appendix B): grpc-go sends header values Huffman-coded whenever that is
// shorter, so the session's header decoder needs it. Only decoding: what this process sends is literal.
/** The code of each byte value 0\u2013255, right-aligned, and its length in bits (the RFC's table). */
const CODES = [
    0x1ff8, 0x7fffd8, 0xfffffe2, 0xfffffe3, 0xfffffe4, 0xfffffe5, 0xfffffe6, 0xfffffe7, 0xfffffe8, 0xffffea,
    0x3ffffffc, 0xfffffe9, 0xfffffea, 0x3ffffffd, 0xfffffeb, 0xfffffec, 0xfffffed, 0xfffffee, 0xfffffef,
    0xffffff0, 0xffffff1, 0xffffff2, 0x3ffffffe, 0xffffff3, 0xffffff4, 0xffffff5, 0xffffff6, 0xffffff7,
    0xffffff8, 0xffffff9, 0xffffffa, 0xffffffb, 0x14, 0x3f8, 0x3f9, 0xffa, 0x1ff9, 0x15, 0xf8, 0x7fa, 0x3fa,
    0x3fb, 0xf9, 0x7fb, 0xfa, 0x16, 0x17, 0x18, 0x0, 0x1, 0x2, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x5c,
    0xfb, 0x7ffc, 0x20, 0xffb, 0x3fc, 0x1ffa, 0x21, 0x5d, 0x5e, 0x5f, 0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66,
    0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0xfc, 0x73, 0xfd, 0x1ffb, 0x7fff0,
    0x1ffc, 0x3ffc, 0x22, 0x7ffd, 0x3, 0x23, 0x4, 0x24, 0x5, 0x25, 0x26, 0x27, 0x6, 0x74, 0x75, 0x28, 0x29,
    0x2a, 0x7, 0x2b, 0x76, 0x2c, 0x8, 0x9, 0x2d, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7ffe, 0x7fc, 0x3ffd, 0x1ffd,
    0xffffffc, 0xfffe6, 0x3fffd2, 0xfffe7, 0xfffe8, 0x3fffd3, 0x3fffd4, 0x3fffd5, 0x7fffd9, 0x3fffd6, 0x7fffda,
    0x7fffdb, 0x7fffdc, 0x7fffdd, 0x7fffde, 0xffffeb, 0x7fffdf, 0xffffec, 0xffffed, 0x3fffd7, 0x7fffe0,
    0xffffee, 0x7fffe1, 0x7fffe2, 0x7fffe3, 0x7fffe4, 0x1fffdc, 0x3fffd8, 0x7fffe5, 0x3fffd9, 0x7fffe6,
    0x7fffe7, 0xffffef, 0x3fffda, 0x1fffdd, 0xfffe9, 0x3fffdb, 0x3fffdc, 0x7fffe8, 0x7fffe9, 0x1fffde, 0x7fffea,
    0x3fffdd, 0x3fffde, 0xfffff0, 0x1fffdf, 0x3fffdf, 0x7fffeb, 0x7fffec, 0x1fffe0, 0x1fffe1, 0x3fffe0,
    0x1fffe2, 0x7fffed, 0x3fffe1, 0x7fffee, 0x7fffef, 0xfffea, 0x3fffe2, 0x3fffe3, 0x3fffe4, 0x7ffff0, 0x3fffe5,
    0x3fffe6, 0x7ffff1, 0x3ffffe0, 0x3ffffe1, 0xfffeb, 0x7fff1, 0x3fffe7, 0x7ffff2, 0x3fffe8, 0x1ffffec,
    0x3ffffe2, 0x3ffffe3, 0x3ffffe4, 0x7ffffde, 0x7ffffdf, 0x3ffffe5, 0xfffff1, 0x1ffffed, 0x7fff2, 0x1fffe3,
    0x3ffffe6, 0x7ffffe0, 0x7ffffe1, 0x3ffffe7, 0x7ffffe2, 0xfffff2, 0x1fffe4, 0x1fffe5, 0x3ffffe8, 0x3ffffe9,
    0xffffffd, 0x7ffffe3, 0x7ffffe4, 0x7ffffe5, 0xfffec, 0xfffff3, 0xfffed, 0x1fffe6, 0x3fffe9, 0x1fffe7,
    0x1fffe8, 0x7ffff3, 0x3fffea, 0x3fffeb, 0x1ffffee, 0x1ffffef, 0xfffff4, 0xfffff5, 0x3ffffea, 0x7ffff4,
    0x3ffffeb, 0x7ffffe6, 0x3ffffec, 0x3ffffed, 0x7ffffe7, 0x7ffffe8, 0x7ffffe9, 0x7ffffea, 0x7ffffeb,
    0xffffffe, 0x7ffffec, 0x7ffffed, 0x7ffffee, 0x7ffffef, 0x7fffff0, 0x3ffffee
];
const LENGTHS = [
    13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7,
    8, 15, 6, 12, 10, 13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19,
    13, 14, 6, 15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13,
    28, 20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21,
    22, 23, 22, 23, 23, 24, 22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23,
    22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23, 26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
    19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27, 20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25,
    25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26
];
/**
 * The code as a binary tree, built on first use: node n's children are tree[2n] (bit 0) and tree[2n+1]
 * (bit 1); a child holds the next node's index, or -(symbol + 1) at a leaf, or 0 where no code goes.
 */
let tree;
function buildTree() {
    const nodes = new Int32Array(2 * 512);
    let next = 1;
    for (let symbol = 0; symbol < 256; symbol++) {
        let node = 0;
        const code = CODES[symbol];
        for (let bit = LENGTHS[symbol] - 1; bit >= 0; bit--) {
            const slot = 2 * node + ((code >>> bit) & 1);
            if (bit === 0)
                nodes[slot] = -(symbol + 1);
            else {
                if (nodes[slot] === 0)
                    nodes[slot] = next++;
                node = nodes[slot];
            }
        }
    }
    return nodes;
}
/**
 * Decodes a Huffman-coded string. Throws on what RFC 7541 §5.2 calls a decoding error: padding longer
 * than 7 bits or not all ones (the EOS code's prefix), or a code that is not in the table.
 */
function huffmanDecode(input) {
    tree ??= buildTree();
    const out = Buffer.allocUnsafe(Math.ceil((input.length * 8) / 5));
    let length = 0;
    let node = 0;
    // Bits read since the last whole symbol, and whether all of them were ones (valid padding so far).
    let pending = 0;
    let allOnes = true;
    for (const byte of input) {
        for (let bit = 7; bit >= 0; bit--) {
            const one = (byte >>> bit) & 1;
            const child = tree[2 * node + one];
            pending++;
            allOnes &&= one === 1;
            if (child < 0) {
                out[length++] = -child - 1;
                node = 0;
                pending = 0;
                allOnes = true;
            }
            else if (child === 0) {
                throw new Error('invalid Huffman code in an HPACK string');
            }
            else
                node = child;
        }
    }
    if (pending > 7 || !allOnes)
        throw new Error('invalid padding at the end of an HPACK Huffman string');
    return out.subarray(0, length);
}

;// CONCATENATED MODULE: ./src/engine/h2/hpack.ts
// HPACK (RFC 7541) for the session's HTTP/2 server: a decoder for what BuildKit's grpc-go client sends
// (indexed fields, the dynamic table, Huffman-coded strings) and the few fields this side sends, written
// as literals that never touch the peer's dynamic table.

/** RFC 7541 Appendix A: index 1 is the first entry. */
const STATIC_TABLE = [
    [':authority', ''],
    [':method', 'GET'],
    [':method', 'POST'],
    [':path', '/'],
    [':path', '/index.html'],
    [':scheme', 'http'],
    [':scheme', 'https'],
    [':status', '200'],
    [':status', '204'],
    [':status', '206'],
    [':status', '304'],
    [':status', '400'],
    [':status', '404'],
    [':status', '500'],
    ['accept-charset', ''],
    ['accept-encoding', 'gzip, deflate'],
    ...[
        'accept-language',
        'accept-ranges',
        'accept',
        'access-control-allow-origin',
        'age',
        'allow',
        'authorization',
        'cache-control',
        'content-disposition',
        'content-encoding',
        'content-language',
        'content-length',
        'content-location',
        'content-range',
        'content-type',
        'cookie',
        'date',
        'etag',
        'expect',
        'expires',
        'from',
        'host',
        'if-match',
        'if-modified-since',
        'if-none-match',
        'if-range',
        'if-unmodified-since',
        'last-modified',
        'link',
        'location',
        'max-forwards',
        'proxy-authenticate',
        'proxy-authorization',
        'range',
        'referer',
        'refresh',
        'retry-after',
        'server',
        'set-cookie',
        'strict-transport-security',
        'transfer-encoding',
        'user-agent',
        'vary',
        'via',
        'www-authenticate'
    ].map((name) => [name, ''])
];
/** The dynamic table's size when the peer sets none (SETTINGS_HEADER_TABLE_SIZE's default, which we keep). */
const DEFAULT_TABLE_SIZE = 4096;
class HpackError extends Error {
}
/** Decodes header blocks; one per connection, fed every block in order (they share the dynamic table). */
class HpackDecoder {
    /** Newest first: HPACK index 62 is entries[0]. */
    entries = [];
    size = 0;
    maxSize = DEFAULT_TABLE_SIZE;
    decode(block) {
        const fields = [];
        const reader = new Reader(block);
        while (!reader.done()) {
            const first = reader.peek();
            if (first & 0x80) {
                fields.push(this.field(reader.integer(7)));
            }
            else if (first & 0x40) {
                const field = this.literal(reader, 6);
                this.add(field);
                fields.push(field);
            }
            else if (first & 0x20) {
                const size = reader.integer(5);
                if (size > DEFAULT_TABLE_SIZE)
                    throw new HpackError(`HPACK table size ${size} above the limit`);
                this.maxSize = size;
                this.evict();
            }
            else {
                // Without indexing (0000) or never indexed (0001): the same to a decoder.
                fields.push(this.literal(reader, 4));
            }
        }
        return fields;
    }
    field(index) {
        if (index >= 1 && index <= STATIC_TABLE.length)
            return STATIC_TABLE[index - 1];
        const entry = this.entries[index - STATIC_TABLE.length - 1];
        if (index === 0 || !entry)
            throw new HpackError(`HPACK index ${index} is not in the table`);
        return entry;
    }
    literal(reader, prefix) {
        const index = reader.integer(prefix);
        const name = index === 0 ? reader.string() : this.field(index)[0];
        return [name, reader.string()];
    }
    add(field) {
        this.entries.unshift(field);
        this.size += entrySize(field);
        this.evict();
    }
    evict() {
        while (this.size > this.maxSize)
            this.size -= entrySize(this.entries.pop());
    }
}
/** RFC 7541 §4.1: the name's and value's octets plus 32. */
function entrySize([name, value]) {
    return name.length + value.length + 32;
}
class Reader {
    bytes;
    offset = 0;
    constructor(bytes) {
        this.bytes = bytes;
    }
    done() {
        return this.offset >= this.bytes.length;
    }
    peek() {
        return this.bytes[this.offset];
    }
    byte() {
        if (this.offset >= this.bytes.length)
            throw new HpackError('HPACK block ends inside a field');
        return this.bytes[this.offset++];
    }
    /** RFC 7541 §5.1: an integer in the low `prefix` bits of the current byte, continued 7 bits a byte. */
    integer(prefix) {
        const max = (1 << prefix) - 1;
        let value = this.byte() & max;
        if (value < max)
            return value;
        for (let shift = 0;; shift += 7) {
            if (shift > 28)
                throw new HpackError('HPACK integer too large');
            const byte = this.byte();
            value += (byte & 0x7f) * 2 ** shift;
            if (!(byte & 0x80))
                return value;
        }
    }
    /** RFC 7541 §5.2: a length-prefixed string, Huffman-coded when the top bit is set. */
    string() {
        const huffman = (this.peek() & 0x80) !== 0;
        const length = this.integer(7);
        if (this.offset + length > this.bytes.length)
            throw new HpackError('HPACK string runs past its block');
        const raw = this.bytes.subarray(this.offset, this.offset + length);
        this.offset += length;
        return Buffer.from(huffman ? huffmanDecode(raw) : raw).toString('latin1');
    }
}
/**
 * A header block of literal fields that are never indexed (RFC 7541 §6.2.2, no Huffman coding), except
 * `:status: 200`, which is the static table's entry 8. Names and values are Latin-1 strings.
 */
function encodeHeaderBlock(fields) {
    const parts = [];
    for (const [name, value] of fields) {
        if (name === ':status' && value === '200') {
            parts.push(Buffer.from([0x88]));
            continue;
        }
        parts.push(Buffer.from([0x10]), encodeString(name), encodeString(value));
    }
    return Buffer.concat(parts);
}
function encodeString(text) {
    const bytes = Buffer.from(text, 'latin1');
    return Buffer.concat([encodeInteger(bytes.length, 7, 0), bytes]);
}
function encodeInteger(value, prefix, flags) {
    const max = (1 << prefix) - 1;
    if (value < max)
        return Buffer.from([flags | value]);
    const bytes = [flags | max];
    let rest = value - max;
    while (rest >= 0x80) {
        bytes.push((rest % 0x80) | 0x80);
        rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
    return Buffer.from(bytes);
}

;// CONCATENATED MODULE: ./src/engine/h2/server.ts
// The server side of one HTTP/2 connection (RFC 9113), just what BuildKit's session needs: the engine's
// grpc-go client opens streams on the hijacked `/session` connection and this side answers them. Written
// here rather than taken from node:http2 because that module (with node:tls, which it loads) costs the
// default run ~7 MB of memory on Node 24, more than the rest of the run together (BENCHMARKS.md, issue 14).
//
// What it does: the connection preface and SETTINGS, HEADERS/CONTINUATION decoded with HPACK (hpack.ts),
// DATA in with flow-control credit given back as it is read, DATA out within the peer's windows and
// frame size, PING answered at once (grpc-go sizes its window from the round trip: BENCHMARKS.md, 3b),
// RST_STREAM and GOAWAY. What it does not: server push, priorities, or opening streams of its own.


const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const DATA = 0x0;
const HEADERS = 0x1;
const RST_STREAM = 0x3;
const SETTINGS = 0x4;
const PUSH_PROMISE = 0x5;
const PING = 0x6;
const GOAWAY = 0x7;
const WINDOW_UPDATE = 0x8;
const CONTINUATION = 0x9;
const END_STREAM = 0x1;
const ACK = 0x1;
const END_HEADERS = 0x4;
const PADDED = 0x8;
const PRIORITY = 0x20;
const SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
const SETTINGS_MAX_FRAME_SIZE = 0x5;
const SETTINGS_MAX_HEADER_LIST_SIZE = 0x6;
const NO_ERROR = 0x0;
const PROTOCOL_ERROR = 0x1;
const FLOW_CONTROL_ERROR = 0x3;
const FRAME_SIZE_ERROR = 0x6;
const COMPRESSION_ERROR = 0x9;
/** RFC 9113 defaults, until the peer's SETTINGS say otherwise. */
const DEFAULT_WINDOW = 65_535;
const DEFAULT_MAX_FRAME = 16_384;
const MAX_WINDOW = 2 ** 31 - 1;
/**
 * What this side lets the peer send before it must wait for credit: BuildKit sends requests and small
 * packets, so a generous window costs nothing and never stalls it. Credit is given back once half is used.
 */
const RECEIVE_WINDOW = 16 * 1024 * 1024;
/** A .dockerignore of a few hundred lines is a few hundred headers on one call (each pattern its own). */
const MAX_HEADER_LIST = 64 * 1024 * 1024;
/** Bytes handed to the socket and not yet written, above which sending waits for it to drain. */
const SOCKET_HIGH = 1024 * 1024;
/**
 * One stream the peer opened. Events: 'data' (Buffer), 'end' (the peer sent all it will), 'close' (the
 * stream is over both ways, was reset, or the connection is gone).
 */
class ServerStream extends external_node_events_.EventEmitter {
    id;
    connection;
    sendWindow;
    queue = [];
    queuedBytes = 0;
    trailers;
    remoteEnded = false;
    localEnded = false;
    closed = false;
    constructor(id, connection, initialWindow) {
        super();
        this.id = id;
        this.connection = connection;
        this.sendWindow = initialWindow;
    }
    /** Sends the response headers; with `endStream`, they are also the trailers (a trailers-only reply). */
    respond(fields, endStream = false) {
        if (this.closed || this.localEnded)
            return;
        this.connection.sendHeaders(this.id, fields, endStream);
        if (endStream)
            this.endLocal();
    }
    /** Queues data; `callback` runs once its last byte has been handed to the socket. */
    write(data, callback) {
        if (this.closed || this.localEnded || this.trailers) {
            callback?.();
            return;
        }
        this.queue.push({ data, offset: 0, callback });
        this.queuedBytes += data.length;
        this.connection.pump();
    }
    /** Ends the stream with these trailers, once everything queued is sent. */
    end(trailers) {
        if (this.closed || this.localEnded || this.trailers)
            return;
        this.trailers = trailers;
        this.connection.pump();
    }
    get queued() {
        return this.queuedBytes;
    }
    /** Sends what the windows allow, at most `budget` bytes; true when anything went out. */
    sendSome(budget) {
        let sent = false;
        while (this.queue.length > 0 && budget > 0) {
            const head = this.queue[0];
            const room = Math.min(this.sendWindow, this.connection.sendWindow, this.connection.maxFrameSize, budget);
            if (room <= 0)
                break;
            const size = Math.min(room, head.data.length - head.offset);
            this.connection.sendData(this.id, head.data.subarray(head.offset, head.offset + size));
            head.offset += size;
            this.sendWindow -= size;
            this.queuedBytes -= size;
            budget -= size;
            sent = true;
            if (head.offset === head.data.length) {
                this.queue.shift();
                head.callback?.();
            }
        }
        if (this.queue.length === 0 && this.trailers && !this.localEnded) {
            this.connection.sendHeaders(this.id, this.trailers, true);
            this.endLocal();
            sent = true;
        }
        return sent;
    }
    get waiting() {
        return !this.closed && (this.queue.length > 0 || (this.trailers !== undefined && !this.localEnded));
    }
    receive(data, endStream) {
        if (this.closed || this.remoteEnded)
            return;
        if (data.length > 0)
            this.emit('data', data);
        if (endStream) {
            this.remoteEnded = true;
            this.emit('end');
            if (this.localEnded)
                this.close();
        }
    }
    endLocal() {
        this.localEnded = true;
        if (this.remoteEnded)
            this.close();
    }
    /** Over: reset by the peer, both sides ended, or the connection gone. Queued writes are dropped. */
    close() {
        if (this.closed)
            return;
        this.closed = true;
        const dropped = this.queue.splice(0);
        this.queuedBytes = 0;
        for (const pending of dropped)
            pending.callback?.();
        this.connection.forget(this.id);
        this.emit('close');
    }
}
class Http2ServerConnection {
    transport;
    onStream;
    sendWindow = DEFAULT_WINDOW;
    maxFrameSize = DEFAULT_MAX_FRAME;
    peerInitialWindow = DEFAULT_WINDOW;
    streams = new Map();
    decoder = new HpackDecoder();
    input = Buffer.alloc(0);
    prefaceSeen = false;
    /** A header block being continued: its stream, flags and fragments so far. */
    continuing;
    lastStreamId = 0;
    goneAway = false;
    closed = false;
    /** Received bytes not yet credited back, for the connection and per stream. */
    unacked = 0;
    unackedByStream = new Map();
    pumping = false;
    waitingForDrain = false;
    constructor(transport, onStream) {
        this.transport = transport;
        this.onStream = onStream;
        transport.on('data', (chunk) => this.read(chunk));
        transport.on('end', () => this.destroy());
        transport.on('close', () => this.destroy());
        transport.on('error', () => this.destroy());
        transport.on('drain', () => {
            this.waitingForDrain = false;
            this.pump();
        });
        // The server's preface: its SETTINGS, then room for BuildKit to send without waiting on credit.
        const settings = Buffer.alloc(12);
        settings.writeUInt16BE(SETTINGS_INITIAL_WINDOW_SIZE, 0);
        settings.writeUInt32BE(RECEIVE_WINDOW, 2);
        settings.writeUInt16BE(SETTINGS_MAX_HEADER_LIST_SIZE, 6);
        settings.writeUInt32BE(MAX_HEADER_LIST, 8);
        this.frame(SETTINGS, 0, 0, settings);
        this.windowUpdate(0, RECEIVE_WINDOW - DEFAULT_WINDOW);
    }
    state() {
        let queued = 0;
        for (const stream of this.streams.values())
            queued += stream.queued;
        return {
            sendWindow: this.sendWindow,
            peerInitialWindow: this.peerInitialWindow,
            peerMaxFrameSize: this.maxFrameSize,
            openStreams: this.streams.size,
            queued,
            socketBuffered: this.transport.writableLength
        };
    }
    /** Says goodbye (GOAWAY, no error) and closes the connection. */
    close() {
        this.goAway(NO_ERROR);
    }
    destroy() {
        if (this.closed)
            return;
        this.closed = true;
        for (const stream of [...this.streams.values()])
            stream.close();
        this.transport.destroy();
    }
    /** GOAWAY with this code (NO_ERROR when closing on purpose), and the connection is closed. */
    goAway(code) {
        if (this.closed)
            return;
        this.frame(GOAWAY, 0, 0, goAwayPayload(this.lastStreamId, code));
        this.transport.end();
        this.destroy();
    }
    forget(id) {
        this.streams.delete(id);
        this.unackedByStream.delete(id);
    }
    sendHeaders(stream, fields, endStream) {
        const block = encodeHeaderBlock(fields);
        const flags = endStream ? END_STREAM : 0;
        if (block.length <= this.maxFrameSize) {
            this.frame(HEADERS, flags | END_HEADERS, stream, block);
            return;
        }
        for (let offset = 0; offset < block.length; offset += this.maxFrameSize) {
            const last = offset + this.maxFrameSize >= block.length;
            const part = block.subarray(offset, offset + this.maxFrameSize);
            if (offset === 0)
                this.frame(HEADERS, flags, stream, part);
            else
                this.frame(CONTINUATION, last ? END_HEADERS : 0, stream, part);
        }
    }
    sendData(stream, data) {
        this.sendWindow -= data.length;
        this.frame(DATA, 0, stream, data);
    }
    /**
     * Sends queued data while the peer's windows and the socket allow, a frame's worth per stream in turn
     * (one stream's large file must not hold back another's small reply). Corked, so a burst of frames goes
     * out in one write.
     */
    pump() {
        if (this.pumping || this.closed)
            return;
        this.pumping = true;
        this.transport.cork();
        try {
            let progressed = true;
            while (progressed && !this.waitingForDrain) {
                progressed = false;
                for (const stream of this.streams.values()) {
                    if (!stream.waiting)
                        continue;
                    if (stream.sendSome(this.maxFrameSize))
                        progressed = true;
                    if (this.transport.writableLength > SOCKET_HIGH) {
                        this.waitingForDrain = true;
                        break;
                    }
                }
            }
        }
        finally {
            this.pumping = false;
            this.transport.uncork();
        }
    }
    frame(type, flags, stream, payload) {
        if (this.closed)
            return;
        const header = Buffer.allocUnsafe(9);
        const length = payload?.length ?? 0;
        header.writeUIntBE(length, 0, 3);
        header[3] = type;
        header[4] = flags;
        header.writeUInt32BE(stream, 5);
        this.transport.write(header);
        if (length > 0)
            this.transport.write(payload);
    }
    windowUpdate(stream, increment) {
        const payload = Buffer.allocUnsafe(4);
        payload.writeUInt32BE(increment, 0);
        this.frame(WINDOW_UPDATE, 0, stream, payload);
    }
    read(chunk) {
        this.input = this.input.length > 0 ? Buffer.concat([this.input, chunk]) : chunk;
        if (!this.prefaceSeen) {
            if (this.input.length < PREFACE.length)
                return;
            if (!this.input.subarray(0, PREFACE.length).equals(PREFACE))
                return this.goAway(PROTOCOL_ERROR);
            this.prefaceSeen = true;
            this.input = this.input.subarray(PREFACE.length);
        }
        while (!this.closed && this.input.length >= 9) {
            const length = this.input.readUIntBE(0, 3);
            if (length > DEFAULT_MAX_FRAME)
                return this.goAway(FRAME_SIZE_ERROR); // we never raise our max frame size
            if (this.input.length < 9 + length)
                break;
            const type = this.input[3];
            const flags = this.input[4];
            const stream = this.input.readUInt32BE(5) & 0x7fffffff;
            const payload = this.input.subarray(9, 9 + length);
            this.input = this.input.subarray(9 + length);
            this.handle(type, flags, stream, payload);
        }
        // Don't keep a large chunk alive for a few leftover bytes.
        if (this.input.length > 0 && this.input.length < 4096)
            this.input = Buffer.from(this.input);
    }
    handle(type, flags, stream, payload) {
        if (this.continuing && type !== CONTINUATION)
            return this.goAway(PROTOCOL_ERROR);
        switch (type) {
            case DATA:
                return this.onData(flags, stream, payload);
            case HEADERS:
                return this.onHeaders(flags, stream, payload);
            case CONTINUATION: {
                const open = this.continuing;
                if (!open || open.stream !== stream)
                    return this.goAway(PROTOCOL_ERROR);
                open.fragments.push(payload);
                if (flags & END_HEADERS) {
                    this.continuing = undefined;
                    this.headerBlock(stream, Buffer.concat(open.fragments), open.endStream);
                }
                return;
            }
            case RST_STREAM:
                this.streams.get(stream)?.close();
                return;
            case SETTINGS:
                if (flags & ACK)
                    return;
                return this.onSettings(payload);
            case PING:
                if (!(flags & ACK) && payload.length === 8)
                    this.frame(PING, ACK, 0, payload);
                return;
            case GOAWAY:
                this.goneAway = true;
                return;
            case WINDOW_UPDATE:
                return this.onWindowUpdate(stream, payload);
            case PUSH_PROMISE:
                return this.goAway(PROTOCOL_ERROR); // a client never pushes
            default:
                return; // PRIORITY and unknown frame types are ignored (RFC 9113 §5.5)
        }
    }
    onSettings(payload) {
        if (payload.length % 6 !== 0)
            return this.goAway(PROTOCOL_ERROR);
        for (let offset = 0; offset < payload.length; offset += 6) {
            const id = payload.readUInt16BE(offset);
            const value = payload.readUInt32BE(offset + 2);
            if (id === SETTINGS_INITIAL_WINDOW_SIZE) {
                if (value > MAX_WINDOW)
                    return this.goAway(FLOW_CONTROL_ERROR);
                // RFC 9113 §6.9.2: every open stream's window moves by the difference.
                const delta = value - this.peerInitialWindow;
                this.peerInitialWindow = value;
                for (const open of this.streams.values())
                    open.sendWindow += delta;
            }
            else if (id === SETTINGS_MAX_FRAME_SIZE) {
                if (value < DEFAULT_MAX_FRAME || value > 16_777_215)
                    return this.goAway(PROTOCOL_ERROR);
                this.maxFrameSize = value;
            }
            // SETTINGS_HEADER_TABLE_SIZE limits the table this side's encoder may use; it uses none.
        }
        this.frame(SETTINGS, ACK, 0);
        this.pump();
    }
    onWindowUpdate(stream, payload) {
        if (payload.length !== 4)
            return this.goAway(PROTOCOL_ERROR);
        const increment = payload.readUInt32BE(0) & 0x7fffffff;
        if (stream === 0) {
            this.sendWindow += increment;
            if (this.sendWindow > MAX_WINDOW)
                return this.goAway(FLOW_CONTROL_ERROR);
        }
        else {
            const open = this.streams.get(stream);
            if (open)
                open.sendWindow += increment;
        }
        this.pump();
    }
    onHeaders(flags, stream, payload) {
        let block = payload;
        if (flags & PADDED) {
            const padding = block[0] ?? 0;
            block = block.subarray(1, block.length - padding);
        }
        if (flags & PRIORITY)
            block = block.subarray(5);
        const endStream = (flags & END_STREAM) !== 0;
        if (flags & END_HEADERS)
            this.headerBlock(stream, block, endStream);
        else
            this.continuing = { stream, endStream, fragments: [Buffer.from(block)] };
    }
    headerBlock(id, block, endStream) {
        let fields;
        try {
            fields = this.decoder.decode(block);
        }
        catch {
            return this.goAway(COMPRESSION_ERROR);
        }
        const open = this.streams.get(id);
        if (open) {
            // Trailers from the peer (gRPC clients send none, but they would end the request).
            open.receive(Buffer.alloc(0), endStream);
            return;
        }
        if (id % 2 === 0)
            return this.goAway(PROTOCOL_ERROR);
        // A stream that is already over (reset, or ended both ways): nothing to do with its headers.
        if (id <= this.lastStreamId)
            return;
        this.lastStreamId = id;
        if (this.goneAway)
            return;
        const stream = new ServerStream(id, this, this.peerInitialWindow);
        this.streams.set(id, stream);
        this.onStream(stream, fields);
        if (endStream)
            stream.receive(Buffer.alloc(0), true);
    }
    onData(flags, id, payload) {
        // Flow control counts the whole payload, padding included (RFC 9113 §6.1).
        this.credit(id, payload.length);
        let data = payload;
        if (flags & PADDED) {
            const padding = data[0] ?? 0;
            data = data.subarray(1, data.length - padding);
        }
        this.streams.get(id)?.receive(data, (flags & END_STREAM) !== 0);
    }
    /** Gives back credit for what was received, once half a window's worth has been read. */
    credit(id, length) {
        if (length === 0)
            return;
        this.unacked += length;
        if (this.unacked >= RECEIVE_WINDOW / 2) {
            this.windowUpdate(0, this.unacked);
            this.unacked = 0;
        }
        if (!this.streams.has(id))
            return;
        const pending = (this.unackedByStream.get(id) ?? 0) + length;
        if (pending >= RECEIVE_WINDOW / 2) {
            this.windowUpdate(id, pending);
            this.unackedByStream.set(id, 0);
        }
        else
            this.unackedByStream.set(id, pending);
    }
}
function goAwayPayload(lastStreamId, code) {
    const payload = Buffer.alloc(8);
    payload.writeUInt32BE(lastStreamId, 0);
    payload.writeUInt32BE(code, 4);
    return payload;
}

// EXTERNAL MODULE: ./src/engine/socket-duplex.ts
var socket_duplex = __webpack_require__(808);
;// CONCATENATED MODULE: ./src/engine/session.ts
// A BuildKit session with the engine, as the docker CLI and buildx open one: `POST /session` upgraded to
// h2c, and on the hijacked connection a gRPC server that the engine's BuildKit calls (session/grpc.go: a
// grpc-go client over that one connection). The HTTP/2 server is our own (h2/server.ts: node:http2 costs
// more memory than the rest of the default run) with gRPC's framing written here (a message is a flag
// byte, a 4-byte length and the protobuf; the status goes in grpc-status and grpc-message trailers), so:
// - the call's metadata is read from the raw header list: BuildKit sends each include/exclude pattern as
//   its own header, in UTF-8 (or escaped, `<key>-encoded`), and a .dockerignore has hundreds of them;
// - what is written is queued by bytes (several MiB) rather than awaited message by message, so whenever
//   BuildKit opens its flow-control window there is data for it (see BENCHMARKS.md, figure 3b).
// Every method served is listed in X-Docker-Expose-Session-Grpc-Method: BuildKit asks the session whether
// it supports a method (session.Caller.Supports) before using file sync, and refuses without it.



/** gRPC status codes used here (google.golang.org/grpc/codes). */
const GrpcStatus = {
    OK: 0,
    CANCELLED: 1,
    UNKNOWN: 2,
    INVALID_ARGUMENT: 3,
    NOT_FOUND: 5,
    UNIMPLEMENTED: 12,
    INTERNAL: 13
};
/** An error a handler answers with: its code and message reach BuildKit as grpc-status/grpc-message. */
class GrpcError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
// BuildKit checks the session's health every few seconds (session/grpc.go monitorHealth) and drops a
// session that fails twice: a build taking longer than that needs grpc.health.v1.Health/Check answered
// (HealthCheckResponse{status: SERVING}: field 1, varint 1).
const healthService = {
    methods: [{ path: '/grpc.health.v1.Health/Check', unary: () => Buffer.from([0x08, 0x01]) }]
};
/** Queued bytes above which a sender waits, and below which it resumes. */
const QUEUE_HIGH = 16 * 1024 * 1024;
const QUEUE_LOW = 8 * 1024 * 1024;
/** Gathered messages are written when they reach this size (or at the end of the event loop's turn). */
const BATCH = 512 * 1024;
/** Bytes queued on every call of this process (for the trace). */
let queuedTotal = 0;
async function openSession(client, options, signal) {
    const id = (0,ids/* randomUuid */.bX)();
    const methods = new Map();
    for (const service of [healthService, ...options.services])
        for (const method of service.methods)
            methods.set(method.path, method);
    const socket = await client.build.session({
        'X-Docker-Expose-Session-Uuid': id,
        'X-Docker-Expose-Session-Name': options.name ?? 'docker-preflight',
        'X-Docker-Expose-Session-Sharedkey': options.sharedKey,
        'X-Docker-Expose-Session-Grpc-Method': [...methods.keys()]
    }, signal);
    // The trace reads the connection's state as frames pass, the first ones while it is being constructed.
    const live = {};
    const trace = options.traceFile;
    const stream = trace
        ? (await __webpack_require__.e(/* import() */ 618).then(__webpack_require__.bind(__webpack_require__, 9618))).traced(socket, `${trace}.${id}.jsonl`, () => live.connection && { ...live.connection.state(), queuedTotal })
        : (0,socket_duplex/* streamOf */.m)(socket);
    const connection = new Http2ServerConnection(stream, (call, fields) => {
        const raw = fields.flat();
        serveCall(call, metadataOf(raw), methods, pathOf(raw));
    });
    live.connection = connection;
    let closed = false;
    return {
        id,
        state: () => (closed ? undefined : connection.state()),
        close: () => {
            if (closed)
                return;
            closed = true;
            connection.close();
            socket.destroy();
        }
    };
}
function pathOf(raw) {
    for (let i = 0; i + 1 < raw.length; i += 2)
        if (raw[i] === ':path')
            return raw[i + 1];
    return '';
}
/**
 * The call's metadata from the raw header list (name, value, name, value\u2026; each byte one Latin-1
 * character): BuildKit sends each value of a list as its own header, in UTF-8 (20.10's BuildKit
 * unescaped, newer ones escaped under `<key>-encoded`, which the service undoes).
 */
function metadataOf(raw) {
    const metadata = new Map();
    for (let i = 0; i + 1 < raw.length; i += 2) {
        const key = raw[i].toLowerCase();
        if (key.startsWith(':'))
            continue;
        const value = Buffer.from(raw[i + 1], 'latin1').toString('utf8');
        const values = metadata.get(key);
        if (values)
            values.push(value);
        else
            metadata.set(key, [value]);
    }
    return metadata;
}
/** grpc-message: percent-encoded UTF-8 outside printable ASCII (and `%` itself), as gRPC specifies. */
function encodeGrpcMessage(message) {
    let out = '';
    for (const byte of Buffer.from(message, 'utf8')) {
        out +=
            byte >= 0x20 && byte <= 0x7e && byte !== 0x25
                ? String.fromCharCode(byte)
                : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
const RESPONSE_HEADERS = [
    [':status', '200'],
    ['content-type', 'application/grpc']
];
function prefix(length) {
    const header = Buffer.allocUnsafe(5);
    header[0] = 0;
    header.writeUInt32BE(length, 1);
    return header;
}
/** Splits a request body into gRPC messages. */
class Deframer {
    chunks = [];
    buffered = 0;
    push(chunk) {
        this.chunks.push(chunk);
        this.buffered += chunk.length;
        const out = [];
        while (this.buffered >= 5) {
            const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
            this.chunks = [head];
            if (head[0] !== 0)
                throw new GrpcError(GrpcStatus.UNIMPLEMENTED, 'compressed gRPC messages are not supported');
            const length = head.readUInt32BE(1);
            if (this.buffered < 5 + length)
                break;
            out.push(head.subarray(5, 5 + length));
            const rest = head.subarray(5 + length);
            this.chunks = rest.length > 0 ? [rest] : [];
            this.buffered = rest.length;
        }
        return out;
    }
}
function serveCall(stream, metadata, methods, path) {
    const method = methods.get(path);
    const call = new Call(stream, metadata);
    if (!method) {
        call.end(new GrpcError(GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`));
        return;
    }
    if ('stream' in method) {
        method.stream(call);
        return;
    }
    let request;
    call.onMessage(message => (request ??= message));
    stream.on('end', () => {
        if (call.closed)
            return;
        Promise.resolve()
            .then(() => method.unary(request ?? Buffer.alloc(0), metadata))
            .then(response => {
            call.send([response]);
            call.end();
        }, (error) => call.end(error instanceof GrpcError ? error : new GrpcError(GrpcStatus.UNKNOWN, error.message)));
    });
}
class Call {
    stream;
    metadata;
    closed = false;
    responded = false;
    ended = false;
    queued = 0;
    batch = [];
    batched = 0;
    flushing = false;
    waiting = [];
    deframer = new Deframer();
    constructor(stream, metadata) {
        this.stream = stream;
        this.metadata = metadata;
        stream.on('close', () => {
            this.closed = true;
            this.wake();
        });
    }
    onMessage(listener) {
        this.stream.on('data', (chunk) => {
            let messages;
            try {
                messages = this.deframer.push(chunk);
            }
            catch (error) {
                this.end(error);
                return;
            }
            for (const message of messages)
                listener(message);
        });
    }
    onClose(listener) {
        if (this.closed)
            listener();
        else
            this.stream.on('close', listener);
    }
    respond() {
        if (this.responded)
            return;
        this.responded = true;
        this.stream.respond(RESPONSE_HEADERS);
    }
    send(parts) {
        if (this.closed || this.ended)
            return;
        this.respond();
        let length = 0;
        for (const part of parts)
            length += part.length;
        this.batch.push(prefix(length), ...parts);
        this.batched += length + 5;
        this.queued += length + 5;
        queuedTotal += length + 5;
        // Messages are gathered and written once per turn of the event loop (or every BATCH bytes): a
        // write to an HTTP/2 stream costs tens of microseconds, and a listing is thousands of messages.
        if (this.batched >= BATCH)
            this.flush();
        else if (!this.flushing) {
            this.flushing = true;
            setImmediate(() => this.flush());
        }
    }
    flush() {
        this.flushing = false;
        if (this.batch.length === 0 || this.closed)
            return;
        const size = this.batched;
        const data = Buffer.concat(this.batch, size);
        this.batch = [];
        this.batched = 0;
        // The callback runs once the bytes are handed to the socket (the connection holds them until the
        // peer's window allows).
        this.stream.write(data, () => {
            this.queued -= size;
            queuedTotal -= size;
            if (this.queued <= QUEUE_LOW)
                this.wake();
        });
    }
    ready(limit = QUEUE_HIGH) {
        if (this.queued < limit || this.closed)
            return Promise.resolve();
        return new Promise(resolve => this.waiting.push(resolve));
    }
    wake() {
        const waiting = this.waiting;
        this.waiting = [];
        for (const resolve of waiting)
            resolve();
    }
    end(error) {
        if (this.ended || this.closed)
            return;
        this.ended = true;
        const status = [['grpc-status', String(error ? error.code : GrpcStatus.OK)]];
        if (error)
            status.push(['grpc-message', encodeGrpcMessage(error.message)]);
        if (!this.responded) {
            // Trailers-only: the status in the one HEADERS frame that ends the stream.
            this.responded = true;
            this.stream.respond([...RESPONSE_HEADERS, ...status], true);
            return;
        }
        this.flush();
        this.stream.end(status);
    }
}

// EXTERNAL MODULE: ./src/engine/protowire.ts
var protowire = __webpack_require__(2581);
// EXTERNAL MODULE: ./src/build/walk.ts
var walk = __webpack_require__(8419);
;// CONCATENATED MODULE: ./src/build/filesync.ts
// The services a BuildKit build calls back through the session (engine/session.ts serves them; messages
// are encoded here by hand from the .proto files, engine/protowire.ts):
// - moby.filesync.v1.FileSync/DiffCopy: BuildKit asks for a local directory by name ("context",
//   "dockerfile", a named context) with include/exclude patterns and follow paths in the call's metadata;
//   the client answers with fsutil's protocol (tonistiigi/fsutil send.go, types/wire.proto): a STAT packet
//   per entry in walk order, an empty STAT to end the list, then for each REQ (an entry's index) DATA
//   packets and an empty DATA; FIN is answered with FIN. BuildKit only REQuests files whose stat changed
//   since the last sync from a session with the same shared key, which is how a second build sends only
//   what changed. Packets are queued by bytes, never awaited one by one (BENCHMARKS.md, figure 3b).
// - moby.buildkit.secrets.v1.Secrets/GetSecret: a secret's bytes by id; NotFound for an unknown id
//   (BuildKit turns that into "secret <id>: not found").
// - moby.filesync.v1.Auth/Credentials: registry credentials for pulling base images.





const PACKET_STAT = 0;
const PACKET_REQ = 1;
const PACKET_DATA = 2;
const PACKET_FIN = 3;
const PACKET_ERR = 4;
function encodeStat(stat) {
    return new protowire/* ProtoWriter */.oQ()
        .string(1, stat.path)
        .uint(2, stat.mode)
        .uint(3, stat.uid)
        .uint(4, stat.gid)
        .int64(5, stat.size)
        .int64(6, stat.modTime)
        .string(7, stat.linkname)
        .int64(8, stat.devmajor ?? 0)
        .int64(9, stat.devminor ?? 0)
        .map(10, stat.xattrs)
        .finish();
}
/** Packet{type, stat, ID, data}; the data buffer is returned as its own part, not copied. */
function encodePacket(type, fields = {}) {
    const head = new protowire/* ProtoWriter */.oQ().uint(1, type);
    if (fields.stat)
        head.message(2, encodeStat(fields.stat), true);
    head.uint(3, fields.ID ?? 0);
    const data = fields.data;
    if (!data || data.length === 0)
        return [head.finish()];
    return [Buffer.concat([head.finish(), Buffer.from([0x22]), (0,protowire/* varint */.L8)(data.length)]), data];
}
function decodePacket(message) {
    const packet = { type: 0, ID: 0, data: Buffer.alloc(0) };
    for (const [field, value] of (0,protowire/* protoFields */.MB)(message)) {
        if (field === 1)
            packet.type = (0,protowire/* asUint */.ZC)(value);
        else if (field === 3)
            packet.ID = (0,protowire/* asUint */.ZC)(value);
        else if (field === 4)
            packet.data = (0,protowire/* asBytes */.Yd)(value);
    }
    return packet;
}
// Go's os.FileMode bits, which fsutil's Stat.mode carries (not the Unix st_mode).
const GO_DIR = 2 ** 31;
const GO_SYMLINK = 2 ** 27;
const GO_DEVICE = 2 ** 26;
const GO_NAMED_PIPE = 2 ** 25;
const GO_SETUID = 2 ** 23;
const GO_SETGID = 2 ** 22;
const GO_CHAR_DEVICE = 2 ** 21;
const GO_STICKY = 2 ** 20;
/** Go's os.FileMode of what lstat returned, as fsutil's mkstat records it (the socket bit cleared). */
function goFileMode(info) {
    let mode = info.mode & 0o777;
    if (info.mode & 0o4000)
        mode += GO_SETUID;
    if (info.mode & 0o2000)
        mode += GO_SETGID;
    if (info.mode & 0o1000)
        mode += GO_STICKY;
    if (info.isDirectory())
        mode += GO_DIR;
    else if (info.isSymbolicLink())
        mode += GO_SYMLINK;
    else if (info.isBlockDevice())
        mode += GO_DEVICE;
    else if (info.isCharacterDevice())
        mode += GO_DEVICE + GO_CHAR_DEVICE;
    else if (info.isFIFO())
        mode += GO_NAMED_PIPE;
    return mode;
}
function newSyncStats() {
    return { listed: 0, filesSent: 0, bytesSent: 0, ignored: 0 };
}
/** fsutil's modTime is in nanoseconds; lstat gives milliseconds. */
const NS_PER_MS = 1_000_000;
const CHUNK = 256 * 1024;
/** Files up to this size are read whole and synchronously; larger ones are streamed. */
const SYNC_FILE = 1024 * 1024;
/** The listing goes on only while less than this is queued: file data BuildKit asked for goes first. */
const STAT_QUEUE = 1024 * 1024;
/** Bytes of files served before the event loop gets a turn (the socket, BuildKit's next requests). */
const TURN_BYTES = 2 * 1024 * 1024;
/** Values of a metadata key as BuildKit sent them (filesync.go decodeOpts: `<key>-encoded` means escaped). */
function metadataValues(metadata, key) {
    const values = metadata.get(key);
    if (!values || values.length === 0)
        return undefined;
    const encoded = metadata.get(`${key}-encoded`)?.[0];
    const decode = encoded !== undefined && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(encoded);
    // Go's url.QueryUnescape: `+` is a space.
    return decode ? values.map(v => decodeURIComponent(v.replace(/\+/g, ' '))) : values;
}
/** moby.filesync.v1.FileSync: DiffCopy. */
function fileSyncService(options) {
    const DiffCopy = (call) => {
        const name = metadataValues(call.metadata, 'dir-name')?.[0] ?? '';
        const dir = options.dirs.get(name);
        if (!dir) {
            call.end(new GrpcError(GrpcStatus.NOT_FOUND, `no access allowed to dir "${name}"`));
            return;
        }
        const filter = {
            includePatterns: metadataValues(call.metadata, 'include-patterns'),
            excludePatterns: metadataValues(call.metadata, 'exclude-patterns'),
            followPaths: metadataValues(call.metadata, 'followpaths')
        };
        void sendDiffCopy(call, dir, filter, options.signal);
    };
    return { methods: [{ path: '/moby.filesync.v1.FileSync/DiffCopy', stream: DiffCopy }] };
}
/** fsutil's sender (send.go) over one DiffCopy call. */
async function sendDiffCopy(call, dir, filter, signal) {
    const files = new Map();
    const sizes = new Map();
    // Files the walk lists but fsutil's filterFS.Open refuses (walk.ts, `opens`): fsutil's sendFile then
    // sends only the closing DATA packet, so docker's image has them empty.
    const unopenable = new Set();
    const stats = newSyncStats();
    let ended = false;
    call.onClose(() => (ended = true));
    // Packets are queued without waiting for each to be written (see engine/session.ts); a sender only
    // waits when several MiB are queued.
    const write = async (parts) => {
        if (ended || call.closed)
            throw new Error('the build no longer reads the context');
        call.send(parts);
        await call.ready();
    };
    const fail = (message) => {
        if (ended)
            return;
        ended = true;
        call.send(encodePacket(PACKET_ERR, { data: Buffer.from(message) }));
        call.end();
    };
    // Requests are served in order, one file after the other (a file's DATA packets carry its id; fsutil's
    // four senders interleave them, which BuildKit takes either way). Small files are read synchronously,
    // a turn's worth at a time: for cached files that is a few microseconds each, where the promise API
    // costs four trips through libuv's threads per file, and the CPU is what a loaded runner lacks.
    // FIN is answered once every request before it is served.
    const requests = [];
    let serving = false;
    let finRequested = false;
    const serve = async () => {
        if (serving)
            return;
        serving = true;
        try {
            let turn = 0;
            while (!ended && requests.length > 0) {
                const id = requests.shift();
                const path = files.get(id);
                const size = sizes.get(id);
                files.delete(id);
                sizes.delete(id);
                if (path === undefined)
                    throw new Error(`invalid file id ${id}`);
                if (unopenable.delete(id)) {
                    call.send(encodePacket(PACKET_DATA, { ID: id }));
                    turn += sent(0);
                }
                else if (size !== undefined && size <= SYNC_FILE)
                    turn += sendSmallFile(id, path);
                else
                    turn += await sendFile(id, path);
                await call.ready();
                if (turn >= TURN_BYTES) {
                    turn = 0;
                    await new Promise(resolve => setImmediate(resolve));
                }
            }
            if (finRequested && !ended && requests.length === 0) {
                ended = true;
                call.send(encodePacket(PACKET_FIN));
                call.end();
            }
        }
        catch (error) {
            fail(error.message);
        }
        finally {
            serving = false;
        }
    };
    call.onMessage(message => {
        let packet;
        try {
            packet = decodePacket(message);
        }
        catch (error) {
            fail(error.message);
            return;
        }
        if (packet.type === PACKET_REQ) {
            requests.push(packet.ID);
            void serve();
        }
        else if (packet.type === PACKET_FIN) {
            finRequested = true;
            void serve();
        }
        else if (packet.type === PACKET_ERR) {
            // fsutil's sender stops with "error from receiver: \u2026"; BuildKit reports its own side.
            ended = true;
            call.end(new GrpcError(GrpcStatus.UNKNOWN, `error from receiver: ${packet.data.toString()}`));
        }
    });
    const sent = (size) => {
        stats.filesSent++;
        stats.bytesSent += size;
        return size;
    };
    const sendSmallFile = (id, path) => {
        let data;
        try {
            data = (0,external_node_fs_.readFileSync)(`${dir.path}/${path}`);
        }
        catch {
            // fsutil sends an empty file when it cannot open one (a socket, a file gone since the listing)
            data = Buffer.alloc(0);
        }
        for (let at = 0; at < data.length; at += CHUNK)
            call.send(encodePacket(PACKET_DATA, { ID: id, data: data.subarray(at, at + CHUNK) }));
        call.send(encodePacket(PACKET_DATA, { ID: id }));
        return sent(data.length);
    };
    const sendFile = async (id, path) => {
        let size = 0;
        try {
            const stream = (0,external_node_fs_.createReadStream)(`${dir.path}/${path}`, { highWaterMark: CHUNK });
            for await (const chunk of stream) {
                size += chunk.length;
                await write(encodePacket(PACKET_DATA, { ID: id, data: chunk }));
            }
        }
        catch (error) {
            if (ended)
                throw error;
            // as above: an empty file
        }
        await write(encodePacket(PACKET_DATA, { ID: id }));
        return sent(size);
    };
    try {
        const counts = { ignored: 0 };
        let index = 0;
        for await (const entry of (0,walk/* fsutilWalk */.T6)(dir.path, filter, counts, signal)) {
            const { info } = entry;
            const mode = goFileMode(info);
            const stat = {
                path: entry.path,
                mode,
                uid: 0, // BuildKit's client maps every entry to root (resetUIDAndGID)
                gid: 0,
                size: info.isDirectory() ? 0 : info.size,
                modTime: Math.round(info.mtimeMs * NS_PER_MS),
                linkname: info.isSymbolicLink() ? await (0,fs_async/* readlink */.h_)(entry.absolute) : ''
            };
            if (info.isBlockDevice() || info.isCharacterDevice()) {
                stat.devmajor = (info.rdev >> 8) & 0xfff;
                stat.devminor = (info.rdev & 0xff) | ((info.rdev >> 12) & 0xfff00);
            }
            // Only regular files have content to ask for (fsutil's fileCanRequestData).
            if ((mode & (GO_DIR + GO_SYMLINK + GO_DEVICE + GO_NAMED_PIPE + GO_CHAR_DEVICE)) === 0) {
                files.set(index, entry.path);
                sizes.set(index, info.size);
                if (entry.opens === false)
                    unopenable.add(index);
            }
            index++;
            await call.ready(STAT_QUEUE);
            await write(encodePacket(PACKET_STAT, { stat }));
        }
        stats.listed = index;
        stats.ignored = counts.ignored;
        // The largest call is the context itself; its counters are the ones reported (they keep counting).
        if (stats.listed >= dir.stats.listed)
            dir.stats = stats;
        await write(encodePacket(PACKET_STAT));
    }
    catch (error) {
        fail(error.message);
    }
}
/** moby.buildkit.secrets.v1.Secrets: GetSecret from the secrets given to the build. */
function secretsService(secrets) {
    return {
        methods: [
            {
                path: '/moby.buildkit.secrets.v1.Secrets/GetSecret',
                unary: request => {
                    // GetSecretRequest{ID = 1, annotations = 2}
                    let id = '';
                    for (const [field, value] of (0,protowire/* protoFields */.MB)(request))
                        if (field === 1)
                            id = (0,protowire/* asString */.oJ)(value);
                    const value = secrets.get(id);
                    // BuildKit turns NotFound into "secret <id>: not found" (session/secrets/secrets.go).
                    if (value === undefined)
                        throw new GrpcError(GrpcStatus.NOT_FOUND, `secret ${id} not found`);
                    return new protowire/* ProtoWriter */.oQ().bytes(1, value).finish(); // GetSecretResponse{data = 1}
                }
            }
        ]
    };
}
/** moby.filesync.v1.Auth: Credentials for a registry host (anonymous when there are none). */
function authService(credentialsFor) {
    return {
        methods: [
            {
                path: '/moby.filesync.v1.Auth/Credentials',
                unary: async (request) => {
                    // CredentialsRequest{Host = 1} \u2192 CredentialsResponse{Username = 1, Secret = 2}
                    let host = '';
                    for (const [field, value] of (0,protowire/* protoFields */.MB)(request))
                        if (field === 1)
                            host = (0,protowire/* asString */.oJ)(value);
                    const auth = await credentialsFor(host === 'registry-1.docker.io' || host === 'index.docker.io' ? 'docker.io' : host);
                    const response = new protowire/* ProtoWriter */.oQ();
                    if (auth?.identitytoken)
                        response.string(2, auth.identitytoken);
                    else if (auth)
                        response.string(1, auth.username).string(2, auth.password);
                    return response.finish();
                }
            }
        ]
    };
}

// EXTERNAL MODULE: ./src/build/ignore.ts + 1 modules
var ignore = __webpack_require__(5378);
;// CONCATENATED MODULE: ./src/build/dockerfile.ts
// What the build stage needs to know about the Dockerfile: its stages and instructions with their
// lines, so a builder's step ("Step 7/9 : RUN make", "[build 3/5] RUN make") can be mapped back to the
// line a developer should look at. Parsing (escape directive, continuations, comments) is dockerfile-ast's.


// BuildKit numbers only the instructions that become build steps: "[2/3]" counts these within a stage.
const STEP_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);
/**
 * dockerfile-ast (with vscode-languageserver-types, ~290 KB) is loaded here, only by runs that build. Given
 * the file's read still pending, the load and the read overlap (and both, the engine's replies).
 */
async function parseDockerfile(text) {
    const [{ DockerfileParser }, content] = await Promise.all([__webpack_require__.e(/* import() */ 839).then(__webpack_require__.bind(__webpack_require__, 8390)), text]);
    const document = DockerfileParser.parse(content);
    const instructions = [];
    const stages = [];
    for (const parsed of document.getInstructions()) {
        const keyword = parsed.getKeyword().toUpperCase();
        const instruction = {
            keyword,
            text: (0,format/* oneLine */.TN)(parsed.toString()),
            line: parsed.getRange().start.line + 1,
            stage: keyword === 'FROM' ? stages.length : stages.length - 1
        };
        instructions.push(instruction);
        if (keyword === 'FROM') {
            const args = parsed.getArguments().map(a => a.getValue());
            const asIndex = args.findIndex(a => a.toLowerCase() === 'as');
            // FROM [--platform=...] image [AS name]
            const positional = args.filter(a => !a.startsWith('--'));
            stages.push({
                index: stages.length,
                name: asIndex >= 0 && args[asIndex + 1] ? args[asIndex + 1].toLowerCase() : undefined,
                image: positional[0] ?? '',
                from: instruction,
                instructions: [instruction]
            });
        }
        else if (instruction.stage >= 0) {
            stages[instruction.stage].instructions.push(instruction);
        }
    }
    return { instructions, stages };
}
/** Classic builder: "Step N/M : TEXT" counts every instruction in the file, ARGs before FROM included. */
function locateClassicStep(dockerfile, step, text) {
    const wanted = comparable(text);
    const byNumber = dockerfile.instructions[step - 1];
    if (byNumber && comparable(byNumber.text) === wanted)
        return byNumber;
    // Not in the file at all: the classic builder appends a LABEL step per `labels` build option.
    return dockerfile.instructions.find(i => comparable(i.text) === wanted);
}
/** Splits a BuildKit vertex name "[stage 2/3] RUN make" into its parts; undefined for other vertices. */
function parseVertexName(name) {
    const match = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.+)$/s.exec(name);
    if (!match)
        return undefined;
    return { stage: match[1], index: Number(match[2]), total: Number(match[3]), text: match[4] };
}
/** BuildKit: the instruction behind a vertex named "[stage i/n] TEXT". */
function locateVertex(dockerfile, name) {
    const vertex = parseVertexName(name);
    if (!vertex)
        return undefined;
    const stage = findStage(dockerfile, vertex.stage);
    const keyword = vertex.text.split(/\s/, 1)[0].toUpperCase();
    const wanted = comparable(vertex.text);
    if (stage) {
        // BuildKit prints FROM with the image resolved ("docker.io/library/busybox:latest"): the stage's FROM.
        if (keyword === 'FROM')
            return stage.from;
        const steps = stage.instructions.filter(i => STEP_KEYWORDS.has(i.keyword));
        const byIndex = steps[vertex.index - 1];
        if (byIndex && comparable(byIndex.text) === wanted)
            return byIndex;
        return stage.instructions.find(i => comparable(i.text) === wanted) ?? byIndex;
    }
    // BuildKit shares one vertex between builds that run at once and names it after the first of them,
    // so a FROM can come with another Dockerfile's stage name: the stage that starts from that image.
    if (keyword === 'FROM')
        return stageFromImage(dockerfile, vertex.text)?.from;
    return dockerfile.instructions.find(i => comparable(i.text) === wanted);
}
/** The first stage whose FROM names the image of a vertex's `FROM <image>[@digest]` (ARG defaults expanded). */
function stageFromImage(dockerfile, text) {
    const image = text
        .split(/\s+/)
        .slice(1)
        .find(word => !word.startsWith('--'))
        ?.replace(/@sha256:[0-9a-f]+$/, '');
    if (!image)
        return undefined;
    const args = globalArgs(dockerfile);
    return dockerfile.stages.find(stage => (0,image_reference/* sameReference */.kP)(expandArgs(stage.image, args), image));
}
/** The defaults of the ARGs declared before the first FROM. */
function globalArgs(dockerfile) {
    const args = {};
    for (const instruction of dockerfile.instructions) {
        if (instruction.stage !== -1 || instruction.keyword !== 'ARG')
            continue;
        const [name, ...value] = instruction.text.replace(/^ARG\s+/i, '').split('=');
        if (name)
            args[name.trim()] = value.join('=');
    }
    return args;
}
function findStage(dockerfile, label) {
    const { stages } = dockerfile;
    if (label === undefined)
        return stages.length === 1 ? stages[0] : undefined;
    const lower = label.toLowerCase();
    const named = stages.find(s => s.name === lower);
    if (named)
        return named;
    const numbered = /^stage-(\d+)$/.exec(lower);
    return numbered ? stages[Number(numbered[1])] : undefined;
}
/** The line an engine names in a Dockerfile syntax error ("dockerfile parse error line 3", "Dockerfile:3"). */
function lineInMessage(message) {
    const match = /parse error (?:on )?line (\d+)/i.exec(message) ?? /Dockerfile[\w.-]*:(\d+)\b/i.exec(message);
    return match ? Number(match[1]) : undefined;
}
/** The instruction that starts at (or spans) a line. */
function instructionAtLine(dockerfile, line) {
    let found;
    for (const instruction of dockerfile.instructions) {
        if (instruction.line <= line)
            found = instruction;
    }
    return found && found.line === line ? found : undefined;
}
/**
 * The base images the build may pull, with ARGs expanded (defaults of ARGs before the first FROM,
 * overridden by build-args). FROMs naming an earlier stage are left out.
 */
function baseImages(dockerfile, buildArgs) {
    const args = { ...globalArgs(dockerfile), ...buildArgs };
    const images = [];
    const stageNames = new Set();
    for (const stage of dockerfile.stages) {
        const image = expandArgs(stage.image, args);
        if (image && !stageNames.has(image.toLowerCase()) && image !== 'scratch')
            images.push(image);
        if (stage.name)
            stageNames.add(stage.name);
    }
    return [...new Set(images)];
}
/** The stage whose base image is `reference` (compared in normalised form), for "base image not found". */
function stageWithBase(dockerfile, reference, buildArgs) {
    const images = baseImages(dockerfile, buildArgs);
    const image = images.find(i => (0,image_reference/* sameReference */.kP)(i, reference));
    if (!image)
        return undefined;
    return dockerfile.stages.find(s => s.image === image) ?? dockerfile.stages.find(s => s.image.includes('$'));
}
function expandArgs(text, args) {
    return text.replace(/\$\{(\w+)(?::?([-+])([^}]*))?\}|\$(\w+)/g, (_all, braced, op, word, bare) => {
        const value = args[(braced ?? bare)];
        if (op === '-')
            return value ? value : word;
        if (op === '+')
            return value ? word : '';
        return value ?? '';
    });
}
/** Text for comparing an instruction printed by a builder with one parsed here. */
function comparable(text) {
    const collapsed = (0,format/* oneLine */.TN)(text);
    const space = collapsed.indexOf(' ');
    return space === -1
        ? collapsed.toUpperCase()
        : collapsed.slice(0, space).toUpperCase() + collapsed.slice(space);
}

// EXTERNAL MODULE: ./src/lines.ts
var lines = __webpack_require__(9488);
;// CONCATENATED MODULE: ./src/build/events.ts
// The build endpoint answers with newline-delimited JSON. Both builders' events are classified here;
// BuildKit's arrive as `moby.buildkit.trace` events whose `aux` is a base64 protobuf StatusResponse,
// which dockerode 5.0.1 passes through undecoded. The stream is parsed here rather than with
// modem.followProgress, which throws on a line that is not JSON and reports a failed build as success.


/** Every event of a build response stream, in order. Blank lines are skipped. */
async function* buildEvents(stream) {
    const splitter = new lines/* LineSplitter */.g();
    for await (const chunk of stream) {
        for (const line of splitter.push(chunk))
            yield* parseLine(line);
    }
    for (const line of splitter.end())
        yield* parseLine(line);
}
/** The events in one line of the response (usually one; none for a blank line). */
function parseLine(line) {
    const trimmed = line.trim();
    if (trimmed === '')
        return [];
    let json;
    try {
        json = JSON.parse(trimmed);
    }
    catch {
        return [{ kind: 'text', text: line.replace(/\r$/, '') }];
    }
    if (typeof json !== 'object' || json === null)
        return [{ kind: 'text', text: trimmed }];
    return [classify(json)];
}
function classify(event) {
    const detail = event.errorDetail;
    if (event.error !== undefined || detail !== undefined) {
        const message = String(detail?.message ?? event.error ?? 'the build failed');
        return { kind: 'error', message, code: typeof detail?.code === 'number' ? detail.code : undefined };
    }
    if (event.id === 'moby.buildkit.trace' && typeof event.aux === 'string') {
        return { kind: 'trace', status: decodeBuildKitStatus(event.aux) };
    }
    const aux = event.aux;
    if (aux && typeof aux.ID === 'string')
        return { kind: 'image', id: aux.ID };
    if (typeof event.stream === 'string')
        return { kind: 'stream', text: event.stream };
    if (typeof event.status === 'string') {
        const progress = event.progressDetail;
        return {
            kind: 'pull',
            status: event.status,
            id: typeof event.id === 'string' ? event.id : undefined,
            current: typeof progress?.current === 'number' ? progress.current : undefined,
            total: typeof progress?.total === 'number' ? progress.total : undefined
        };
    }
    return { kind: 'text', text: JSON.stringify(event) };
}
// moby.buildkit.v1.StatusResponse, the fields this module reads (buildkit api/services/control
// control.proto): vertexes 1 (Vertex: digest 1, name 3, cached 4, started 5, completed 6, error 7),
// statuses 2 (VertexStatus: ID 1, vertex 2, name 3, current 4, total 5, completed 8), logs 3 (VertexLog:
// vertex 1, msg 4), warnings 4 (VertexWarning: short 3). A Timestamp field is "set" when present.
function decodeVertex(message) {
    const vertex = { digest: '', name: '', cached: false, started: false, completed: false };
    for (const [field, value] of (0,protowire/* protoFields */.MB)(message)) {
        if (field === 1)
            vertex.digest = (0,protowire/* asString */.oJ)(value);
        else if (field === 3)
            vertex.name = (0,protowire/* asString */.oJ)(value);
        else if (field === 4)
            vertex.cached = (0,protowire/* asUint */.ZC)(value) !== 0;
        else if (field === 5)
            vertex.started = true;
        else if (field === 6)
            vertex.completed = true;
        else if (field === 7)
            vertex.error = (0,protowire/* asString */.oJ)(value) || undefined;
    }
    return vertex;
}
function decodeVertexStatus(message) {
    const status = {
        id: '',
        vertex: '',
        name: '',
        current: 0,
        total: 0,
        completed: false
    };
    for (const [field, value] of (0,protowire/* protoFields */.MB)(message)) {
        if (field === 1)
            status.id = (0,protowire/* asString */.oJ)(value);
        else if (field === 2)
            status.vertex = (0,protowire/* asString */.oJ)(value);
        else if (field === 3)
            status.name = (0,protowire/* asString */.oJ)(value);
        else if (field === 4)
            status.current = Number((0,protowire/* asInt64 */.yc)(value));
        else if (field === 5)
            status.total = Number((0,protowire/* asInt64 */.yc)(value));
        else if (field === 8)
            status.completed = true;
    }
    return status;
}
/** Decodes the base64 protobuf of a `moby.buildkit.trace` event. A malformed one decodes to nothing. */
function decodeBuildKitStatus(base64) {
    const status = { vertexes: [], statuses: [], logs: [], warnings: [] };
    try {
        for (const [field, value] of (0,protowire/* protoFields */.MB)(Buffer.from(base64, 'base64'))) {
            const message = (0,protowire/* asBytes */.Yd)(value);
            if (field === 1)
                status.vertexes.push(decodeVertex(message));
            else if (field === 2)
                status.statuses.push(decodeVertexStatus(message));
            else if (field === 3) {
                const log = { vertex: '', text: '' };
                for (const [f, v] of (0,protowire/* protoFields */.MB)(message)) {
                    if (f === 1)
                        log.vertex = (0,protowire/* asString */.oJ)(v);
                    else if (f === 4)
                        log.text = (0,protowire/* asString */.oJ)(v);
                }
                status.logs.push(log);
            }
            else if (field === 4) {
                let text = '';
                for (const [f, v] of (0,protowire/* protoFields */.MB)(message))
                    if (f === 3)
                        text = (0,protowire/* asString */.oJ)(v);
                status.warnings.push(text);
            }
        }
    }
    catch {
        return { vertexes: [], statuses: [], logs: [], warnings: [] };
    }
    return status;
}

;// CONCATENATED MODULE: ./src/build/progress.ts
// Turns build events into a compact log and into facts: the steps (with cached flags and Dockerfile
// lines), the image ID, the error, the step that failed, and what the classic builder left on the
// engine. Every line written here is untrusted (it is the build's output) and goes to one
// UntrustedBlock; the last lines are kept for the failure summary.



const TAIL_LINES = 30;
const HEARTBEAT_MS = 5_000;
// BuildKit bookkeeping vertices that say nothing to a developer.
const QUIET_VERTICES = [
    /^\[internal\] load remote build context$/,
    /^copy \/context \/$/,
    /^\[internal\] load (build definition|\.dockerignore)/
];
class BuildProgress {
    out;
    dockerfile;
    now;
    steps = [];
    /** The image the build produced (the last one reported: classic reports one per stage). */
    imageId;
    /** The engine's error message, when the build failed. */
    error;
    /** The step that failed, when the builder says which. */
    failedStep;
    /** Classic builder: containers it started and intermediate images it created during this build. */
    classicContainers = new Set();
    classicImages = [];
    tailLines = [];
    classicText = new lines/* LineSplitter */.g();
    currentClassicStep;
    classicStepReusesImage = false;
    vertices = new Map();
    vertexText = new Map();
    lastLogVertex;
    vertexErrors = new Set();
    pulls = new Map();
    statusPhases = new Map();
    lastWriteAt;
    constructor(out, dockerfile, now = Date.now) {
        this.out = out;
        this.dockerfile = dockerfile;
        this.now = now;
        this.lastWriteAt = now();
    }
    /** The Dockerfile, once parsed, when the build was started before it was (BuildKit: see build.ts). */
    useDockerfile(dockerfile) {
        this.dockerfile = dockerfile;
    }
    handle(event) {
        switch (event.kind) {
            case 'stream':
                for (const line of this.classicText.push(event.text))
                    this.classicLine(line);
                break;
            case 'pull':
                this.pullEvent(event);
                break;
            case 'image':
                this.imageId = event.id;
                break;
            case 'trace':
                this.trace(event.status);
                break;
            case 'error':
                this.flush();
                this.error = event.message;
                if (!this.failedStep && this.currentClassicStep)
                    this.failedStep = this.currentClassicStep;
                // BuildKit reports the failing vertex's error, then the same words as the build's error.
                if (!this.vertexErrors.has(event.message))
                    this.write(`ERROR: ${event.message}`);
                break;
            case 'text':
                this.write(event.text);
                break;
        }
    }
    /** Writes what is still buffered (a last line without a newline). */
    flush() {
        for (const line of this.classicText.end())
            this.classicLine(line);
        for (const [vertex, splitter] of this.vertexText) {
            for (const line of splitter.end())
                this.logLine(vertex, line);
        }
    }
    /** The last lines written (at most 30). */
    tail() {
        return [...this.tailLines];
    }
    write(line) {
        const clean = line.replace(/\r$/, '');
        this.out.write(clean);
        this.lastWriteAt = this.now();
        for (const piece of clean.split(/\r?\n|\r/)) {
            this.tailLines.push(piece);
            if (this.tailLines.length > TAIL_LINES)
                this.tailLines.shift();
        }
    }
    // Classic builder ---------------------------------------------------------------------------------
    classicLine(line) {
        const step = /^Step (\d+)\/(\d+) : (.*)$/.exec(line);
        if (step) {
            const text = step[3];
            const instruction = locateClassicStep(this.dockerfile, Number(step[1]), text);
            const from = /^FROM\s/i.test(text);
            // The classic builder says "Using cache" or nothing; for FROM it has nothing to say.
            this.currentClassicStep = {
                instruction: text,
                line: instruction?.line,
                cached: from ? undefined : false
            };
            // A FROM step prints the base image's ID, which this build did not create.
            this.classicStepReusesImage = from;
            // LABEL steps the builder made up for the `labels` option are not the Dockerfile's steps.
            if (instruction || !/^LABEL\s/i.test(text))
                this.steps.push(this.currentClassicStep);
            this.write(line);
            return;
        }
        if (line === ' ---> Using cache') {
            if (this.currentClassicStep)
                this.currentClassicStep.cached = true;
            this.classicStepReusesImage = true;
            this.write(line);
            return;
        }
        const running = /^ ---> Running in ([0-9a-f]+)$/.exec(line);
        if (running) {
            this.classicContainers.add(running[1]);
            return;
        }
        const removed = /^Removing intermediate container ([0-9a-f]+)$/.exec(line);
        if (removed) {
            this.classicContainers.delete(removed[1]);
            return;
        }
        const image = /^ ---> ([0-9a-f]{12,64})$/.exec(line);
        if (image) {
            if (!this.classicStepReusesImage)
                this.classicImages.push(image[1]);
            return;
        }
        this.write(line);
    }
    // Pulls (classic builder): a line per layer phase change, a heartbeat while bytes move ----------
    pullEvent(event) {
        const phase = event.status;
        if (!event.id) {
            this.write(phase);
            return;
        }
        const state = this.pulls.get(event.id);
        if (!state || state.phase !== phase) {
            this.pulls.set(event.id, { phase, current: event.current, total: event.total });
            this.write(`${event.id}: ${phase}`);
            return;
        }
        state.current = event.current ?? state.current;
        state.total = event.total ?? state.total;
        this.heartbeat();
    }
    heartbeat() {
        if (this.now() - this.lastWriteAt < HEARTBEAT_MS)
            return;
        const moving = [...this.pulls.entries()].filter(([, s]) => s.total && s.current !== undefined);
        if (moving.length === 0)
            return;
        const parts = moving.map(([id, s]) => `${id} ${s.phase.toLowerCase()} ${(0,format/* formatBytes */.z3)(s.current)}/${(0,format/* formatBytes */.z3)(s.total)}`);
        this.write(`\u2026 ${parts.join(', ')}`);
    }
    // BuildKit -------------------------------------------------------------------------------------
    trace(status) {
        for (const vertex of status.vertexes) {
            let state = this.vertices.get(vertex.digest);
            if (!state) {
                state = { name: vertex.name, announced: false, cachedShown: false };
                const parsed = parseVertexName(vertex.name);
                if (parsed) {
                    state.step = { instruction: parsed.text, line: locateVertex(this.dockerfile, vertex.name)?.line };
                    this.steps.push(state.step);
                }
                this.vertices.set(vertex.digest, state);
            }
            const quiet = QUIET_VERTICES.some(re => re.test(vertex.name));
            if (state.step)
                state.step.cached = vertex.cached || (state.step.cached ?? false);
            if (vertex.cached && !state.cachedShown && !quiet) {
                state.cachedShown = true;
                state.announced = true;
                this.lastLogVertex = vertex.digest;
                this.write(`${vertex.name}: cached`);
            }
            else if (vertex.started && !vertex.cached && !state.announced && !quiet) {
                state.announced = true;
                this.lastLogVertex = vertex.digest;
                this.write(vertex.name);
            }
            if (vertex.error) {
                if (state.step && !this.failedStep)
                    this.failedStep = state.step;
                if (!this.vertexErrors.has(vertex.error))
                    this.write(`ERROR: ${vertex.name}: ${vertex.error}`);
                this.vertexErrors.add(vertex.error);
            }
        }
        for (const log of status.logs) {
            let splitter = this.vertexText.get(log.vertex);
            if (!splitter)
                this.vertexText.set(log.vertex, (splitter = new lines/* LineSplitter */.g()));
            for (const line of splitter.push(log.text))
                this.logLine(log.vertex, line);
        }
        for (const s of status.statuses) {
            // Layers being pulled, the export, the naming: a line when each starts and when its phase changes.
            const phase = s.completed ? 'done' : s.name || 'started';
            const previous = this.statusPhases.get(s.id);
            this.statusPhases.set(s.id, phase);
            if (s.completed)
                this.pulls.delete(s.id);
            else if (s.total > 0)
                this.pulls.set(s.id, { phase: s.name || 'downloading', current: s.current, total: s.total });
            // Steps without a byte count (exporting, naming) get one line, when done.
            if (s.total === 0 && previous === undefined && !s.completed)
                continue;
            if (previous === undefined)
                this.write(s.completed ? `${s.id}: done` : `${s.id} (${(0,format/* formatBytes */.z3)(s.total)})`);
            else if (previous !== phase)
                this.write(`${s.id}: ${phase}`);
        }
        if (status.statuses.length > 0)
            this.heartbeat();
        for (const warning of status.warnings)
            this.write(`WARNING: ${warning.trim()}`);
    }
    logLine(vertex, line) {
        // Output of steps running in parallel interleaves: name the step whenever the speaker changes.
        if (this.lastLogVertex !== vertex) {
            const name = this.vertices.get(vertex)?.name;
            if (name)
                this.write(name);
            this.lastLogVertex = vertex;
        }
        this.write(line);
    }
}

// EXTERNAL MODULE: ./src/stage.ts
var stage = __webpack_require__(1741);
;// CONCATENATED MODULE: ./src/build/build.ts
























/** BuildKit through the build endpoint (`version=2`) and the session endpoint arrived in API 1.39. */
const BUILDKIT_MIN_API = '1.39';
/**
 * dockerd's classic builder, looking for a cached step, lists the images that could hold it and then reads
 * each; one removed in between (another job pruning a shared engine) fails the build with these words
 * (moby daemon/images/cache.go, getLocalCachedImage). Nothing in the user's build is wrong: built again, once.
 */
const LOST_CACHE_CANDIDATE = /^unable to find image "sha256:[0-9a-f]{64}"$/;
/** The Dockerfile before it is parsed: no instruction, so no step is placed on a line. */
const UNPARSED = { instructions: [], stages: [] };
/** Why the target stage cannot be built (it is not among the Dockerfile's named stages), or undefined. */
function missingTarget(dockerfile, target, file) {
    if (!target || dockerfile.stages.some(s => s.name === target.toLowerCase()))
        return undefined;
    const names = dockerfile.stages.map(s => s.name).filter(Boolean);
    return `The target stage "${target}" is not in ${file} (${names.length ? `its named stages: ${names.join(', ')}` : 'it names no stages with FROM ... AS name'}).`;
}
/**
 * The build stage: packs the context, builds through the Engine API, and reports what came of it. A
 * failure is annotated on the Dockerfile line that failed (the red X on the PR points at it).
 */
async function buildImage(input) {
    const started = Date.now();
    let outcome = await build(input, started);
    if (outcome.builder === 'classic' && LOST_CACHE_CANDIDATE.test(outcome.failure?.message ?? '')) {
        input.log.info(`The engine lost an image while it looked for cached build steps (${outcome.failure.message}): something removed images meanwhile. Building again.`);
        outcome = await build(input, started);
    }
    const { failure } = outcome;
    if (failure) {
        input.log.error(failure.message, {
            title: failure.instruction ? `Build failed at ${failure.instruction}` : 'Build failed',
            file: failure.file,
            startLine: failure.line
        });
    }
    return {
        ...outcome,
        problems: failure ? [`Build failed: ${failure.message}`] : [],
        ...(0,stage/* stageTimes */.L)(started, outcome.status === 'skipped' ? started : Date.now())
    };
}
/** Whether the build stage will build (not skip): build true, or auto with a Dockerfile at `file`. */
function buildExpected(options) {
    return options.mode === 'true' || (options.mode === 'auto' && isFile(options.file));
}
async function build(input, started) {
    const { client, options, env, log, signal } = input;
    const file = (0,external_node_path_.relative)(env.workspace, options.file).split(external_node_path_.sep).join('/') || options.file;
    const skipped = (reason) => ({
        status: 'skipped',
        skippedReason: reason,
        tags: options.tags,
        steps: []
    });
    const failed = (failure, extra = {}) => ({
        status: 'failed',
        tags: options.tags,
        steps: [],
        ...extra,
        failure: { file, tail: [], ...failure }
    });
    if (options.mode === 'false')
        return skipped('build is false');
    if (!isFile(options.file)) {
        if (options.mode === 'auto')
            return skipped(`there is no Dockerfile at ${file}`);
        return failed({
            message: `There is no Dockerfile at ${file}. Set the file input to the Dockerfile's path, or build: auto to skip the build when there is none.`
        });
    }
    (0,errors/* throwIfAborted */.Te)(signal);
    const text = (0,fs_async/* readFile */.TA)(options.file, 'utf8');
    text.catch(() => { });
    const choice = await chooseBuilder(client, options.builder, signal);
    if ('problem' in choice)
        return failed({ message: choice.problem });
    const builder = choice.builder;
    if (choice.note)
        log[options.builder === 'buildkit' ? 'warning' : 'info'](choice.note);
    // The classic builder takes the base images' registry credentials with the request, so it needs the
    // parsed Dockerfile first. BuildKit asks for a registry's credentials over the session when it needs
    // them, so there the Dockerfile is parsed once the build is under way: loading the parser and parsing
    // (~15 ms of this process's CPU) then overlaps the engine's work instead of delaying its start.
    const logFound = (found) => log.debug(`Registry credentials for ${found.registry} from ${found.source}`);
    let dockerfile;
    let credentials = [];
    if (builder === 'classic') {
        dockerfile = await parseDockerfile(text);
        const missing = missingTarget(dockerfile, options.target, file);
        if (missing)
            return failed({ message: missing });
        credentials = await (0,build_credentials/* findCredentials */.gD)(baseImages(dockerfile, options.buildArgs).map(build_credentials/* registryOf */.Fv), input.processEnv);
        credentials.forEach(logFound);
    }
    // A .dockerignore docker refuses is refused here too, before anything reaches the engine.
    const checked = new Set();
    for (const dir of [
        options.context,
        ...options.buildContexts.filter(c => c.kind === 'local').map(c => c.source)
    ]) {
        for (const name of dir === options.context
            ? [`${(0,external_node_path_.basename)(options.file)}.dockerignore`, '.dockerignore']
            : ['.dockerignore']) {
            const path = name === '.dockerignore' ? (0,external_node_path_.join)(dir, name) : (0,external_node_path_.join)((0,external_node_path_.dirname)(options.file), name);
            const file = workspacePath(env.workspace, path);
            const text = await (0,ignore/* readOptional */.T9)(path);
            try {
                const read = (0,ignore/* parseIgnoreFile */.a0)(text, file);
                // The file docker uses (BuildKit: the Dockerfile's own one first; the classic CLI reads only
                // .dockerignore): a line Go's regexp refuses fails the build when the walk reaches it, so find
                // out now and name the line.
                if (text !== undefined && !checked.has(dir) && (builder === 'buildkit' || name === '.dockerignore')) {
                    checked.add(dir);
                    const index = await (0,walk/* refusedPatternIndex */.Dj)(dir, read.patterns, builder, signal);
                    if (index !== undefined)
                        throw new ignore/* IgnoreFileError */.de(ignore/* BAD_PATTERN */.$z, read.lines[index], file);
                }
            }
            catch (error) {
                if (!(error instanceof ignore/* IgnoreFileError */.de))
                    throw error;
                return failed({
                    message: `${error.file} line ${error.line ?? '?'} is refused by docker: ${error.reason}`,
                    file: error.file,
                    line: error.line
                });
            }
        }
    }
    if (builder === 'classic' && options.secrets.length > 0)
        return failed({ message: classicCannot('secrets (secrets, secret-files, secret-envs)') });
    if (builder === 'classic' && options.buildContexts.length > 0)
        return failed({ message: classicCannot('named build contexts (build-contexts)') });
    if (builder === 'buildkit' && options.buildContexts.length > 0) {
        const problem = await namedContextsProblem(client, signal);
        if (problem)
            return failed({ message: problem });
    }
    const cacheFrom = await usableCacheFrom(client, builder, options.cacheFrom, log, signal);
    const buildOptions = {
        t: options.tags,
        buildargs: options.buildArgs,
        labels: { ...options.labels, ...input.labels },
        target: options.target,
        platform: options.platform,
        nocache: options.noCache,
        pull: options.pull,
        rm: true,
        forcerm: true, // a failed classic step leaves no container behind
        cachefrom: cacheFrom.length > 0 ? JSON.stringify(cacheFrom) : undefined,
        version: builder === 'buildkit' ? '2' : '1'
    };
    for (const key of Object.keys(buildOptions))
        if (buildOptions[key] === undefined)
            delete buildOptions[key];
    log.info(`Building ${file} with ${builder === 'buildkit' ? 'BuildKit' : 'the classic builder'}, tags: ${options.tags.join(', ')}`);
    const block = log.untrusted(`Build ${options.tags[0] ?? ''}`.trim());
    const progress = new BuildProgress(block, dockerfile ?? UNPARSED);
    let cancelled = false;
    let sent;
    // Stops a BuildKit build whose target the Dockerfile turns out not to have (known only once it is parsed).
    const stopBuild = (0,signals/* childController */.xM)(signal);
    try {
        const request = {
            client,
            options,
            credentials,
            credentialsFor: (0,build_credentials/* credentialsOnDemand */.JZ)(input.processEnv, logFound),
            signal: stopBuild.controller.signal,
            traceFile: input.processEnv.PREFLIGHT_H2_TRACE || undefined
        };
        sent =
            builder === 'buildkit'
                ? options.buildContexts.length > 0
                    ? await startControlBuild(request, { ...options.labels, ...input.labels })
                    : await startSessionBuild(request, buildOptions)
                : await startTarBuild(request, buildOptions);
        if (!dockerfile) {
            dockerfile = await parseDockerfile(text);
            progress.useDockerfile(dockerfile);
            const missing = missingTarget(dockerfile, options.target, file);
            if (missing) {
                sent.response.catch(() => { });
                stopBuild.controller.abort(new errors/* CancelledError */.cc('the target stage is not in the Dockerfile'));
                return failed({ message: missing }, { builder });
            }
        }
        for await (const event of buildEvents(await sent.response))
            progress.handle(event);
        progress.flush();
    }
    catch (error) {
        progress.flush();
        if (signal?.aborted)
            cancelled = true;
        else {
            const sendError = await sent?.failure();
            progress.handle({
                kind: 'error',
                message: sendError
                    ? `Could not send the build context: ${(0,errors/* messageOf */.bD)(sendError)}`
                    : client.error(error, 'running the build').message
            });
        }
    }
    finally {
        stopBuild.dispose();
        sent?.close();
        block.close();
    }
    if (cancelled || progress.error) {
        await removeLeftovers(client, progress, builder);
        if (cancelled)
            throw new errors/* CancelledError */.cc('the build was cancelled');
    }
    const steps = progress.steps;
    if (progress.error) {
        return failed(describeFailure(progress, dockerfile ?? UNPARSED, options.buildArgs), { builder, steps });
    }
    if (!progress.imageId) {
        return failed({ message: 'The engine finished the build without reporting an image ID.', tail: progress.tail() }, { builder, steps });
    }
    input.onImage?.({ id: progress.imageId, reference: options.tags[0] ?? progress.imageId });
    const image = await client.images.inspect(progress.imageId, signal);
    if (!image) {
        return failed({
            message: `The engine reported image ${progress.imageId}, but has no such image.`,
            tail: progress.tail()
        }, { builder, steps });
    }
    const context = await sent.stats();
    // The size as `docker image ls` shows it (inventory/image-size.ts): inspect's Size on a graph driver,
    // else a listing, which here would compete with the built image's container create and start.
    const sizeBytes = await (0,image_size/* inspectedImageSize */.ko)(client, image, signal).catch((error) => {
        if (signal?.aborted)
            throw new errors/* CancelledError */.cc('the build was cancelled');
        log.warning(`Could not read the size of ${image.Id}: ${(0,errors/* messageOf */.bD)(error)}`);
        return undefined;
    });
    const missing = options.tags.filter(tag => !(image.RepoTags ?? []).some(t => (0,image_reference/* sameReference */.kP)(t, tag)));
    if (missing.length > 0)
        log.warning(`The engine did not apply the tags ${missing.join(', ')} to ${image.Id}`);
    log.info(`Built ${image.Id} (${sizeBytes === undefined ? 'size unknown' : (0,format/* formatBytes */.z3)(sizeBytes)}, ${image.RootFS?.Layers?.length ?? 0} layers) in ${(0,format/* formatDuration */.a3)(Date.now() - started)}; context: ${context.files} files, ${(0,format/* formatBytes */.z3)(context.bytes)}, ${context.ignored} ignored by .dockerignore`);
    return {
        status: 'built',
        imageId: image.Id,
        tags: options.tags,
        sizeBytes,
        layers: image.RootFS?.Layers?.length,
        builder,
        steps,
        context
    };
}
/** The classic builder: the context as one tar in the request body (context.ts). */
async function startTarBuild(request, query) {
    const { client, options, credentials, signal } = request;
    // Loaded here: the tar packer (tar-stream, ~15 ms to evaluate) is only for classic builds.
    const { packContext } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(327)]).then(__webpack_require__.bind(__webpack_require__, 3327));
    const packed = packContext({ context: options.context, dockerfile: options.file, signal });
    let packError;
    packed.done.catch((error) => (packError = error));
    return {
        response: client.build.image(packed.stream, { ...query, dockerfile: packed.dockerfileName }, credentials.length > 0 ? (0,build_credentials/* registryConfig */.uw)(credentials) : undefined, signal),
        stats: () => packed.done,
        failure: async () => packError,
        close: () => { }
    };
}
/**
 * BuildKit: the context, the Dockerfile's directory and each local named context are served through a
 * session (filesync.ts) as `docker build` with BuildKit serves them; /build is told `remote=client-session`,
 * so BuildKit's Dockerfile frontend reads .dockerignore itself and asks for what it needs.
 */
async function startSessionBuild(request, query) {
    const { client, options, signal } = request;
    const { session, stats } = await openBuildSession(request);
    const response = client.build.request({ ...query, dockerfile: (0,external_node_path_.basename)(options.file), remote: 'client-session', session: session.id }, signal);
    return {
        response,
        stats,
        failure: async () => undefined,
        close: () => session.close()
    };
}
/**
 * The session a BuildKit build reads from: the context, the Dockerfile's directory and each local named
 * context (filesync.ts), the build's secrets and registry credentials. `stats`: what was sent of the context.
 */
async function openBuildSession(request) {
    const { client, options, credentialsFor, signal } = request;
    const context = { path: options.context, stats: newSyncStats() };
    const dirs = new Map([
        ['context', context],
        ['dockerfile', { path: (0,external_node_path_.dirname)(options.file), stats: newSyncStats() }]
    ]);
    for (const named of options.buildContexts)
        if (named.kind === 'local')
            dirs.set(named.name, { path: named.source, stats: newSyncStats() });
    const session = await openSession(client, {
        // Like the docker CLI's getBuildSharedKey: the same directory on the same machine shares BuildKit's
        // copy of it, so the next build only transfers what changed. The CLI hashes with SHA-256; any stable
        // digest does (src/ids.ts).
        sharedKey: (0,ids/* stableKey */.p0)(`${(0,external_node_os_.hostname)()}:${options.context}`),
        traceFile: request.traceFile,
        services: [
            fileSyncService({ dirs, signal }),
            secretsService(new Map(options.secrets.map(s => [s.id, s.value]))),
            authService(credentialsFor)
        ]
    }, signal);
    const stats = async () => ({
        files: context.stats.filesSent,
        bytes: context.stats.bytesSent,
        ignored: context.stats.ignored,
        listed: context.stats.listed
    });
    return { session, stats };
}
/**
 * Named contexts are Dockerfile frontend attributes (`context:<name>`), which the engine's /build endpoint
 * has no parameter for: buildx passes them through BuildKit's control API (Solve, on the engine's /grpc
 * endpoint). Engines before 23.0 embed a frontend without the capability (BuildKit refuses with
 * `unsupported frontend capability moby.buildkit.frontend.contexts`), so there it is one clear error.
 */
async function namedContextsProblem(client, signal) {
    // '' when the engine can take them (through startControlBuild).
    const version = await client.system.version(signal);
    const server = String(version.Version ?? 'unknown');
    const apiVersion = String(version.ApiVersion ?? 'unknown');
    if (((0,engine_version/* compareVersions */.Z)(server.replace(/[^0-9.].*$/, ''), '23.0') ?? -1) < 0)
        return `build-contexts needs an engine whose BuildKit supports named contexts (Docker 23.0 or later); this engine is Docker ${server} (API ${apiVersion}), whose Dockerfile frontend refuses them (moby.buildkit.frontend.contexts).`;
    return '';
}
/**
 * BuildKit through its control API (engine/control.ts), as buildx's docker driver builds: Solve with the
 * Dockerfile frontend's attributes, named contexts among them (`context:<name>` = `local:<name>`, the
 * directory served through the session under that name, or `docker-image://ref`), and the `moby`
 * exporter tagging the image. Status events are turned into the /build stream's JSON lines, so the
 * build log and the failure handling are the same as for /build.
 */
async function startControlBuild(request, labels) {
    const { client, options, signal } = request;
    const attrs = { filename: (0,external_node_path_.basename)(options.file) };
    for (const named of options.buildContexts) {
        attrs[`context:${named.name}`] =
            named.kind === 'local' ? `local:${named.name}` : `docker-image://${named.source}`;
    }
    if (options.target)
        attrs.target = options.target;
    if (options.platform)
        attrs.platform = options.platform;
    if (options.noCache)
        attrs['no-cache'] = '';
    attrs['image-resolve-mode'] = options.pull ? 'pull' : 'default';
    for (const [key, value] of Object.entries(options.buildArgs))
        attrs[`build-arg:${key}`] = value;
    for (const [key, value] of Object.entries(labels))
        attrs[`label:${key}`] = value;
    const { session, stats } = await openBuildSession(request);
    let control;
    try {
        // Loaded only here (node:http2 with it): only builds with named contexts use the control API.
        const { connectControl } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.bind(__webpack_require__, 711));
        control = await connectControl(client, signal);
    }
    catch (error) {
        session.close();
        throw error;
    }
    const out = new external_node_stream_.PassThrough();
    const line = (event) => void out.write(`${JSON.stringify(event)}\n`);
    const ref = (0,ids/* randomHex */.nw)(12);
    const status = control
        .status(ref, raw => line({ id: 'moby.buildkit.trace', aux: raw.toString('base64') }))
        .catch(() => { });
    control
        .solve({
        ref,
        session: session.id,
        frontendAttrs: attrs,
        exporterAttrs: { name: options.tags.join(',') },
        cacheImports: options.cacheFrom
    })
        .then(async (response) => {
        await status;
        // The image ID as moby's /build reports it (v28.5.2 builder/builder-next/builder.go): the
        // exporter's digest. The graph-driver store's exporter sets it to the config digest; the
        // containerd store's to the manifest's, which is the image ID there (the config digest is not).
        const id = response['containerimage.digest'] ?? response['containerimage.config.digest'];
        if (id)
            line({ id: 'moby.image.id', aux: { ID: id } });
        out.end();
    }, async (error) => {
        await status;
        line({ errorDetail: { message: (0,errors/* messageOf */.bD)(error) }, error: (0,errors/* messageOf */.bD)(error) });
        out.end();
    });
    signal?.addEventListener('abort', () => out.destroy(new errors/* CancelledError */.cc('the build was cancelled')), {
        once: true
    });
    return {
        response: Promise.resolve(out),
        stats,
        failure: async () => undefined,
        close: () => {
            control.close();
            session.close();
        }
    };
}
function classicCannot(what) {
    return `The classic builder cannot take ${what}; they need BuildKit (builder: auto or buildkit, on an engine with BuildKit).`;
}
function workspacePath(workspace, path) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    return rel && !rel.startsWith('..') ? rel.split(external_node_path_.sep).join('/') : path;
}
/**
 * BuildKit where the engine has it (API 1.39+, Linux), the classic builder otherwise or when asked.
 * Asking for BuildKit from a Docker engine without it is a failure, not a silent fallback. Podman
 * claims API 1.41 but has no BuildKit: its builds go to the classic builder, with a note saying so.
 */
/**
 * The cache-from images the chosen builder can use. The classic builder on the containerd image store
 * fails the whole build ("failed to read diff archive: InvalidArgument") when it restores a cached step
 * that made no layer (LABEL, ENV, CMD, and the labels this action adds): moby v28.5.2
 * daemon/containerd/cache.go reads that step's diff with an empty digest. Building without the cache is
 * slower but right, so the images are dropped with one warning rather than failing the step.
 */
async function usableCacheFrom(client, builder, cacheFrom, log, signal) {
    if (builder !== 'classic' || cacheFrom.length === 0)
        return cacheFrom;
    if ((0,image_store/* imageStoreOf */.Sf)(await client.system.info(signal)) !== 'containerd')
        return cacheFrom;
    log.warning('cache-from is not used: the classic builder on the containerd image store cannot restore cached steps that made no layer (the engine fails such a build with "failed to read diff archive"). Building without it; use BuildKit (builder: auto or buildkit) to build from a cache image on this engine.');
    return [];
}
async function chooseBuilder(client, choice, signal) {
    if (choice === 'classic')
        return { builder: 'classic' };
    // The engine check asks /version too: the client asks the engine once.
    const version = await client.system.version(signal);
    const podman = (0,engine_podman/* podmanVersion */.g)(version);
    if (podman !== undefined) {
        return {
            builder: 'classic',
            note: `This engine is Podman ${podman}, whose Docker-compatible API has no BuildKit: building with the classic builder${choice === 'buildkit' ? ' although builder is buildkit' : ''}.`
        };
    }
    const apiVersion = String(version.ApiVersion ?? '');
    const os = String(version.Os ?? '');
    const supported = os === 'linux' && ((0,engine_version/* compareVersions */.Z)(apiVersion, BUILDKIT_MIN_API) ?? -1) >= 0;
    if (supported)
        return { builder: 'buildkit' };
    if (choice === 'buildkit') {
        return {
            problem: `builder is buildkit, but this engine (${os || 'unknown OS'}, API ${apiVersion || 'unknown'}) has no BuildKit: it needs a Linux engine with API ${BUILDKIT_MIN_API} or later. Use builder: auto or classic.`
        };
    }
    return { builder: 'classic' };
}
/** The failure as a developer should see it: the instruction and its line, the engine's words, the tail. */
function describeFailure(progress, dockerfile, buildArgs) {
    let message = tidyEngineMessage(progress.error ?? 'the build failed');
    let instruction = progress.failedStep?.instruction;
    let line = progress.failedStep?.line;
    const parseErrorLine = lineInMessage(message);
    if (parseErrorLine !== undefined) {
        line = parseErrorLine;
        instruction = instructionAtLine(dockerfile, parseErrorLine)?.text;
    }
    const base = missingBaseImage(message) ?? failedMetadataLoad(progress.tail());
    if (base) {
        const stage = stageWithBase(dockerfile, base, buildArgs);
        if (stage) {
            line = stage.from.line;
            instruction = stage.from.text;
        }
        message = `The base image ${base} could not be pulled: ${message}`;
    }
    return { message, instruction, line, tail: progress.tail() };
}
/** The image reference an engine names when a base image cannot be pulled, in either builder's words. */
function missingBaseImage(message) {
    const patterns = [
        /manifest for (\S+) not found/,
        /pull access denied for ([^,\s]+)/,
        /failed to resolve source metadata for ([^:\s]+(?::\d+)?\/[^:\s]+(?::[\w.-]+)?)/,
        /(?:^|: )(\S+?): (?:not found|pull access denied)/,
        /https?:\/\/([^/\s]+)\/v2\/(\S+?)\/manifests\/([^"\s]+)/
    ];
    for (const pattern of patterns) {
        const match = pattern.exec(message);
        if (!match)
            continue;
        if (match[3] !== undefined) {
            const host = match[1] === 'registry-1.docker.io' ? 'docker.io' : match[1];
            return `${host}/${match[2]}${match[3].startsWith('sha256:') ? '@' : ':'}${match[3]}`;
        }
        return match[1];
    }
    return undefined;
}
/**
 * The image of a BuildKit `[internal] load metadata for <image>` step that failed, for failures whose
 * message names no image (a registry's 401 on 20.10: `pulling from host \u2026 failed with status code
 * [manifests 1]: 401 Unauthorized`). A reference holds colons, never `: `.
 */
function failedMetadataLoad(tail) {
    for (const line of tail) {
        const match = /^ERROR: \[internal\] load metadata for (\S+?): /.exec(line);
        if (match)
            return match[1];
    }
    return undefined;
}
/** BuildKit wraps every error in the same two prefixes; they tell a developer nothing. */
function tidyEngineMessage(message) {
    return message
        .replace(/^failed to solve with frontend dockerfile\.v0: /, '')
        .replace(/^failed to solve: /, '')
        .replace(/^failed to create LLB definition: /, '')
        .trim();
}
/**
 * After a failed or cancelled build, removes what the classic builder left: the container of the step
 * that was running (the engine removes it itself with forcerm, but only after the request is gone) and
 * the intermediate images this build created. BuildKit keeps both inside its own cache.
 */
async function removeLeftovers(client, progress, builder) {
    if (builder !== 'classic')
        return;
    for (const id of progress.classicContainers) {
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
            try {
                await client.containers.remove(id, { force: true });
                break;
            }
            catch (error) {
                if (error instanceof engine_client/* EngineError */.NJ && error.status === 404)
                    break;
                await (0,signals/* sleep */.yy)(250); // removal already in progress
            }
        }
    }
    for (const id of [...progress.classicImages].reverse()) {
        try {
            await client.images.remove(id, { noprune: true });
        }
        catch {
            // in use by another build's cache or already gone: not ours to force
        }
    }
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/engine/check.ts
var check = __webpack_require__(3326);
// EXTERNAL MODULE: ./src/engine/endpoint.ts + 1 modules
var engine_endpoint = __webpack_require__(5725);
;// CONCATENATED MODULE: ./src/inventory/budget.ts



function checkImageSize(input) {
    const started = Date.now();
    const { maxBytes, build } = input;
    const result = (status, sizeBytes, problems = []) => ({
        status,
        problems,
        ...(0,stage/* stageTimes */.L)(started),
        sizeBytes,
        maxBytes
    });
    if (maxBytes === undefined || build?.status !== 'built')
        return result('skipped');
    const image = input.inventory?.images.find(i => i.built);
    const size = (0,image_size/* builtImageSize */.rh)(build, input.inventory);
    if (size === undefined)
        return result('skipped');
    if (size <= maxBytes)
        return result('passed', size);
    const name = image?.tags[0] ?? build.tags[0] ?? build.imageId ?? 'the built image';
    const layers = largestLayers(image, 3);
    const largest = layers.length === 0
        ? ''
        : ` Largest layers: ${layers.map(l => `${(0,format/* formatBytes */.z3)(l.sizeBytes)} ${(0,format/* oneLine */.TN)(l.createdBy, 80) || '(no instruction recorded)'}`).join('; ')}.`;
    return result('failed', size, [
        `Image ${name} is ${(0,format/* formatBytes */.z3)(size)} (${(0,format/* formatCount */.B4)(size)} bytes), over max-image-size ` +
            `${(0,format/* formatBytes */.z3)(maxBytes)} (${(0,format/* formatCount */.B4)(maxBytes)} bytes).${largest}`
    ]);
}
function largestLayers(image, n) {
    return [...(image?.layers ?? [])]
        .filter(l => l.sizeBytes > 0)
        .sort((a, b) => b.sizeBytes - a.sizeBytes)
        .slice(0, n);
}

// EXTERNAL MODULE: ./src/inventory/inventory.ts
var inventory_inventory = __webpack_require__(556);
;// CONCATENATED MODULE: ./src/log/deferred.ts
/**
 * A Log that holds what it is given until `release()`, then replays it in order and passes everything
 * straight through. The pipeline hands one to the smoke stage while the build still streams its log, so
 * a container that finishes early cannot land inside the build's group (or inside its guarded block,
 * where the runner would ignore its annotations). Progress lines are transient and are dropped while held.
 */
class DeferredLog {
    target;
    held = [];
    constructor(target) {
        this.target = target;
    }
    /** Replays what was held and stops holding. Safe to call more than once. */
    release() {
        const held = this.held;
        this.held = undefined;
        for (const replay of held ?? [])
            replay(this.target);
    }
    send(call) {
        if (this.held)
            this.held.push(call);
        else
            call(this.target);
    }
    info(message) {
        this.send(log => log.info(message));
    }
    warning(message, target) {
        this.send(log => log.warning(message, target));
    }
    error(message, target) {
        this.send(log => log.error(message, target));
    }
    debug(message) {
        this.send(log => log.debug(message));
    }
    progress(message) {
        if (!this.held)
            this.target.progress(message);
    }
    /** While held, the title becomes a plain line: a group cannot be replayed around work already done. */
    group(title, fn) {
        if (!this.held)
            return this.target.group(title, fn);
        this.info(title);
        return fn();
    }
    /**
     * While held, a block is buffered; on release it is opened for real at its place in the order, and a
     * block still open then goes on live (a build's log keeps streaming once the engine check is done).
     */
    untrusted(title) {
        if (!this.held)
            return this.target.untrusted(title);
        const chunks = [];
        let live;
        let closed = false;
        this.send(log => {
            live = log.untrusted(title);
            for (const chunk of chunks.splice(0))
                live.write(chunk);
            if (closed)
                live.close();
        });
        return {
            write: text => {
                if (live)
                    live.write(text);
                else
                    chunks.push(text);
            },
            close: () => {
                if (live)
                    live.close();
                else
                    closed = true;
            }
        };
    }
}

// EXTERNAL MODULE: ./src/smoke/spec.ts
var spec = __webpack_require__(7302);
;// CONCATENATED MODULE: ./src/smoke/defaults.ts

/** A built image with neither HEALTHCHECK nor EXPOSE passes if it is still running after this long. */
const SETTLE_MS = 5000;
const HELLO_WORLD = {
    name: 'hello-world',
    image: 'hello-world',
    expectOutput: /Hello from Docker!/m
};
/**
 * The hello-world entry the defaults always include; it needs nothing from the build. With
 * `besideBuiltImage` (the built image's default entry runs too) it runs without a network: that entry runs
 * on the engine's default network and checks it, and hello-world's own network set-up (a veth pair, the
 * bridge, iptables; ~70 ms of the engine's work here) would only compete with the built image's start.
 * Alone, it runs as `docker run hello-world` does.
 */
function helloWorldEntry(timeoutMs, besideBuiltImage = false) {
    return {
        env: {},
        ports: [],
        expectExitCode: 0,
        timeoutMs,
        ...HELLO_WORLD,
        ...(besideBuiltImage ? { networkMode: 'none' } : {})
    };
}
/**
 * The default entry for the image this run built, run with its own command: ready by HEALTHCHECK if it has
 * one, else by a TCP connect on its first EXPOSEd port, else it passes if it exits 0 or is still running
 * after SETTLE_MS. A HEALTHCHECK the image's inspect does not show but its container has is used too
 * (entry.ts, `readyFromImage`).
 */
async function builtImageEntry(builtImage, images, timeoutMs) {
    let name = (0,spec/* nameFromImage */.BN)(builtImage.reference);
    if (name === HELLO_WORLD.name)
        name = `${name}-2`;
    const built = { env: {}, ports: [], expectExitCode: 0, timeoutMs, name, readyFromImage: true };
    // When the image cannot be inspected, the entry itself fails with the reason.
    const facts = await images.provide(builtImage.id, true).catch(() => undefined);
    const firstTcpPort = facts?.exposedPorts.find(port => port.endsWith('/tcp'));
    if (facts?.healthcheck) {
        built.ready = { kind: 'healthy' };
    }
    else if (firstTcpPort) {
        const containerPort = Number(firstTcpPort.split('/')[0]);
        built.ports = [{ containerPort, protocol: 'tcp' }];
        built.ready = { kind: 'port', port: containerPort };
    }
    else {
        built.settleMs = SETTLE_MS;
    }
    return built;
}

// EXTERNAL MODULE: ./src/smoke/entry.ts
var entry = __webpack_require__(3793);
// EXTERNAL MODULE: ./src/smoke/output.ts
var output = __webpack_require__(1800);
// EXTERNAL MODULE: ./src/smoke/pull.ts
var pull = __webpack_require__(1114);
;// CONCATENATED MODULE: ./src/smoke/run.ts







/**
 * The smoke stage: runs each entry (or the defaults) at most `parallel` at a time, and judges them.
 * Entries that name their own image (hello-world among the defaults) start at once, even while the build
 * runs; those that run the built image wait for it. Every container is removed once judged unless
 * `cleanup` is off. Each container's output tail is printed after its verdict, in one untrusted block
 * written at once (never open across an await, so parallel containers' blocks never overlap). Rejects
 * only with CancelledError, after removing what it created.
 */
async function runSmoke(input) {
    const { client, options, log, signal } = input;
    const started = Date.now();
    (0,errors/* throwIfAborted */.Te)(signal);
    const images = new pull/* ImageProvider */.zI(client, options.pullPolicy, log, signal);
    const build = input.build ?? Promise.resolve({ image: input.builtImage, failed: false });
    const slots = new Slots(options.parallel);
    // Entries past their start, against those that will run (known once the build has ended).
    let entriesStarted = 0;
    let entriesToRun = Number.POSITIVE_INFINITY;
    let imagesReady = input.onImagesReady;
    const checkImagesReady = () => {
        if (imagesReady && entriesStarted >= entriesToRun) {
            imagesReady();
            imagesReady = undefined;
        }
    };
    const context = {
        client,
        images,
        labels: input.labels,
        runId: input.env.runId,
        cleanup: options.cleanup,
        signal,
        onStarted: () => {
            entriesStarted++;
            checkImagesReady();
        }
    };
    const run = (spec, builtImage) => slots.run(signal, async () => {
        const result = await (0,entry/* runEntry */.C)(spec, { ...context, builtImage });
        report(result, log);
        return result;
    });
    const listed = options.entries;
    if (listed?.length === 0)
        log.info('Smoke: no containers (the smoke input is an empty list)');
    const now = listed
        ? listed.filter(spec => spec.image !== undefined)
        : [helloWorldEntry(options.timeoutMs, input.builtImage !== undefined || input.buildExpected === true)];
    if (now.length > 0)
        log.info(`Smoke: ${containers(now)} starting, ${options.parallel} at a time`);
    const running = new Map(now.map(spec => [spec, run(spec)]));
    const outcome = await build;
    const later = listed
        ? listed.filter(spec => spec.image === undefined)
        : outcome.image && !signal?.aborted
            ? [await builtImageEntry(outcome.image, images, options.timeoutMs)]
            : [];
    if (later.length > 0 && outcome.failed) {
        log.info(`Smoke: ${containers(later)} not run: the build failed, so there is no image to run`);
    }
    else if (later.length > 0) {
        log.info(`Smoke: ${containers(later)} with the built image`);
        for (const spec of later)
            running.set(spec, run(spec, outcome.image));
    }
    entriesToRun = running.size;
    checkImagesReady();
    // Every started container is awaited (each removes its own) before a cancel or an error goes up.
    const settled = await Promise.allSettled(running.values());
    imagesReady?.();
    if (signal?.aborted)
        throw new errors/* CancelledError */.cc();
    const rejected = settled.find(s => s.status === 'rejected');
    if (rejected)
        throw rejected.reason;
    // In the order the entries were given, whenever each finished.
    const results = [];
    for (const spec of listed ?? [...now, ...later]) {
        const result = running.get(spec);
        if (result)
            results.push(await result);
    }
    const problems = results.filter(r => !r.passed).map(r => `Smoke container "${r.name}" failed: ${r.reason}`);
    return {
        status: problems.length > 0 ? 'failed' : 'passed',
        problems,
        ...(0,stage/* stageTimes */.L)(started),
        results,
        passed: problems.length === 0
    };
}
function containers(specs) {
    const names = specs.map(spec => spec.name).join(', ');
    return `${specs.length} container${specs.length === 1 ? '' : 's'} (${names})`;
}
function report(result, log) {
    const mark = result.passed ? '\u2713' : '\u2717';
    log.info(`${mark} ${result.name} (${result.image}) ${result.passed ? 'passed' : 'FAILED'} in ${(0,format/* formatDuration */.a3)(result.durationMs)}: ${result.reason}`);
    if (result.outputTail === '') {
        log.info(`  ${result.name} wrote no output`);
        return;
    }
    const limit = `last ${output/* TAIL_BYTES */.dd / 1024} KiB`;
    const block = log.untrusted(`Output of ${result.name}${result.outputTruncated ? ` (${limit})` : ''}`);
    try {
        block.write(result.outputTail);
    }
    finally {
        block.close();
    }
}
/** At most `count` tasks at once, shared by the entries that start early and those that wait. */
class Slots {
    free;
    waiting = [];
    constructor(count) {
        this.free = Math.max(1, count);
    }
    /** Runs `task` in a free slot; once `signal` aborts, no task that has not started will. */
    async run(signal, task) {
        if (this.free > 0)
            this.free--;
        else
            await new Promise(resolve => this.waiting.push(resolve));
        try {
            (0,errors/* throwIfAborted */.Te)(signal);
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.free++;
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline.ts













/** A stage on the time chart, from its own start and duration. */
function stageTiming(label, result, runStarted) {
    return { label, ms: result.durationMs, startMs: Date.parse(result.startedAt) - runStarted };
}
/**
 * Runs the stages: a ping, then the engine check, the build and the smoke stage side by side (smoke
 * entries that run the built image wait for it), then inventory and drift. Each stage is a plain function
 * over typed inputs returning a StageResult (src/stage.ts); this function only wires them: the run's
 * failures are the stages' problems, in stage order, as the stages worded them. An engine that cannot be
 * reached throws (nothing else can run); every other failure is recorded and the run goes on, so the
 * report shows as much as can be known.
 */
async function runPipeline(config, env, deps) {
    const { log, signal } = deps;
    const started = Date.now();
    const endpoint = (0,engine_endpoint/* resolveEndpoint */.sO)(config.engine.dockerHost, deps.processEnv);
    const client = new engine_client/* EngineClient */.A$(endpoint);
    for (const note of endpoint.notes)
        log.warning(note);
    const failures = [];
    const timings = [];
    // Everything needs an engine that answers: that is settled first (usually already, by the early ping),
    // inside the Engine group. Then the engine check, the build, and the smoke entries that do not need the
    // built image (hello-world) run side by side. The build's log is held until the Engine group is written,
    // the smoke stage's until the build's is, so no stage's lines land inside another's group.
    let markReachable;
    const reachable = new Promise(resolve => (markReachable = resolve));
    const checking = log.group('Engine', () => (0,check/* checkEngine */.Xx)({
        client,
        options: config.engine,
        log,
        signal,
        earlyPing: deps.earlyPing,
        onReachable: markReachable
    }));
    checking.catch(() => { });
    // Rejects when the ping fails: nothing else is started.
    await Promise.race([reachable, checking]);
    // The push and drift stages are loaded only by the runs that ask for them.
    const pushModule = config.push.enabled ? __webpack_require__.e(/* import() */ 922).then(__webpack_require__.bind(__webpack_require__, 4922)) : undefined;
    const driftModule = config.audit.baseline || config.audit.diskUsage ? __webpack_require__.e(/* import() */ 12).then(__webpack_require__.bind(__webpack_require__, 3012)) : undefined;
    // Push credentials are looked up before anything is built, so a helper that is missing shows up in the
    // push's own line rather than after a long build (a registry with none is pushed to anonymously).
    const credentials = pushModule?.then(push => push.pushCredentials(config.build.tags, deps.processEnv));
    credentials?.catch(() => { });
    const stages = (0,signals/* childController */.xM)(signal);
    const buildLog = new DeferredLog(log);
    const smokeLog = new DeferredLog(log);
    // The smoke stage gets the built image as soon as the build stream names it (onImage), not after the
    // build stage's inspect and size listing: those run beside the container's create and start.
    let imageBuilt;
    const earlyImage = new Promise(resolve => (imageBuilt = resolve));
    let smokeImagesReady;
    const smokeImages = new Promise(resolve => (smokeImagesReady = resolve));
    const building = buildImage({
        client,
        options: config.build,
        env,
        log: buildLog,
        signal: stages.controller.signal,
        labels: (0,src_labels/* runLabels */.xU)(env.runId, 'build'),
        processEnv: deps.processEnv,
        onImage: image => imageBuilt?.(image)
    });
    const smoking = runSmoke({
        client,
        options: config.smoke,
        build: Promise.race([
            earlyImage.then(image => ({ image, failed: false })),
            building.then(result => ({ image: builtImageOf(result), failed: result.status === 'failed' }), () => ({ failed: true }))
        ]),
        env,
        log: smokeLog,
        signal: stages.controller.signal,
        labels: (0,src_labels/* runLabels */.xU)(env.runId, 'smoke'),
        buildExpected: buildExpected(config.build),
        onImagesReady: () => smokeImagesReady()
    });
    // Handled here too: they may reject (cancel) before they are awaited.
    building.catch(() => { });
    smoking.catch(() => { });
    let engine;
    let build;
    try {
        engine = await checking;
        buildLog.release();
        build = await building;
    }
    catch (error) {
        // The engine check failed, or the run was cancelled: the other stages stop and remove what they
        // started before the error goes up. After a cancel their lines say what was removed; after an engine
        // failure they would only repeat it.
        stages.controller.abort(error);
        await Promise.allSettled([building, smoking]);
        if (signal?.aborted) {
            buildLog.release();
            smokeLog.release();
        }
        stages.dispose();
        throw error;
    }
    timings.push(stageTiming('engine check', engine, started));
    failures.push(...engine.problems);
    const diskUsagePromise = config.audit.diskUsage
        ? driftModule.then(drift => drift.readDiskUsage(client, log, signal))
        : undefined;
    // What earlier runs left does not depend on this one's stages: listed beside them.
    const leftoversPromise = config.report.scope === 'all' ? findLeftovers({ client, runId: env.runId, signal }) : undefined;
    // The inventory's images (the list and the built image's history) are listed as soon as every image
    // of the run is on the engine and every smoke container has started (a listing during a start slows
    // it), while the containers run: the image list is the slowest of the inventory's calls, and only the
    // containers must be listed at the run's end. Structure tests commit and remove setup images, and a
    // Compose stack pulls or builds its own: with those, everything is listed at the end as before.
    const earlyImages = config.structure.files.length === 0 && config.compose.files.length === 0
        ? smokeImages.then(() => (0,inventory_inventory/* listImages */.v8)({ client, build, signal }))
        : undefined;
    earlyImages?.catch(() => { });
    if (build.status !== 'skipped')
        timings.push(stageTiming('build', build, started));
    failures.push(...build.problems);
    // Structure tests and the efficiency analysis need the built image; they run beside the smoke stage.
    const built = builtImageOf(build);
    const structureLog = new DeferredLog(log);
    // Structure tests, efficiency and Compose are loaded only by the runs that ask for them (their code and
    // libraries are a separate chunk of the bundle: the default run does not evaluate them).
    const structuring = config.structure.files.length === 0
        ? undefined
        : __webpack_require__.e(/* import() */ 937).then(__webpack_require__.bind(__webpack_require__, 4937)).then(({ runStructureStage }) => runStructureStage({
            client,
            options: config.structure,
            built,
            buildFailed: build.status === 'failed',
            timeoutMs: config.smoke.timeoutMs,
            runId: env.runId,
            processEnv: deps.processEnv,
            workspace: env.workspace,
            log: structureLog,
            signal: stages.controller.signal
        }));
    const efficiencyModule = config.efficiency.enabled && built ? __webpack_require__.e(/* import() */ 24).then(__webpack_require__.bind(__webpack_require__, 2024)) : undefined;
    const analysing = efficiencyModule && built
        ? efficiencyModule.then(({ analyseEfficiency }) => analyseEfficiency({
            client,
            image: built.id,
            name: built.reference,
            options: config.efficiency,
            signal: stages.controller.signal
        }))
        : undefined;
    structuring?.catch(() => { });
    analysing?.catch(() => { });
    // The build's own lines (its failure annotation included) come first, then the smoke stage's.
    smokeLog.release();
    // The stages follow the run's cancel signal until the last of them is done; a cancel waits for all
    // of them to remove what they created.
    let smoke;
    let structure;
    let efficiency;
    try {
        smoke = await smoking;
        structureLog.release();
        structure = await structuring;
        efficiency = await analysing;
    }
    catch (error) {
        await Promise.allSettled([structuring, analysing]);
        structureLog.release();
        throw error;
    }
    finally {
        stages.dispose();
    }
    // Each smoke container is drawn on the time chart on its own.
    for (const result of smoke.results) {
        timings.push({
            label: `smoke: ${result.name}`,
            ms: result.durationMs,
            ...(result.startedAt ? { startMs: Date.parse(result.startedAt) - started } : {})
        });
    }
    if (structure)
        timings.push(stageTiming('structure tests', structure, started));
    if (efficiency && efficiencyModule) {
        const { attachLines, logEfficiency } = await efficiencyModule;
        attachLines(efficiency, build.steps);
        timings.push(stageTiming('efficiency', efficiency, started));
        logEfficiency(efficiency, log, (0,external_node_path_.relative)(env.workspace, config.build.file));
    }
    failures.push(...(0,stage/* problemsOf */.G)(smoke, structure, efficiency));
    // The Compose stack, after the smoke containers (CPU is scarce on CI runners; their logs stay apart).
    let compose;
    if (config.compose.files.length > 0) {
        const [{ runComposeStage }, { engineEnvironment }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(815), __webpack_require__.e(235)]).then(__webpack_require__.bind(__webpack_require__, 9235)),
            Promise.all(/* import() */[__webpack_require__.e(260), __webpack_require__.e(203)]).then(__webpack_require__.bind(__webpack_require__, 7441))
        ]);
        compose = await log.group('Compose', () => runComposeStage({
            client,
            engine: engineEnvironment(endpoint),
            options: config.compose,
            env,
            processEnv: deps.processEnv,
            builtImage: builtImageOf(build),
            log,
            signal
        }));
        timings.push(stageTiming('compose', compose, started));
    }
    deps.onStagesDone?.();
    const inventory = await (0,inventory_inventory/* takeInventory */.O1)({
        client,
        scope: config.report.scope,
        runId: env.runId,
        build,
        smoke,
        usedImages: [...new Set(smoke?.results.map(r => r.image) ?? [])],
        signal,
        ...(earlyImages ? { images: earlyImages } : {})
    });
    const imageSize = checkImageSize({ maxBytes: config.report.maxImageSizeBytes, build, inventory });
    const diskUsage = await diskUsagePromise;
    const leftovers = await leftoversPromise;
    if (leftovers?.error)
        log.warning(leftovers.error);
    const driftStage = await driftModule;
    const drift = await driftStage?.compareWithBaseline({
        facts: engine.facts,
        diskUsage,
        options: config.audit
    });
    if (drift)
        driftStage.logDrift(drift, log);
    failures.push(...(0,stage/* problemsOf */.G)(compose, imageSize, drift));
    let push;
    if (pushModule) {
        const { pushGate, pushImage } = await pushModule;
        const gate = pushGate(failures, build, log);
        if ('notPushed' in gate)
            push = gate.notPushed;
        else {
            const { imageId } = gate;
            push = await log.group('Push', async () => pushImage({
                client,
                imageId,
                tags: build.tags,
                log,
                signal,
                processEnv: deps.processEnv,
                credentials: await credentials
            }));
            timings.push(stageTiming('push', push, started));
            failures.push(...push.problems);
        }
    }
    return {
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        endpoint: endpoint.display,
        endpointSource: endpoint.source,
        engine,
        diskUsage,
        build,
        smoke,
        compose,
        inventory,
        drift,
        leftovers,
        push,
        ...(structure ? { structure } : {}),
        ...(efficiency ? { efficiency } : {}),
        failures,
        timings
    };
}
function builtImageOf(build) {
    return build.status === 'built' && build.imageId
        ? { id: build.imageId, reference: build.tags[0] ?? build.imageId }
        : undefined;
}


/***/ }),

/***/ 2585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ tailOf),
/* harmony export */   FY: () => (/* binding */ shareBudget),
/* harmony export */   Xb: () => (/* binding */ SUMMARY_BUDGET_BYTES),
/* harmony export */   cR: () => (/* binding */ TAILS_BUDGET_BYTES),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   zV: () => (/* binding */ fitRows)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, TAIL_LINES, TAIL_CHARS */
// The runner drops a step's whole job summary when it passes 1 MiB. The summary is rendered to a budget
// well under that: bounded parts first, then the images and containers tables share what is left, row by
// row, and say how many rows they left out.
/** GitHub's limit for one step's summary. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** What renderSummary aims for, leaving room for the post step's line and for safety. */
const SUMMARY_BUDGET_BYTES = 800 * 1024;
/** Every smoke output tail in the summary together. */
const TAILS_BUDGET_BYTES = 160 * 1024;
/** One smoke output tail in the summary: at most this many lines and bytes (the end is kept). */
const TAIL_LINES = 60;
const TAIL_CHARS = 8 * 1024;
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** The leading rows that fit in `budget` bytes, in order. */
function fitRows(rows, budget) {
    let bytes = 0;
    let i = 0;
    for (; i < rows.length; i++) {
        const size = byteLength(rows[i]);
        if (bytes + size > budget)
            break;
        bytes += size;
    }
    return { rows: i === rows.length ? rows : rows.slice(0, i), bytes, omitted: rows.length - i };
}
/**
 * Splits `budget` between two lists of rows: when both fit, both are whole; otherwise the smaller one
 * gets what it needs up to half, and the other the rest.
 */
function shareBudget(a, b, budget) {
    const sizeA = a.reduce((sum, row) => sum + byteLength(row), 0);
    const sizeB = b.reduce((sum, row) => sum + byteLength(row), 0);
    if (sizeA + sizeB <= budget) {
        return [
            { rows: a, bytes: sizeA, omitted: 0 },
            { rows: b, bytes: sizeB, omitted: 0 }
        ];
    }
    const half = Math.floor(budget / 2);
    if (sizeA <= sizeB) {
        const first = fitRows(a, Math.min(sizeA, half));
        return [first, fitRows(b, budget - first.bytes)];
    }
    const second = fitRows(b, Math.min(sizeB, half));
    return [fitRows(a, budget - second.bytes), second];
}
/** The end of an output: the last `lines` lines, at most `chars` characters; says whether it cut. */
function tailOf(text, lines = TAIL_LINES, chars = TAIL_CHARS) {
    let tail = text.replace(/\s+$/, '');
    let cut = false;
    if (tail.length > chars) {
        tail = tail.slice(-chars);
        const firstBreak = tail.indexOf('\n');
        if (firstBreak >= 0 && firstBreak < tail.length - 1)
            tail = tail.slice(firstBreak + 1);
        cut = true;
    }
    const split = tail.split(/\r?\n/);
    if (split.length > lines) {
        tail = split.slice(-lines).join('\n');
        cut = true;
    }
    return { text: tail, cut };
}


/***/ }),

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   MZ: () => (/* binding */ codeCell),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   _b: () => (/* binding */ mermaidLabel),
/* harmony export */   eR: () => (/* binding */ terminalText),
/* harmony export */   j2: () => (/* binding */ escapePre)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6264);
/* harmony import */ var _log_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1168);


// The job summary is Markdown with HTML; core.summary escapes nothing. Every untrusted string (image
// names, labels, commands, container output, daemon warnings) goes through one of these first.
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const entity = (c) => HTML[c] ?? `&#${c.charCodeAt(0)};`;
/** Safe inside HTML elements and attributes. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, entity);
}
/**
 * Safe inside a summary table cell or a line of Markdown: HTML-escaped, and Markdown's active characters
 * turned into entities so `|`, backticks, `*`, `_`, `[`, `]` and friends are shown, not obeyed. Line
 * breaks become spaces so a cell cannot end a table row. One pass, so no entity is escaped twice.
 */
function escapeMarkdown(text) {
    return withoutControls(text)
        .replace(/[&<>"'\\`*_{}[\]()#+\-!|~:]/g, entity)
        .replace(/\r\n?|\n/g, ' ');
}
/** Colour codes and control characters (a bell, a backspace) mean nothing in a summary: dropped. */
function withoutControls(text) {
    // eslint-disable-next-line no-control-regex
    return (0,_log_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .stripAnsi */ .aJ)(text).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
}
/**
 * Untrusted multi-line text for a <pre> block. HTML-escaped so `</pre>` or `<details>` stay text; the
 * characters Markdown acts on become entities too (they render the same inside <pre>), so the text stays
 * inert even if a renderer ended the HTML block early.
 */
function escapePre(text) {
    return withoutControls(text).replace(/[&<>"'\\`*_[\]|~]/g, entity);
}
/** An untrusted value for a table cell: one line, at most `max` characters, escaped. */
function cell(text, max = 200) {
    return escapeMarkdown((0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(text, max));
}
/** An untrusted value as inline code in a cell (escaped; entities render inside <code>). */
function codeCell(text, max = 200) {
    return `<code>${cell(text, max)}</code>`;
}
/**
 * A label inside a Mermaid block. Mermaid has its own syntax (quotes end a label, `;` and newlines end a
 * statement, brackets open shapes, `#...;` is an entity, `%%` a comment) and the block sits in Markdown,
 * where a backtick run could close the fence. Only letters, digits and a few harmless punctuation marks
 * survive; everything else becomes a space.
 */
function mermaidLabel(text, max = 40) {
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(text.replace(/[^\p{L}\p{N} ._\-/:@=+,]/gu, ' '), max) || 'unnamed';
}
/**
 * Untrusted text for a terminal: escape sequences and control characters removed (they could move the
 * cursor, clear the screen or recolour the terminal). Newlines stay when `multiline`, else become spaces.
 */
function terminalText(text, multiline = false) {
    const stripped = (0,_log_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .stripAnsi */ .aJ)(text).replace(/\r\n?/g, '\n');
    // eslint-disable-next-line no-control-regex
    const clean = stripped.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '');
    return multiline ? clean : clean.replace(/[\n\t]+/g, ' ');
}


/***/ }),

/***/ 2794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   wr: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
/* unused harmony export REPORT_SCHEMA_VERSION */
/** Bumped when a field changes meaning or disappears; adding fields does not bump it. */
const REPORT_SCHEMA_VERSION = 1;
const TOOL_VERSION = '0.1.0';
function buildReport(run, env) {
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: 'docker-preflight', version: TOOL_VERSION },
        runId: env.runId,
        repository: env.repository,
        sha: env.sha,
        verdict: run.failures.length === 0 ? 'passed' : 'failed',
        failures: run.failures,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        durationMs: run.durationMs,
        endpoint: run.endpoint,
        endpointSource: run.endpointSource,
        engine: run.engine && { ...run.engine, failures: run.engine.problems },
        diskUsage: run.diskUsage,
        build: run.build,
        smoke: run.smoke,
        compose: run.compose,
        inventory: run.inventory,
        drift: run.drift,
        leftovers: run.leftovers,
        push: run.push,
        structure: run.structure,
        efficiency: run.efficiency,
        timings: run.timings
    };
}


/***/ }),

/***/ 3952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ onTermination)
/* harmony export */ });
function onTermination(notify = () => { }) {
    const controller = new AbortController();
    let received = 0;
    const handler = (signalName) => {
        received++;
        if (received === 1) {
            notify(signalName);
            controller.abort(new Error(`received ${signalName}`));
        }
        else {
            process.exit(signalName === 'SIGINT' ? 130 : 143);
        }
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        }
    };
}


/***/ }),

/***/ 329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ readEnvironment)
/* harmony export */ });
/* unused harmony export newRunId */
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2325);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


/** Reads where the run happens from the process environment; the only place that looks at GITHUB_*. */
function readEnvironment(env, runId) {
    const actions = env.GITHUB_ACTIONS === 'true';
    return {
        actions,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        repository: env.GITHUB_REPOSITORY || undefined,
        sha: env.GITHUB_SHA || undefined,
        tempDir: env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(),
        runId: runId ?? newRunId(env)
    };
}
/** Unique per run and attempt, readable on the engine: `<run id>-<attempt>-<random>` in Actions. */
function newRunId(env) {
    const random = (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .randomHex */ .nw)(4);
    return env.GITHUB_RUN_ID
        ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${random}`
        : `local-${random}`;
}


/***/ }),

/***/ 970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZC: () => (/* binding */ abortable),
/* harmony export */   nl: () => (/* binding */ deadline),
/* harmony export */   xM: () => (/* binding */ childController),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
// Small helpers for deadlines and cancellation as AbortSignals.
//
// Why not AbortSignal.any([parent, AbortSignal.timeout(ms)])? On Node 20 the timeout signal inside it is
// held only weakly and can be garbage collected before it fires (nodejs/node#57736): the deadline then
// never comes, and a call to an engine that stopped answering hangs. Seen here in the engine check under
// load. `deadline` keeps its own timer, which holds its controller strongly.
/** Rejects with the signal's reason as soon as it aborts, for calls that take no signal themselves. */
function abortable(promise, signal) {
    if (!signal)
        return promise;
    if (signal.aborted) {
        promise.catch(() => { });
        return Promise.reject(signal.reason);
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(value => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, error => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/** Resolves after `ms`, or rejects when the signal aborts first. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        // Polls sleep on one signal many times: each sleep takes its listener away again.
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * A signal that aborts after `ms` (with `reason`, a TimeoutError by default) or when `parent` aborts;
 * `dispose` clears the timer. The timer is unref'd: a pending deadline alone does not keep node running.
 */
function deadline(ms, reason = new DOMException('The operation timed out', 'TimeoutError'), parent) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(reason), ms);
    timer.unref();
    const onParentAbort = () => controller.abort(parent?.reason);
    if (parent?.aborted)
        controller.abort(parent.reason);
    else
        parent?.addEventListener('abort', onParentAbort, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            parent?.removeEventListener('abort', onParentAbort);
        }
    };
}
/** A controller that also aborts when `parent` does; `dispose` stops following the parent. */
function childController(parent) {
    const controller = new AbortController();
    const onParentAbort = () => controller.abort(parent?.reason);
    if (parent?.aborted)
        controller.abort(parent.reason);
    else
        parent?.addEventListener('abort', onParentAbort, { once: true });
    return { controller, dispose: () => parent?.removeEventListener('abort', onParentAbort) };
}


/***/ }),

/***/ 7146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ followOutput),
/* harmony export */   En: () => (/* binding */ killQuietly),
/* harmony export */   S2: () => (/* binding */ removeQuietly),
/* harmony export */   ov: () => (/* binding */ readOutput),
/* harmony export */   sP: () => (/* binding */ watchExit),
/* harmony export */   tn: () => (/* binding */ untilListedStopped)
/* harmony export */ });
/* harmony import */ var _engine_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4728);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1800);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(970);




/**
 * Opens `POST /containers/{id}/wait?condition=next-exit` and resolves once the engine has answered
 * with headers: from then on the wait is registered, so `start` may follow without a race.
 */
async function watchExit(client, id, signal) {
    return readExit(client, await client.containers.waitNextExit(id, signal), signal);
}
function readExit(client, response, signal) {
    let body = '';
    let ended = false;
    const exited = new Promise((resolve, reject) => {
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
            if (body.length < 65536)
                body += chunk;
        });
        response.on('end', () => {
            ended = true;
            const parsed = parseWaitBody(body);
            if (parsed)
                resolve(parsed);
            else
                reject(client.lost('waiting for the container to exit, without an exit status'));
        });
        const lost = () => {
            if (ended)
                return;
            if (signal?.aborted)
                reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
            else
                reject(client.lost('waiting for the container to exit'));
        };
        response.on('error', lost);
        response.on('close', lost);
    });
    // Whoever stops caring (the container was judged ready, or timed out) must not leave an unhandled rejection.
    exited.catch(() => { });
    return {
        exited,
        close: () => {
            ended = true;
            response.destroy();
        }
    };
}
function parseWaitBody(body) {
    try {
        const json = JSON.parse(body);
        if (typeof json.StatusCode !== 'number')
            return undefined;
        return { statusCode: json.StatusCode, ...(json.Error?.Message ? { error: json.Error.Message } : {}) };
    }
    catch {
        return undefined;
    }
}
/**
 * Follows the container's combined output into `collector`, frame by frame, never buffering it whole.
 * Resolves at once, without waiting for the reply's headers: Podman 4 sends them only with the first
 * line of output, so a quiet container (a web server) would hold the smoke entry until its timeout.
 * The logs read from the container's start whenever the reply comes, so nothing is missed. With
 * `follow: false`, what a stopped container wrote, read once.
 */
async function followOutput(client, id, collector, signal, options = {}) {
    let stream;
    let closed = false;
    const demuxer = new _output_js__WEBPACK_IMPORTED_MODULE_2__/* .FrameDemuxer */ .Y2(payload => collector.append(payload));
    const ended = new Promise(resolve => {
        const request = client.containers.logs(id, signal, options);
        // A logs request that fails (the container is gone, the engine stopped) ends the output; the
        // exit watch and the engine calls after it say what happened.
        request.then(reply => {
            stream = reply;
            if (closed)
                reply.destroy();
            reply.on('data', (chunk) => demuxer.push(chunk));
            reply.on('end', () => resolve(true));
            reply.on('close', () => resolve(reply.complete));
            reply.on('error', () => resolve(false));
        }, () => resolve(false));
    });
    return {
        ended,
        close: () => {
            closed = true;
            stream?.destroy();
        }
    };
}
/** What a stopped container wrote, read whole into `collector`; true when all of it was read. */
async function readOutput(client, id, collector, signal) {
    return (await followOutput(client, id, collector, signal, { follow: false })).ended;
}
/** Kills a container; one that already stopped or is gone is fine. */
async function killQuietly(client, id, signal) {
    try {
        await client.containers.kill(id, signal);
    }
    catch (error) {
        if (!(error instanceof _engine_client_js__WEBPACK_IMPORTED_MODULE_0__/* .EngineError */ .NJ && [304, 404, 409].includes(error.status ?? 0)))
            throw error;
    }
}
/**
 * Waits (a bounded while) until the container listing no longer says `running`. dockerd 28 answers a
 * kill once the container stopped but updates the view that /containers/json reads (and `docker ps`,
 * and this run's inventory) just after (moby daemon/monitor.go: SetStopped, then CheckpointTo the
 * replica); measured 20-50 ms here. A kept container must be listed as stopped in the report.
 */
async function untilListedStopped(client, id, signal, withinMs = 3_000) {
    const until = Date.now() + withinMs;
    for (;;) {
        const [listed] = await client.containers.list({ all: true, filters: { id: [id] } }, signal);
        if (!listed || !['running', 'restarting'].includes(listed.State) || Date.now() > until)
            return;
        await (0,_signals_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .yy)(25, signal);
    }
}
/**
 * Removes a container with its anonymous volumes, killing it if it runs. Resolves true when it is gone
 * (also when it already was), false with the reason when the engine refused or could not be reached.
 * `exited`: the container's exit was seen (its wait answered) and nothing restarts it, so there is
 * nothing to kill and the kill's round trip (a 409) is skipped.
 */
async function removeQuietly(client, id, signal, options = {}) {
    try {
        // Killed first: Podman's forced remove stops a running container with its stop timeout (SIGTERM,
        // then SIGKILL after 10 s; a `sleep` as PID 1 ignores SIGTERM), where dockerd kills at once.
        // A failed kill (gone, already stopped, engine away) is for the remove to report.
        if (!options.exited)
            await killQuietly(client, id, signal).catch(() => { });
        await client.containers.remove(id, { force: true }, signal);
        return { removed: true };
    }
    catch (error) {
        const code = error instanceof _engine_client_js__WEBPACK_IMPORTED_MODULE_0__/* .EngineError */ .NJ ? error.status : undefined;
        if (code === 404)
            return { removed: true };
        // 409 "removal already in progress": someone (the post step) is removing it.
        if (code === 409 && /already in progress/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)))
            return { removed: true };
        return { removed: false, error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error) };
    }
}


/***/ }),

/***/ 3793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ runEntry)
/* harmony export */ });
/* unused harmony export containerName */
/* harmony import */ var shell_quote__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6591);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _container_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7146);
/* harmony import */ var _healthcheck_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9619);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1800);
/* harmony import */ var _ports_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8973);
/* harmony import */ var _engine_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4728);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(970);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6264);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7302);
// One smoke container from spec to verdict: image, create, wait registered, start, follow output, judge
// (exit, readiness or settle), then kill and remove. Deadlines and cancellation are AbortSignals that
// reach every engine call; removal happens whatever the outcome.










/** Cleanup calls get their own deadline: they run after the entry's own has passed, or after a cancel. */
const CLEANUP_TIMEOUT_MS = 15_000;
class EntryTimeout extends Error {
}
/**
 * Runs one entry. Resolves with its result whatever happened to it, a cancel included (reason
 * `cancelled`, once its container is removed); rejects only with CancelledError when cancelled before
 * anything was created.
 */
async function runEntry(spec, context) {
    let started = context.onStarted;
    const onStarted = () => {
        started?.();
        started = undefined;
    };
    try {
        return await runEntryOnce(spec, context, onStarted);
    }
    finally {
        onStarted();
    }
}
async function runEntryOnce(spec, context, onStarted) {
    const started = Date.now();
    const watched = (collector) => ({
        expect: spec.expectOutput ? collector.watch(spec.expectOutput) : undefined,
        reject: spec.rejectOutput ? collector.watch(spec.rejectOutput) : undefined,
        ready: spec.ready?.kind === 'log' ? collector.watch(spec.ready.pattern) : undefined
    });
    // Replaced once on Podman, by the output read again after the exit (below).
    let output = new _output_js__WEBPACK_IMPORTED_MODULE_3__/* .OutputCollector */ .Lc();
    let watches = watched(output);
    const reference = spec.image ?? context.builtImage?.reference;
    // The built image is run by ID: its tag may be moved by another build meanwhile.
    const imageToRun = spec.image ?? context.builtImage?.id;
    const result = (verdict, container) => ({
        name: spec.name,
        image: reference ?? '',
        passed: verdict.passed,
        ...(verdict.exitCode !== undefined ? { exitCode: verdict.exitCode } : {}),
        durationMs: Date.now() - started,
        startedAt: new Date(started).toISOString(),
        reason: verdict.reason,
        outputTail: output.tail.text(),
        outputTruncated: output.tail.truncated,
        ...(container ? { container } : {})
    });
    if (!reference || !imageToRun) {
        return result({ passed: false, reason: 'no image: this run built none, so the entry needs image:' });
    }
    try {
        await context.images.provide(imageToRun, spec.image === undefined);
    }
    catch (error) {
        if (context.signal?.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc();
        return result({ passed: false, reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error) });
    }
    // Creating and starting get the entry's timeout; the container's own time then counts from its start,
    // so a slow create on a busy engine does not eat into it.
    let timeout = (0,_signals_js__WEBPACK_IMPORTED_MODULE_6__/* .deadline */ .nl)(spec.timeoutMs, new EntryTimeout(), context.signal);
    let signal = timeout.signal;
    const record = {
        id: '',
        name: containerName(context.runId, spec.name),
        command: '',
        created: '',
        state: 'not created',
        ports: [],
        removed: false
    };
    const { client } = context;
    let container;
    let exitWatch;
    let follow;
    let phase = 'creating the container';
    let lastAnswer;
    let verdict;
    try {
        const bindings = (0,_ports_js__WEBPACK_IMPORTED_MODULE_7__/* .portBindings */ .wJ)(spec.ports);
        // A Compose stack's network wins; hello-world beside a built image has none (defaults.ts).
        const networkMode = context.network || spec.networkMode;
        container = await client.containers.create(record.name, {
            Image: imageToRun,
            ...(spec.command ? { Cmd: spec.command } : {}),
            ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
            Env: Object.entries(spec.env).map(([name, value]) => `${name}=${value}`),
            ...(spec.user ? { User: spec.user } : {}),
            ...(spec.workdir ? { WorkingDir: spec.workdir } : {}),
            Labels: { ...context.labels, 'io.docker-preflight.smoke-entry': spec.name },
            Tty: false,
            ExposedPorts: bindings.ExposedPorts,
            // No AutoRemove: wait, logs and remove answer 404 once such a container exits.
            HostConfig: {
                PortBindings: bindings.PortBindings,
                AutoRemove: false,
                ...(networkMode ? { NetworkMode: networkMode } : {})
            }
        }, signal);
        record.id = container;
        record.state = 'created';
        phase = 'starting it';
        // Registered before start, with next-exit: the default condition answers 0 at once for a container
        // that has not started yet.
        exitWatch = await (0,_container_js__WEBPACK_IMPORTED_MODULE_2__/* .watchExit */ .sP)(client, container, signal);
        await client.containers.start(container, signal);
        record.state = 'running';
        onStarted();
        timeout.dispose();
        timeout = (0,_signals_js__WEBPACK_IMPORTED_MODULE_6__/* .deadline */ .nl)(spec.timeoutMs, new EntryTimeout(), context.signal);
        signal = timeout.signal;
        follow = await (0,_container_js__WEBPACK_IMPORTED_MODULE_2__/* .followOutput */ .DN)(client, container, output, signal);
        const info = await client.containers.inspect(container, signal);
        const ports = (0,_ports_js__WEBPACK_IMPORTED_MODULE_7__/* .publishedPorts */ .LQ)(info.NetworkSettings?.Ports);
        record.ports = ports.map(_ports_js__WEBPACK_IMPORTED_MODULE_7__/* .describePort */ .Rf);
        record.created = info.Created;
        // From Config, not Path/Args: Podman's Args repeat Path when the command is one word (hello-world
        // inspects as Path /hello, Args [/hello]); Entrypoint then Cmd is the same command on both engines.
        const entrypoint = info.Config?.Entrypoint ?? [];
        record.command = (0,shell_quote__WEBPACK_IMPORTED_MODULE_0__.quote)([...(typeof entrypoint === 'string' ? [entrypoint] : entrypoint), ...(info.Config?.Cmd ?? [])].filter(word => word !== ''));
        // The default entry's readiness came from the image's inspect; the container's config is what the
        // engine runs (Podman 4.3's image inspect leaves HEALTHCHECK out, its containers run it).
        const judged = spec.readyFromImage && spec.ready?.kind !== 'healthy' && (0,_healthcheck_js__WEBPACK_IMPORTED_MODULE_8__/* .hasHealthcheck */ .z)(info.Config)
            ? { ...spec, ready: { kind: 'healthy' }, settleMs: undefined }
            : spec;
        const exited = (0,_signals_js__WEBPACK_IMPORTED_MODULE_6__/* .abortable */ .ZC)(exitWatch.exited, signal);
        exited.catch(() => { });
        if (judged.ready) {
            phase = 'waiting to be ready';
            verdict = await untilReady(judged, {
                client,
                id: container,
                ports,
                exited,
                signal,
                logWatch: watches.ready,
                expectWatch: watches.expect,
                reference
            }, a => {
                lastAnswer = a;
            });
        }
        else {
            phase = judged.settleMs ? 'settling' : 'waiting for it to exit';
            // The settle timer ends with the race: a pending one would hold the process open after the run.
            const settled = new AbortController();
            const status = judged.settleMs
                ? await Promise.race([
                    exited,
                    (0,_signals_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .yy)(judged.settleMs, AbortSignal.any([signal, settled.signal]))
                ]).finally(() => settled.abort())
                : await exited;
            if (!status) {
                verdict = { passed: true, reason: `still running after ${(0,_format_js__WEBPACK_IMPORTED_MODULE_9__/* .formatDuration */ .a3)(judged.settleMs)}` };
            }
            else {
                record.state = 'exited';
                await drain(follow, signal);
                // Podman 4.3 ends a followed log stream once the container has exited, before it has sent all
                // the container wrote (the last lines of 100 MB were lost; `docker logs` afterwards has them).
                // There the exited container's output is read again, whole, in place of what was followed, unless
                // that reading has less (Podman's log file can lag the exit a moment): the longer one is a superset.
                if (await client.system.isPodman(signal)) {
                    const again = new _output_js__WEBPACK_IMPORTED_MODULE_3__/* .OutputCollector */ .Lc();
                    const againWatches = watched(again);
                    const whole = await (0,_container_js__WEBPACK_IMPORTED_MODULE_2__/* .readOutput */ .ov)(client, container, again, signal);
                    if (whole && again.tail.totalBytes >= output.tail.totalBytes) {
                        output = again;
                        watches = againWatches;
                    }
                }
                verdict = judgeExit(status, spec, watches);
            }
        }
        if (verdict.passed && watches.reject?.matched) {
            verdict = {
                ...verdict,
                passed: false,
                reason: `output matched reject-output ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .showPattern */ .uz)(spec.rejectOutput)}`
            };
        }
    }
    catch (error) {
        if (context.signal?.aborted)
            verdict = { passed: false, reason: 'cancelled' };
        else if (signal.reason instanceof EntryTimeout) {
            const what = phase === 'waiting for it to exit' || phase === 'settling' ? '' : ` ${phase}`;
            const last = lastAnswer ? ` (last: ${lastAnswer.detail})` : '';
            verdict = { passed: false, reason: `timed out after ${(0,_format_js__WEBPACK_IMPORTED_MODULE_9__/* .formatDuration */ .a3)(spec.timeoutMs)}${what}${last}` };
        }
        else if (error instanceof _engine_client_js__WEBPACK_IMPORTED_MODULE_4__/* .EngineError */ .NJ && error.kind !== 'http') {
            // The engine went away or cannot be reached: the client's sentence says so.
            verdict = { passed: false, reason: error.message };
        }
        else
            verdict = { passed: false, reason: `failed ${phase}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}` };
    }
    finally {
        timeout.dispose();
    }
    exitWatch?.close();
    follow?.close();
    if (container) {
        const cleanupSignal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
        if (context.cleanup || context.signal?.aborted) {
            // The smoke containers have no restart policy: one whose exit was seen stays stopped.
            const removal = await (0,_container_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(client, container, cleanupSignal, {
                exited: record.state === 'exited'
            });
            record.removed = removal.removed;
            if (!removal.removed)
                verdict.reason += `; it could not be removed: ${removal.error}`;
            // After a cancel the log is all the user gets: say the container is gone.
            else if (context.signal?.aborted)
                verdict.reason += `; removed container ${record.name}`;
        }
        else if (record.state !== 'exited') {
            // Kept for inspection, but stopped. Also after a start call cut short by the deadline: the engine
            // may have started the container after we stopped waiting (a kill of one that never ran is a 409).
            await (0,_container_js__WEBPACK_IMPORTED_MODULE_2__/* .killQuietly */ .En)(client, container, cleanupSignal)
                .then(() => (0,_container_js__WEBPACK_IMPORTED_MODULE_2__/* .untilListedStopped */ .tn)(client, container, cleanupSignal))
                .catch(() => { });
        }
    }
    return result(verdict, record.id ? record : undefined);
}
async function untilReady(spec, context, onAnswer) {
    // Loaded only by entries that wait to be ready (the default entries do not).
    const { strategyFor, waitUntilReady } = await __webpack_require__.e(/* import() */ 546).then(__webpack_require__.bind(__webpack_require__, 2546));
    const strategy = strategyFor(spec.ready, {
        client: context.client,
        id: context.id,
        image: context.reference,
        ports: context.ports,
        logWatch: context.logWatch
    });
    if (typeof strategy === 'string') {
        // A container that exits at once has no published ports left to inspect: say it exited.
        const status = await Promise.race([context.exited, (0,_signals_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .yy)(1000, context.signal).then(() => undefined)]);
        if (status) {
            return {
                passed: false,
                exitCode: status.statusCode,
                reason: `exited ${status.statusCode} before it was ready`
            };
        }
        return { passed: false, reason: `cannot wait to be ready: ${strategy}` };
    }
    // The poll stops when the container exits first (or at the deadline).
    const stopPolling = new AbortController();
    const pollSignal = AbortSignal.any([context.signal, stopPolling.signal]);
    const outcome = await Promise.race([
        context.exited.then(status => ({ kind: 'exited', status })),
        waitUntilReady(strategy, pollSignal, onAnswer).then(answer => ({ kind: 'answer', answer }))
    ]).finally(() => stopPolling.abort());
    if (outcome.kind === 'exited') {
        return {
            passed: false,
            exitCode: outcome.status.statusCode,
            reason: `exited ${outcome.status.statusCode} before it was ready (waiting for ${strategy.description})`
        };
    }
    if (!outcome.answer.ready)
        return { passed: false, reason: outcome.answer.detail };
    if (context.expectWatch && !(await matchedSoon(context.expectWatch, context.signal))) {
        return {
            passed: false,
            reason: `ready, but the output did not match ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .showPattern */ .uz)(context.expectWatch.pattern)}`
        };
    }
    return { passed: true, reason: `ready: ${outcome.answer.detail}` };
}
/**
 * A service's expect-output is judged on the output seen by the time it is ready, plus a moment for
 * the log stream to catch up with what was written just before.
 */
async function matchedSoon(watch, signal) {
    for (let waited = 0; !watch.matched && waited < 1000; waited += 100)
        await (0,_signals_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .yy)(100, signal);
    return watch.matched;
}
function judgeExit(status, spec, watches) {
    const code = status.statusCode;
    const problems = [];
    if (code !== spec.expectExitCode)
        problems.push(`exited ${code}, expected ${spec.expectExitCode}`);
    if (watches.reject?.matched)
        problems.push(`output matched reject-output ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .showPattern */ .uz)(spec.rejectOutput)}`);
    if (watches.expect && !watches.expect.matched) {
        problems.push(`${problems.length ? 'output' : `exited ${code} but the output`} did not match ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .showPattern */ .uz)(spec.expectOutput)}`);
    }
    if (problems.length > 0)
        return { passed: false, exitCode: code, reason: problems.join('; ') };
    const matched = watches.expect ? ` and output matched ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .showPattern */ .uz)(spec.expectOutput)}` : '';
    return { passed: true, exitCode: code, reason: `exited ${code}${matched}` };
}
/**
 * Lets the log stream deliver what the container wrote before it exited. The engine may need a while to
 * read back a large log, so this waits for the stream's end, bounded by the entry's deadline (then the
 * verdict uses what arrived).
 */
async function drain(follow, signal) {
    await (0,_signals_js__WEBPACK_IMPORTED_MODULE_6__/* .abortable */ .ZC)(follow.ended, signal).catch(() => { });
}
/** `preflight-<runId>-<entry>`, within Docker's name rules. */
function containerName(runId, entry) {
    return `preflight-${runId}-${entry}`.replace(/[^a-zA-Z0-9_.-]+/g, '-');
}


/***/ }),

/***/ 9619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ hasHealthcheck)
/* harmony export */ });
/**
 * True when a container's (or image's) config has a HEALTHCHECK the engine runs: a test that is not
 * `NONE` (which turns an inherited one off). A container's config is what counts: Podman 4.3 shows an
 * empty State.Health for a container without one, and its image inspect omits the image's check.
 */
function hasHealthcheck(config) {
    const test = config?.Healthcheck?.Test;
    return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE';
}


/***/ }),

/***/ 1800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lc: () => (/* binding */ OutputCollector),
/* harmony export */   Y2: () => (/* binding */ FrameDemuxer),
/* harmony export */   dd: () => (/* binding */ TAIL_BYTES),
/* harmony export */   gY: () => (/* binding */ OutputTail)
/* harmony export */ });
/* unused harmony export PatternWatch */
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_0__);
// A container's output, held in bounded memory however much it writes: the multiplexed log stream is
// split into frames as it arrives, only the last part is kept, and patterns are matched on the fly.

/** How much of each container's combined output is kept for the report and the log. */
const TAIL_BYTES = 64 * 1024;
/**
 * Splits Docker's multiplexed stream (non-TTY attach and logs): each frame is an 8-byte header
 * (stream type, 3 zero bytes, big-endian uint32 size) followed by that many bytes. Frames may be split
 * across chunks and chunks may hold many frames; payloads are passed on as they arrive, never gathered.
 */
class FrameDemuxer {
    onPayload;
    header = Buffer.alloc(8);
    headerFill = 0;
    remaining = 0;
    kind = 'stdout';
    constructor(onPayload) {
        this.onPayload = onPayload;
    }
    push(chunk) {
        let offset = 0;
        while (offset < chunk.length) {
            if (this.remaining === 0) {
                const take = Math.min(8 - this.headerFill, chunk.length - offset);
                chunk.copy(this.header, this.headerFill, offset, offset + take);
                this.headerFill += take;
                offset += take;
                if (this.headerFill < 8)
                    return;
                this.headerFill = 0;
                this.kind = this.header[0] === 2 ? 'stderr' : this.header[0] === 0 ? 'stdin' : 'stdout';
                this.remaining = this.header.readUInt32BE(4);
                continue;
            }
            const take = Math.min(this.remaining, chunk.length - offset);
            this.onPayload(chunk.subarray(offset, offset + take), this.kind);
            this.remaining -= take;
            offset += take;
        }
    }
    /** True when the stream ended mid-frame (a truncated reply). */
    get incomplete() {
        return this.remaining > 0 || this.headerFill > 0;
    }
}
/** The last `limit` bytes of everything appended, plus how much was seen in all. */
class OutputTail {
    limit;
    chunks = [];
    held = 0;
    totalBytes = 0;
    constructor(limit = TAIL_BYTES) {
        this.limit = limit;
    }
    append(data) {
        if (data.length === 0)
            return;
        this.totalBytes += data.length;
        // Copy: the payload may be a view into a larger socket buffer we must not pin.
        const piece = data.length > this.limit ? data.subarray(data.length - this.limit) : data;
        this.chunks.push(Buffer.from(piece));
        this.held += piece.length;
        while (this.chunks.length > 1 && this.held - this.chunks[0].length >= this.limit) {
            this.held -= this.chunks.shift().length;
        }
        // Many tiny writes would otherwise keep many tiny buffers alive: compact now and then.
        if (this.chunks.length > 256) {
            const compacted = this.bytes();
            this.chunks = [compacted];
            this.held = compacted.length;
        }
    }
    get truncated() {
        return this.totalBytes > this.limit;
    }
    bytes() {
        const all = Buffer.concat(this.chunks);
        return all.length > this.limit ? all.subarray(all.length - this.limit) : all;
    }
    /** The tail as text; a multi-byte character cut by the limit is dropped rather than mangled. */
    text() {
        let bytes = this.bytes();
        if (this.truncated) {
            let start = 0;
            while (start < bytes.length && start < 4 && (bytes[start] & 0xc0) === 0x80)
                start++;
            bytes = bytes.subarray(start);
        }
        return bytes.toString('utf8');
    }
}
/**
 * Watches the output for a pattern as it streams by. Each new piece is matched together with the last
 * `overlap` characters before it, so a match spanning pieces is found while memory stays bounded.
 * Once matched it stays matched.
 */
class PatternWatch {
    pattern;
    overlap;
    matched = false;
    decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_0__.StringDecoder('utf8');
    carry = '';
    listeners = [];
    constructor(pattern, overlap = 4096) {
        this.pattern = pattern;
        this.overlap = overlap;
    }
    feed(data) {
        if (this.matched)
            return;
        const text = this.carry + this.decoder.write(data);
        if (this.pattern.test(text)) {
            this.matched = true;
            this.carry = '';
            for (const listener of this.listeners.splice(0))
                listener();
            return;
        }
        this.carry = text.length > this.overlap ? text.slice(text.length - this.overlap) : text;
    }
    /** Calls `listener` once, when (or if already) matched. */
    onMatch(listener) {
        if (this.matched)
            listener();
        else
            this.listeners.push(listener);
    }
}
/** Everything kept of one container's output: the tail and the watched patterns. */
class OutputCollector {
    tail;
    watches = [];
    constructor(limit = TAIL_BYTES) {
        this.tail = new OutputTail(limit);
    }
    watch(pattern) {
        const watch = new PatternWatch(pattern);
        this.watches.push(watch);
        return watch;
    }
    append(data) {
        this.tail.append(data);
        for (const watch of this.watches)
            watch.feed(data);
    }
}


/***/ }),

/***/ 8973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ parsePortMapping),
/* harmony export */   LQ: () => (/* binding */ publishedPorts),
/* harmony export */   Rf: () => (/* binding */ describePort),
/* harmony export */   Zj: () => (/* binding */ connectHost),
/* harmony export */   wJ: () => (/* binding */ portBindings)
/* harmony export */ });
/* unused harmony exports PORT_EXPECTED, portKey */
const PORT_MAPPING = /^(?:(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d*):)?(\d+)(?:\/(tcp|udp))?$/i;
const PORT_EXPECTED = 'is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")';
/** A PortSpec, or why the text is not one. */
function parsePortMapping(text) {
    const match = PORT_MAPPING.exec(text.trim());
    if (!match)
        return PORT_EXPECTED;
    const [, hostIp, hostRaw, containerRaw, protocolRaw] = match;
    const containerPort = Number(containerRaw);
    if (!validPort(containerPort))
        return 'has a container port outside 1-65535';
    const hostPort = hostRaw ? Number(hostRaw) : undefined;
    if (hostPort !== undefined && !validPort(hostPort))
        return 'has a host port outside 1-65535';
    if (hostIp && hostIp.split('.').some(part => Number(part) > 255))
        return 'has an invalid IPv4 address';
    return {
        containerPort,
        hostPort,
        protocol: (protocolRaw?.toLowerCase() ?? 'tcp'),
        ...(hostIp ? { hostIp } : {})
    };
}
function validPort(port) {
    return Number.isInteger(port) && port >= 1 && port <= 65535;
}
function portKey(port) {
    return `${port.containerPort}/${port.protocol}`;
}
/** ExposedPorts and HostConfig.PortBindings for the create call. */
function portBindings(ports) {
    const ExposedPorts = {};
    const PortBindings = {};
    for (const port of ports) {
        const key = portKey(port);
        ExposedPorts[key] = {};
        const binding = {
            HostIp: port.hostIp ?? '127.0.0.1',
            HostPort: port.hostPort ? String(port.hostPort) : ''
        };
        (PortBindings[key] ??= []).push(binding);
    }
    return { ExposedPorts, PortBindings };
}
/** Reads NetworkSettings.Ports from a container inspect. */
function publishedPorts(ports) {
    const result = [];
    for (const [key, bindings] of Object.entries(ports ?? {})) {
        const [port, protocol] = key.split('/');
        for (const binding of bindings ?? []) {
            if (!binding.HostPort)
                continue;
            result.push({
                containerPort: Number(port),
                protocol: protocol === 'udp' ? 'udp' : 'tcp',
                hostIp: binding.HostIp || '127.0.0.1',
                hostPort: Number(binding.HostPort)
            });
        }
    }
    return result;
}
/** `127.0.0.1:49153->80/tcp`, as `docker ps` shows it. */
function describePort(port) {
    return `${port.hostIp}:${port.hostPort}->${port.containerPort}/${port.protocol}`;
}
/** The address to connect to for a published port (0.0.0.0 and :: mean "any": use loopback). */
function connectHost(port) {
    return port.hostIp === '0.0.0.0' || port.hostIp === ''
        ? '127.0.0.1'
        : port.hostIp === '::'
            ? '::1'
            : port.hostIp;
}


/***/ }),

/***/ 1114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   zI: () => (/* binding */ ImageProvider)
/* harmony export */ });
/* unused harmony exports ImageUnavailableError, inspectImage, pullImage */
/* harmony import */ var _engine_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4728);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _engine_json_stream_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(523);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6264);
/* harmony import */ var _healthcheck_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9619);





class ImageUnavailableError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreflightError */ .wG {
    constructor(message) {
        super(message);
        this.name = 'ImageUnavailableError';
    }
}
/** Pulls each reference at most once per run, however many entries use it. */
class ImageProvider {
    client;
    policy;
    log;
    signal;
    pending = new Map();
    constructor(client, policy, log, signal) {
        this.client = client;
        this.policy = policy;
        this.log = log;
        this.signal = signal;
    }
    /** `local`: an image this run built (or an ID), never pulled whatever the policy. */
    provide(reference, local = false) {
        const key = `${local ? 'local' : 'ref'}:${reference}`;
        let pending = this.pending.get(key);
        if (!pending) {
            pending = this.resolve(reference, local);
            pending.catch(() => { });
            this.pending.set(key, pending);
        }
        return pending;
    }
    async resolve(reference, local) {
        const isId = /^(sha256:)?[a-f0-9]{64}$/.test(reference);
        if (local || isId || this.policy === 'never') {
            const facts = await inspectImage(this.client, reference, this.signal);
            if (facts)
                return facts;
            if (local || isId)
                throw new ImageUnavailableError(`image "${reference}" is not on the engine`);
            throw new ImageUnavailableError(`image "${reference}" is not on the engine, and pull-policy is never`);
        }
        if (this.policy === 'missing') {
            const facts = await inspectImage(this.client, reference, this.signal);
            if (facts)
                return facts;
        }
        await pullImage(this.client, reference, this.log, this.signal);
        const facts = await inspectImage(this.client, reference, this.signal);
        if (!facts)
            throw new ImageUnavailableError(`image "${reference}" was pulled but is not on the engine`);
        return facts;
    }
}
async function inspectImage(client, reference, signal) {
    let info;
    try {
        info = await client.images.inspect(reference, signal);
    }
    catch (error) {
        if (signal?.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc();
        throw unavailable(reference, 'inspected', error);
    }
    if (!info)
        return undefined;
    const test = info.Config?.Healthcheck?.Test;
    return {
        id: info.Id,
        reference,
        healthcheck: (0,_healthcheck_js__WEBPACK_IMPORTED_MODULE_3__/* .hasHealthcheck */ .z)(info.Config) ? test : undefined,
        exposedPorts: Object.keys(info.Config?.ExposedPorts ?? {})
    };
}
/** The engine refused: the image is unavailable, in its words. An engine that went away says so itself. */
function unavailable(reference, what, error) {
    if (error instanceof _engine_client_js__WEBPACK_IMPORTED_MODULE_0__/* .EngineError */ .NJ && error.kind !== 'http')
        return error;
    return new ImageUnavailableError(`image "${reference}" could not be ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}`);
}
const PROGRESS_EVERY_MS = 2000;
/** Pulls one reference; rejects with ImageUnavailableError naming what the registry said. */
async function pullImage(client, reference, log, signal) {
    const started = Date.now();
    log.progress(`Pulling ${reference}`);
    let stream;
    try {
        stream = await client.images.pull(reference, signal);
    }
    catch (error) {
        if (signal?.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc();
        throw unavailable(reference, 'pulled', error);
    }
    const layers = new Map();
    let lastStatus = '';
    let lastShown = Date.now();
    const onEvent = (event) => {
        if (event.error || event.errorDetail)
            return event.errorDetail?.message ?? event.error ?? '';
        if (event.status?.startsWith('Status:') || event.status?.startsWith('Digest:'))
            lastStatus = event.status;
        if (event.id && event.status && /^[a-f0-9]{12}$/.test(event.id)) {
            const layer = layers.get(event.id) ?? { current: 0, total: 0, done: false };
            if (event.progressDetail?.total) {
                layer.current = event.progressDetail.current ?? layer.current;
                layer.total = event.progressDetail.total;
            }
            if (/complete|Already exists/i.test(event.status))
                layer.done = true;
            layers.set(event.id, layer);
        }
        if (Date.now() - lastShown >= PROGRESS_EVERY_MS) {
            lastShown = Date.now();
            log.progress(`Pulling ${reference}: ${describeLayers(layers)}`);
        }
        return undefined;
    };
    const end = await (0,_engine_json_stream_js__WEBPACK_IMPORTED_MODULE_2__/* .readJsonLines */ .s)(stream, onEvent, signal);
    if (end.kind === 'lost')
        throw client.lost(`pulling ${reference}`);
    if (end.kind !== 'end') {
        const message = end.kind === 'error' ? end.message : _engine_json_stream_js__WEBPACK_IMPORTED_MODULE_2__/* .MALFORMED_LINE */ .b;
        throw new ImageUnavailableError(`image "${reference}" could not be pulled: ${message}`);
    }
    log.progress(`Pulled ${reference} in ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(Date.now() - started)}: ${describeLayers(layers)}${lastStatus ? ` (${lastStatus})` : ''}`);
}
function describeLayers(layers) {
    const all = [...layers.values()];
    const done = all.filter(l => l.done).length;
    const current = all.reduce((sum, l) => sum + (l.done ? l.total : l.current), 0);
    const total = all.reduce((sum, l) => sum + l.total, 0);
    const size = total > 0 ? `, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(current)}/${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(total)}` : '';
    return `${done}/${all.length} layers${size}`;
}


/***/ }),

/***/ 7302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ parseSmokeEntries),
/* harmony export */   BN: () => (/* binding */ nameFromImage),
/* harmony export */   MF: () => (/* binding */ describeType),
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   jh: () => (/* binding */ isMap),
/* harmony export */   uz: () => (/* binding */ showPattern),
/* harmony export */   xI: () => (/* binding */ parseSmokeList)
/* harmony export */ });
/* unused harmony exports SMOKE_KEYS, READY_KEYS, compilePattern */
/* harmony import */ var shell_quote__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6591);
/* harmony import */ var _inputs_scalars_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4964);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3564);
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3772);
/* harmony import */ var _ports_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8973);
// The `smoke` input: a YAML list of containers to run and how to judge them. Every problem is collected
// (naming the entry and the key) so one report lists everything wrong before any container starts.





const SMOKE_KEYS = [
    'name',
    'image',
    'command',
    'entrypoint',
    'env',
    'user',
    'workdir',
    'ports',
    'expect-exit-code',
    'expect-output',
    'reject-output',
    'timeout',
    'ready'
];
const READY_KEYS = ['http', 'port', 'log', 'healthy'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const DURATION_EXPECTED = 'is not a duration (expected e.g. 30s, 2m, 1m30s)';
/**
 * Parses the `smoke` input. '' (or a document holding nothing) gives undefined: the defaults. `[]` gives
 * no containers at all. Problems name the entry (`entry #2 "web"`) and the key.
 */
async function parseSmokeList(text, defaults, problems, input = 'smoke') {
    if (text.trim() === '')
        return undefined;
    // Loaded only when there is YAML to read: the default run has none, and yaml is ~290 KB to evaluate.
    const { parseDocument } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const document = parseDocument(text);
    if (document.errors.length > 0) {
        for (const error of document.errors) {
            problems.add(input, text, `is not valid YAML: ${error.message.split('\n')[0].replace(/:$/, '')}`);
        }
        return undefined;
    }
    const value = document.toJS();
    if (value === null || value === undefined)
        return undefined;
    if (!Array.isArray(value)) {
        const got = describeType(value);
        const hint = isMap(value) ? '; start each entry with "- ", e.g. "- image: hello-world"' : '';
        problems.add(input, text, `is not a YAML list of containers (got ${got}${hint})`);
        return undefined;
    }
    return parseSmokeEntries(value, defaults, problems, input);
}
/**
 * The entries of an already-parsed list (the `smoke` input, or `compose-smoke` after its service keys
 * are taken out): every entry checked, names made unique. undefined when any entry had a problem.
 */
function parseSmokeEntries(value, defaults, problems, input = 'smoke') {
    const specs = [];
    const before = problems.items.length;
    const usedNames = new Map();
    value.forEach((entry, index) => {
        const spec = parseEntry(entry, index, defaults, problems, input);
        if (!spec)
            return;
        const explicit = isMap(entry) && entry.name !== undefined;
        if (usedNames.has(spec.name)) {
            if (explicit) {
                const first = usedNames.get(spec.name);
                problems.add(input, spec.name, `${location(index, spec.name, 'name')} is already the name of entry #${first}`);
            }
            else {
                let n = 2;
                while (usedNames.has(`${spec.name}-${n}`))
                    n++;
                spec.name = `${spec.name}-${n}`;
            }
        }
        usedNames.set(spec.name, index + 1);
        specs.push(spec);
    });
    return problems.items.length === before ? specs : undefined;
}
function parseEntry(entry, index, defaults, problems, input) {
    if (!isMap(entry)) {
        problems.add(input, show(entry), `${location(index)} is not a map of settings (got ${describeType(entry)}; e.g. "- image: hello-world")`);
        return undefined;
    }
    const image = typeof entry.image === 'string' ? entry.image.trim() : undefined;
    const rawName = isScalar(entry.name) && entry.name !== null ? String(entry.name) : undefined;
    const name = rawName ?? (image ? nameFromImage(image) : 'built-image');
    const before = problems.items.length;
    const problem = (key, value, expected) => problems.add(input, show(value), `${location(index, name, key)} ${expected}`);
    for (const key of Object.keys(entry)) {
        if (SMOKE_KEYS.includes(key))
            continue;
        const suggestion = (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_2__/* .didYouMean */ .a)(key, SMOKE_KEYS);
        problem(undefined, key, suggestion
            ? `is not a known key; did you mean "${suggestion}"?`
            : `is not a known key (expected one of ${SMOKE_KEYS.join(', ')})`);
    }
    if (entry.name !== undefined && (rawName === undefined || !NAME.test(rawName))) {
        problem('name', entry.name, 'is not a name (letters, digits, "_", "." and "-", up to 63, first a letter or digit)');
    }
    if (entry.image !== undefined && (image === undefined || !isImageReference(image))) {
        problem('image', entry.image, 'is not an image reference (e.g. busybox:1.36 or 127.0.0.1:5000/app:tag)');
    }
    const spec = {
        name,
        image,
        env: {},
        ports: [],
        expectExitCode: 0,
        timeoutMs: defaults.timeoutMs
    };
    for (const key of ['command', 'entrypoint']) {
        if (entry[key] === undefined)
            continue;
        const words = parseWords(entry[key]);
        if (typeof words === 'string')
            problem(key, entry[key], words);
        else
            spec[key] = words;
    }
    if (entry.env !== undefined) {
        if (!isMap(entry.env))
            problem('env', entry.env, 'is not a map of NAME: value');
        else {
            for (const [variable, value] of Object.entries(entry.env)) {
                if (variable === '' || variable.includes('='))
                    problem('env', variable, 'is not an environment variable name');
                else if (!isScalar(value))
                    problem(`env.${variable}`, value, 'is not a string, number or boolean');
                else
                    spec.env[variable] = value === null ? '' : String(value);
            }
        }
    }
    for (const key of ['user', 'workdir']) {
        const value = entry[key];
        if (value === undefined)
            continue;
        if ((typeof value === 'string' && value.trim() !== '') || (key === 'user' && Number.isInteger(value))) {
            spec[key] = String(value).trim();
        }
        else
            problem(key, value, key === 'user' ? 'is not a user (e.g. 1000, nobody or 1000:1000)' : 'is not a path');
    }
    if (entry.ports !== undefined) {
        const list = Array.isArray(entry.ports) ? entry.ports : [entry.ports];
        for (const item of list) {
            if (typeof item !== 'string' && typeof item !== 'number') {
                problem('ports', item, 'is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")');
                continue;
            }
            const parsed = (0,_ports_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePortMapping */ .Fd)(String(item));
            if (typeof parsed === 'string')
                problem('ports', String(item), parsed);
            else
                spec.ports.push(parsed);
        }
    }
    if (entry['expect-exit-code'] !== undefined) {
        const code = entry['expect-exit-code'];
        if (typeof code === 'number' && Number.isInteger(code) && code >= 0 && code <= 255)
            spec.expectExitCode = code;
        else if (typeof code === 'string' && /^\d{1,3}$/.test(code.trim()) && Number(code) <= 255) {
            spec.expectExitCode = Number(code);
        }
        else
            problem('expect-exit-code', code, 'is not an exit code (a whole number from 0 to 255)');
    }
    for (const [key, field] of [
        ['expect-output', 'expectOutput'],
        ['reject-output', 'rejectOutput']
    ]) {
        const value = entry[key];
        if (value === undefined)
            continue;
        const pattern = typeof value === 'string' || typeof value === 'number' ? compilePattern(String(value)) : undefined;
        if (pattern instanceof RegExp)
            spec[field] = pattern;
        else
            problem(key, value, pattern ?? 'is not a regular expression (a string)');
    }
    if (entry.timeout !== undefined) {
        const value = entry.timeout;
        const ms = typeof value === 'string' || typeof value === 'number' ? (0,_inputs_scalars_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDurationMs */ .yi)(String(value)) : undefined;
        if (ms === undefined)
            problem('timeout', value, DURATION_EXPECTED);
        else
            spec.timeoutMs = ms;
    }
    if (entry.ready !== undefined) {
        const ready = parseReady(entry.ready, spec, (key, value, expected) => problem(key, value, expected));
        if (ready)
            spec.ready = ready;
    }
    return problems.items.length === before ? spec : undefined;
}
function parseReady(value, spec, problem) {
    if (!isMap(value)) {
        problem('ready', value, 'is not a map (expected one of http: /health, port: 80, log: <regex>, healthy: true)');
        return undefined;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
        if (READY_KEYS.includes(key))
            continue;
        const suggestion = (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_2__/* .didYouMean */ .a)(key, READY_KEYS);
        problem('ready', key, suggestion
            ? `is not a known key; did you mean "${suggestion}"?`
            : `is not a known key (expected one of ${READY_KEYS.join(', ')})`);
    }
    const known = keys.filter(key => READY_KEYS.includes(key));
    if (known.length !== 1) {
        if (known.length > 1)
            problem('ready', known.join(', '), 'names more than one way to be ready; choose one');
        else if (keys.length === 0)
            problem('ready', value, 'is empty (expected one of http, port, log, healthy)');
        return undefined;
    }
    const firstTcp = spec.ports.find(p => p.protocol === 'tcp');
    const key = known[0];
    const raw = value[key];
    switch (key) {
        case 'http': {
            const target = typeof raw === 'string' ? raw.trim() : '';
            if (/^https?:\/\/[^/\s]+/i.test(target)) {
                try {
                    new URL(target);
                    return { kind: 'http', target };
                }
                catch {
                    problem('ready.http', raw, 'is not a URL');
                    return undefined;
                }
            }
            if (!target.startsWith('/') || /\s/.test(target)) {
                problem('ready.http', raw, 'is not a path or URL (expected e.g. /health or http://127.0.0.1:8080/health)');
                return undefined;
            }
            if (!firstTcp) {
                problem('ready.http', raw, 'needs a published TCP port: add ports (e.g. "8080:80" or "80")');
                return undefined;
            }
            return { kind: 'http', target, containerPort: firstTcp.containerPort };
        }
        case 'port': {
            const port = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
            if (!Number.isInteger(port) || port < 1 || port > 65535) {
                problem('ready.port', raw, 'is not a port number (1-65535)');
                return undefined;
            }
            if (!spec.ports.some(p => p.protocol === 'tcp' && p.containerPort === port)) {
                problem('ready.port', raw, `is not a published TCP port: add ports (e.g. "${port}")`);
                return undefined;
            }
            return { kind: 'port', port };
        }
        case 'log': {
            const pattern = typeof raw === 'string' || typeof raw === 'number' ? compilePattern(String(raw)) : undefined;
            if (pattern instanceof RegExp)
                return { kind: 'log', pattern };
            problem('ready.log', raw, pattern ?? 'is not a regular expression (a string)');
            return undefined;
        }
        default: {
            if (raw === true)
                return { kind: 'healthy' };
            problem('ready.healthy', raw, 'must be true (the image HEALTHCHECK reports healthy)');
            return undefined;
        }
    }
}
/**
 * Where in the list a problem is: `(entry #2 "web", key "ports")`. The problem's input stays `smoke`, so
 * the report groups it with the other input problems.
 */
function location(index, name, key) {
    const entry = name === undefined ? `entry #${index + 1}` : `entry #${index + 1} "${name}"`;
    return key === undefined ? `(${entry})` : `(${entry}, key "${key}")`;
}
/**
 * A regular expression over the combined output. `/.../i` style is accepted for flags (i, s, u); `^` and
 * `$` always match at line starts and ends. Returns why it is not one otherwise.
 */
function compilePattern(text) {
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
    const source = literal ? literal[1] : text;
    const flags = literal ? literal[2] : '';
    if (source === '')
        return 'is not a regular expression (it is empty)';
    if (/[^ismu]/.test(flags))
        return `has flags "${flags}"; only i, s and u are allowed`;
    try {
        return new RegExp(source, [...new Set(`${flags}m`)].join(''));
    }
    catch (error) {
        return `is not a regular expression: ${error.message}`;
    }
}
/** `/Hello from Docker!/` \u2014 the pattern as a reason shows it. */
function showPattern(pattern) {
    return `/${pattern.source}/${pattern.flags.replace('m', '')}`;
}
/** A command as words: a list, or a string split as a shell would (quotes, escapes; no expansion). */
function parseWords(value) {
    if (Array.isArray(value)) {
        if (value.every(item => isScalar(item) && item !== null))
            return value.map(item => String(item));
        return 'is not a list of strings';
    }
    if (typeof value !== 'string')
        return 'is not a string or a list of strings';
    // Variables stay as written: there is no shell here, and the container sees the text itself.
    const parsed = (0,shell_quote__WEBPACK_IMPORTED_MODULE_0__.parse)(value, name => `$${name}`);
    const words = [];
    for (const item of parsed) {
        if (typeof item === 'string')
            words.push(item);
        else if ('op' in item && item.op === 'glob')
            words.push(item.pattern);
        else if ('comment' in item)
            return 'contains a comment (#); quote it, or use a list';
        else
            return `contains the shell operator "${item.op}"; use sh -c '...' or a list`;
    }
    if (words.length === 0)
        return 'is empty';
    return words;
}
/** `127.0.0.1:5000/team/app:1.2@sha256:...` \u2192 `app`. */
function nameFromImage(reference) {
    const withoutDigest = reference.split('@')[0];
    const lastPart = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
    const withoutTag = lastPart.split(':')[0];
    const name = withoutTag.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    return (name || 'image').slice(0, 63);
}
function isImageReference(reference) {
    return (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isImageId */ .rw)(reference) || _image_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .ImageReference */ .ZN.parse(reference) !== undefined;
}
function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isScalar(value) {
    return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
function describeType(value) {
    if (value === null)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (isMap(value))
        return 'a map';
    return `a ${typeof value}`;
}
function show(value) {
    if (typeof value === 'string')
        return value;
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}


/***/ }),

/***/ 1741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ problemsOf),
/* harmony export */   L: () => (/* binding */ stageTimes)
/* harmony export */ });
/** The times of a stage that started at `started` (epoch ms) and ends at `finished` (default: now). */
function stageTimes(started, finished = Date.now()) {
    return {
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date(finished).toISOString(),
        durationMs: finished - started
    };
}
/** The step's failures: every stage's problems, in the order given (stages that did not run are skipped). */
function problemsOf(...stages) {
    return stages.flatMap(stage => stage?.problems ?? []);
}


/***/ })

};
