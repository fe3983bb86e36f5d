export const id = 88;
export const ids = [88];
export const modules = {

/***/ 6088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeTlsFailure: () => (/* binding */ describeTlsFailure)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
// TLS failures in words a person can act on: which certificate, which CA file, which context. A failed
// request says little (a client certificate the engine refuses is often only "socket hang up"), so when
// a request to a TCP endpoint fails in a way TLS could explain, one more handshake is made here, with the
// same files and without verification, to see the engine's certificate and what the engine does next.
// Node built-ins only.



const PROBE_TIMEOUT_MS = 3_000;
/** Codes node and OpenSSL give when the engine's certificate is not trusted. */
const UNTRUSTED = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_SIGNATURE_FAILURE',
    'CERT_UNTRUSTED',
    'CERT_REJECTED'
]);
/** Errors after which a look at the handshake can tell more. */
function tlsCouldExplain(code, message) {
    if (typeof code !== 'string')
        return message === 'socket hang up';
    return (code === 'ECONNRESET' ||
        code === 'EPROTO' ||
        code.startsWith('ERR_SSL_') ||
        code.startsWith('ERR_TLS_') ||
        code.startsWith('CERT_') ||
        code.startsWith('HPE_') ||
        UNTRUSTED.has(code));
}
/**
 * The sentence for a TLS problem behind `error`, or undefined when TLS is not the problem (or cannot be
 * told apart from others). Never rejects.
 */
async function describeTlsFailure(endpoint, error) {
    const options = endpoint.options;
    if (options.protocol !== 'http' && options.protocol !== 'https')
        return undefined;
    const code = error?.code;
    const message = error instanceof Error ? error.message : String(error);
    if (!tlsCouldExplain(code, message))
        return undefined;
    const probe = await handshake(endpoint).catch(() => undefined);
    if (!probe)
        return undefined;
    return options.protocol === 'https' ? tlsSentence(endpoint, probe) : plainSentence(endpoint, probe);
}
/** For a plain-HTTP endpoint: the engine may speak TLS there. */
function plainSentence(endpoint, probe) {
    if (!probe.peer)
        return undefined;
    return (`it speaks TLS there (its certificate is ${certificate(probe.peer)}), and no TLS was asked for. ` +
        `Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem, ` +
        `or use a docker context with TLS files (the address comes from ${endpoint.source.description}).`);
}
function tlsSentence(endpoint, probe) {
    const tlsInfo = endpoint.tls;
    const from = `The TLS files come from ${tlsInfo?.from ?? endpoint.source.description}`;
    if (probe.handshakeError) {
        if (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|UNKNOWN_PROTOCOL/.test(probe.handshakeError)) {
            return (`TLS failed: it does not speak TLS on this port (${probe.handshakeError}); a plain-HTTP port needs ` +
                `DOCKER_TLS_VERIFY and DOCKER_TLS unset, and a context without TLS files. ${from}.`);
        }
        return undefined;
    }
    const peer = probe.peer;
    if (tlsInfo?.verify !== false && probe.authorizationError && peer) {
        const why = probe.authorizationError;
        const ca = tlsInfo?.caFile;
        let sentence;
        if (UNTRUSTED.has(why)) {
            sentence = ca
                ? `its certificate (${certificate(peer)}) is not signed by the CA in ${ca} (${caSubjects(ca)})`
                : `its certificate (${certificate(peer)}) is not signed by a CA this machine trusts, and no ca.pem was given`;
        }
        else if (why === 'CERT_HAS_EXPIRED') {
            sentence = `its certificate (${certificate(peer)}) expired on ${oneLine(peer.validTo)}`;
        }
        else if (why === 'CERT_NOT_YET_VALID') {
            sentence = `its certificate (${certificate(peer)}) is not valid before ${oneLine(peer.validFrom)} (is this machine's clock right?)`;
        }
        else if (why === 'ERR_TLS_CERT_ALTNAME_INVALID') {
            sentence =
                `its certificate (${certificate(peer)}) is not for ${endpoint.options.host}: ` +
                    `connect by a name it lists, or have the engine's certificate list ${endpoint.options.host}`;
        }
        else {
            sentence = `its certificate (${certificate(peer)}) was not accepted: ${why}`;
        }
        return `TLS failed: ${sentence}. ${from}.`;
    }
    if (probe.afterError) {
        const alert = probe.afterError;
        if (!tlsInfo?.certFile) {
            if (/CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|ECONNRESET/.test(alert)) {
                return (`TLS failed: the engine asks for a client certificate, and none was given ` +
                    `(no cert.pem and key.pem beside ${tlsInfo?.caFile ?? 'the CA'}). ${from}.`);
            }
            return undefined;
        }
        const client = clientCertificate(tlsInfo.certFile);
        const how = alert === 'ECONNRESET'
            ? 'it closed the connection after the handshake'
            : `it answered ${alert.replace(/^ERR_SSL_/, '')}`;
        return `TLS failed: the engine did not accept the client certificate ${tlsInfo.certFile} (${client}): ${how}. ${from}.`;
    }
    return undefined;
}
/** One handshake with the endpoint's own files, verification off, then a /_ping to see what follows. */
function handshake(endpoint) {
    const o = endpoint.options;
    return new Promise(resolve => {
        const probe = {};
        let settled = false;
        const finish = () => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            socket.destroy();
            resolve(probe);
        };
        const timer = setTimeout(finish, PROBE_TIMEOUT_MS);
        const socket = node_tls__WEBPACK_IMPORTED_MODULE_2___default().connect({
            host: o.host,
            port: o.port,
            servername: o.host && !/^[\d.]+$|:/.test(o.host) ? o.host : undefined,
            ca: o.ca,
            cert: o.cert,
            key: o.key,
            rejectUnauthorized: false
        });
        let secure = false;
        socket.on('secureConnect', () => {
            secure = true;
            const raw = socket.getPeerCertificate()?.raw;
            if (raw)
                probe.peer = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(raw);
            if (!socket.authorized)
                probe.authorizationError = String(socket.authorizationError ?? '');
            socket.write(`GET ${(o.pathPrefix ?? '/').replace(/\/?$/, '/')}_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n`);
        });
        socket.on('data', chunk => {
            if (chunk.toString('latin1').startsWith('HTTP/'))
                probe.answered = true;
        });
        socket.on('error', (error) => {
            const code = error.code ?? error.message;
            if (secure)
                probe.afterError = code;
            else
                probe.handshakeError = code;
            finish();
        });
        socket.on('close', () => {
            // Closed after the handshake with no answer and no alert: the engine dropped us (TLS 1.3 servers
            // that refuse a client certificate often only reset).
            if (secure && !probe.answered && !probe.afterError)
                probe.afterError = 'ECONNRESET';
            finish();
        });
    });
}
/** "CN=server, for IP 127.0.0.1, DNS localhost, issued by CN=preflight-test-ca" */
function certificate(cert) {
    const names = cert.subjectAltName
        ? `, for ${cert.subjectAltName.replace(/IP Address:/g, 'IP ').replace(/DNS:/g, 'DNS ')}`
        : '';
    return `${oneLine(cert.subject)}${names}, issued by ${oneLine(cert.issuer)}`;
}
function caSubjects(file) {
    try {
        const pems = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'latin1').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ??
            [];
        const subjects = pems.map(pem => oneLine(new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(pem).subject));
        return subjects.length > 0 ? subjects.join('; ') : 'no certificate in it';
    }
    catch {
        return 'unreadable';
    }
}
function clientCertificate(file) {
    try {
        const cert = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file));
        return `${oneLine(cert.subject)}, issued by ${oneLine(cert.issuer)}, valid until ${oneLine(cert.validTo)}`;
    }
    catch {
        return 'unreadable';
    }
}
function oneLine(distinguishedName) {
    return distinguishedName.split('\n').join(', ').replace(/\s+/g, ' ');
}


/***/ })

};
