// Badge verify page (verify/index.html). Checks an Open Badges 3.0 credential (VC-JWT) or an
// Open Badges 2.0 signed assertion entirely in the browser: the image, the token and the email
// address never leave it. The only requests are same-site fetches of this site's public keys,
// issuer profiles and revocation lists, under badges/. No library, nothing loaded from elsewhere;
// an SVG is only parsed as XML (DOMParser), never rendered or run.
// A printed certificate's QR code opens verify/#credential=<id>: the page then says whether this
// site revoked that credential, and checks that the badge file chosen next is that credential.
"use strict";
(function () {
  const OB3_NS = "https://purl.imsglobal.org/ob/v3p0";
  const OB2_NS = "http://openbadges.org";
  const SVG_NS = "http://www.w3.org/2000/svg";
  const OB2_CONTEXT = "https://w3id.org/openbadges/v2";
  const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
  const PNG_KEYWORDS = { openbadgecredential: "3.0", openbadges: "2.0" };
  const MAX_FILE_BYTES = 10 * 1024 * 1024;
  const MAX_TOKEN_CHARS = 512 * 1024;
  const MAX_DOCUMENT_CHARS = 1024 * 1024;
  const CLOCK_SKEW_MS = 5 * 60 * 1000;
  const MIN_RSA_BITS = 2048;
  const HEADER_MEMBERS = ["alg", "kid", "typ"];
  const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

  const form = document.getElementById("verify-form");
  const out = document.getElementById("verify-result");
  if (!form || !out) {
    return;
  }
  const fileInput = document.getElementById("verify-file");
  // The interface strings, in the page's language: verify.js.* from the theme's message files,
  // rendered by verify.peb as JSON. The function t fills in {0}, {1}; a text that starts
  // with an argument gets a capital first letter (so "{0} is too large." works with "the key").
  const messagesNode = document.getElementById("verify-messages");
  let messages = {};
  try {
    const parsed = JSON.parse(messagesNode ? messagesNode.textContent : "{}");
    messages = isObject(parsed) ? parsed : {};
  } catch (e) {
    messages = {};
  }

  function t(key, ...args) {
    const pattern = typeof messages[key] === "string" ? messages[key] : key;
    const text = pattern.replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? String(args[Number(i)]) : m));
    return pattern.startsWith("{") ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  /** A message with DOM nodes in place of its arguments, as a list for el() or append(). */
  function tNodes(key, ...nodes) {
    const pattern = typeof messages[key] === "string" ? messages[key] : key;
    return pattern.split(/\{(\d+)\}/).map((part, i) => (i % 2 === 1 ? nodes[Number(part)] || "" : part));
  }
  const tokenInput = document.getElementById("verify-token");
  const emailInput = document.getElementById("verify-email");

  // This site's badge folders. The page lives at <base>verify/, so the root is "../".
  const siteRoot = new URL(form.getAttribute("data-root") || "../", document.baseURI);
  const site = {
    badges: new URL("badges/", siteRoot),
    keys: new URL("badges/keys/", siteRoot),
    jwks: new URL("badges/keys/jwks.json", siteRoot),
    issuer: new URL("badges/issuer.json", siteRoot),
    revocations: new URL("badges/revocations.json", siteRoot),
    ob2Keys: new URL("badges/ob2/keys/", siteRoot),
    ob2Issuer: new URL("badges/ob2/issuer.json", siteRoot),
    ob2Revocations: new URL("badges/ob2/revocations.json", siteRoot),
  };

  // ---- the report: checks in order, and what decides the verdict ----

  /** Thrown to end the checks early; the reason is already in the report. */
  class Stop extends Error {}

  class Report {
    constructor() {
      this.checks = [];
      this.problems = [];
      this.facts = [];
      this.revoked = null;
      this.expired = null;
      this.recipient = "unchecked";
      this.certificate = "none";
    }
    pass(text) {
      this.checks.push({ status: "pass", text: text });
    }
    note(text) {
      this.checks.push({ status: "note", text: text });
    }
    /** A failed check that does not make the badge invalid (expired, revoked, recipient). */
    flag(text) {
      this.checks.push({ status: "fail", text: text });
    }
    /** A failed check that makes the badge invalid; later checks still run. */
    problem(text) {
      this.checks.push({ status: "fail", text: text });
      this.problems.push(text);
    }
    /** A failed check after which nothing else can be checked. */
    stop(text) {
      this.problem(text);
      throw new Stop(text);
    }
    fact(label, value) {
      if (value !== undefined && value !== null && value !== "") {
        this.facts.push([label, String(value)]);
      }
    }
    verdict() {
      if (this.problems.length > 0) {
        return "INVALID";
      }
      if (this.revoked !== null) {
        return "REVOKED";
      }
      if (this.expired !== null) {
        return "EXPIRED";
      }
      return "VALID";
    }
  }

  // ---- small helpers ----

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function asArray(v) {
    if (v === undefined || v === null) {
      return [];
    }
    return Array.isArray(v) ? v : [v];
  }

  function idOf(v) {
    if (typeof v === "string") {
      return v;
    }
    return isObject(v) && typeof v.id === "string" ? v.id : undefined;
  }

  function quote(v) {
    return JSON.stringify(v === undefined ? null : v);
  }

  const utf8 = new TextEncoder();

  function decodeUtf8(bytes) {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }

  function latin1(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i++) {
      s += String.fromCharCode(bytes[i]);
    }
    return s;
  }

  function base64UrlToBytes(s) {
    if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) {
      throw new Error("not base64url");
    }
    let b64 = s.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4 !== 0) {
      b64 += "=";
    }
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) {
      bytes[i] = bin.charCodeAt(i);
    }
    return bytes;
  }

  function base64ToBytes(s) {
    const bin = atob(s);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) {
      bytes[i] = bin.charCodeAt(i);
    }
    return bytes;
  }

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  /** Milliseconds since the epoch of an ISO 8601 date-time with a time zone, or NaN. */
  function parseDateTime(v) {
    return typeof v === "string" && DATE_TIME.test(v) ? Date.parse(v) : NaN;
  }

  function showDate(ms) {
    const iso = new Date(ms).toISOString();
    return iso.slice(0, 10) + " " + iso.slice(11, 16) + " UTC";
  }

  let crcTable = null;

  function crc32(bytes) {
    if (crcTable === null) {
      crcTable = new Uint32Array(256);
      for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) {
          c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        }
        crcTable[n] = c >>> 0;
      }
    }
    let crc = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) {
      crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
  }

  // ---- step 1: get the compact JWS out of a PNG, an SVG or the text field ----

  function isPng(bytes) {
    return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  }

  function extractFromPng(bytes, r) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const badgeChunks = [];
    let pos = 8;
    let first = true;
    let ended = false;
    while (pos < bytes.length) {
      if (bytes.length - pos < 12) {
        r.stop(t("verify.js.png.incomplete", pos));
      }
      const length = view.getUint32(pos);
      if (length > bytes.length - pos - 12) {
        r.stop(t("verify.js.png.overrun", pos, length));
      }
      const typeBytes = bytes.subarray(pos + 4, pos + 8);
      const type = latin1(typeBytes);
      if (!/^[A-Za-z]{4}$/.test(type)) {
        r.stop(t("verify.js.png.bad-type", pos));
      }
      const crc = view.getUint32(pos + 8 + length);
      if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== crc) {
        r.stop(t("verify.js.png.bad-crc", type, pos));
      }
      if (first && type !== "IHDR") {
        r.stop(t("verify.js.png.no-ihdr", type));
      }
      first = false;
      if (type === "iTXt" || type === "tEXt" || type === "zTXt") {
        const data = bytes.subarray(pos + 8, pos + 8 + length);
        const end = data.indexOf(0);
        const keyword = end > 0 ? latin1(data.subarray(0, end)) : "";
        if (Object.prototype.hasOwnProperty.call(PNG_KEYWORDS, keyword)) {
          badgeChunks.push({ type: type, keyword: keyword, data: data, at: pos });
        }
      }
      pos += 12 + length;
      if (type === "IEND") {
        ended = true;
        break;
      }
    }
    if (!ended) {
      r.stop(t("verify.js.png.no-iend"));
    }
    if (badgeChunks.length === 0) {
      r.stop(t("verify.js.png.no-badge"));
    }
    if (badgeChunks.length > 1) {
      r.stop(t("verify.js.png.many", badgeChunks.length, badgeChunks.map((c) => c.type + " " + c.keyword).join(", ")));
    }
    const chunk = badgeChunks[0];
    if (chunk.type !== "iTXt") {
      r.stop(t("verify.js.png.not-itxt", chunk.type));
    }
    const data = chunk.data;
    let p = chunk.keyword.length + 1;
    if (data.length < p + 2) {
      r.stop(t("verify.js.png.chunk-truncated"));
    }
    const compressed = data[p];
    const method = data[p + 1];
    if (compressed === 1) {
      r.stop(t("verify.js.png.compressed"));
    }
    if (compressed !== 0 || method !== 0) {
      r.stop(t("verify.js.png.chunk-damaged", compressed, method));
    }
    p += 2;
    for (let field = 0; field < 2; field++) { // language tag, translated keyword
      const end = data.indexOf(0, p);
      if (end < 0) {
        r.stop(t("verify.js.png.chunk-truncated"));
      }
      p = end + 1;
    }
    let text;
    try {
      text = decodeUtf8(data.subarray(p));
    } catch (e) {
      r.stop(t("verify.js.png.not-utf8"));
    }
    r.pass(t("verify.js.png.found", chunk.keyword, PNG_KEYWORDS[chunk.keyword]));
    return { text: text.trim(), version: PNG_KEYWORDS[chunk.keyword] };
  }

  function extractFromSvg(bytes, r) {
    let text;
    try {
      text = decodeUtf8(bytes);
    } catch (e) {
      r.stop(t("verify.js.svg.not-text"));
    }
    // Parsed as an XML document only: nothing in it is rendered, run or loaded.
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.getElementsByTagName("parsererror").length > 0) {
      r.stop(t("verify.js.svg.not-well-formed"));
    }
    const root = doc.documentElement;
    if (!root || root.namespaceURI !== SVG_NS || root.localName !== "svg") {
      r.stop(t("verify.js.svg.not-svg"));
    }
    const found = [];
    for (const el of Array.from(doc.getElementsByTagNameNS(OB3_NS, "credential"))) {
      found.push({ el: el, version: "3.0", name: "credential" });
    }
    for (const el of Array.from(doc.getElementsByTagNameNS(OB2_NS, "assertion"))) {
      found.push({ el: el, version: "2.0", name: "assertion" });
    }
    if (found.length === 0) {
      r.stop(t("verify.js.svg.no-badge", OB3_NS, OB2_NS));
    }
    if (found.length > 1) {
      r.stop(t("verify.js.svg.many", found.length));
    }
    const hit = found[0];
    const verify = hit.el.getAttribute("verify");
    if (verify === null || verify.trim() === "") {
      r.stop(t("verify.js.svg.unsigned", hit.name));
    }
    r.pass(t("verify.js.svg.found", hit.name, hit.version));
    return { text: verify.trim(), version: hit.version };
  }

  async function extract(input, r) {
    if (input.file) {
      const file = input.file;
      if (file.size > MAX_FILE_BYTES) {
        r.stop(t("verify.js.file.too-large", file.size, MAX_FILE_BYTES));
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (isPng(bytes)) {
        return extractFromPng(bytes, r);
      }
      return extractFromSvg(bytes, r);
    }
    const text = input.token.replace(/\s+/g, "");
    if (text.length > MAX_TOKEN_CHARS) {
      r.stop(t("verify.js.token.too-long"));
    }
    r.pass(t("verify.js.token.read"));
    return { text: text, version: null };
  }

  // ---- step 2: the JWS header and payload ----

  function decodeJson(segment, what, r) {
    let value;
    try {
      value = JSON.parse(decodeUtf8(base64UrlToBytes(segment)));
    } catch (e) {
      r.stop(t("verify.js.json.not-base64", what));
    }
    if (!isObject(value)) {
      r.stop(t("verify.js.json.not-object", what));
    }
    return value;
  }

  function splitJws(text, r) {
    if (text.startsWith("{") || text.startsWith("<")) {
      r.stop(t("verify.js.jws.plain-json"));
    }
    const parts = text.split(".");
    if (parts.length !== 3 || parts[0] === "" || parts[1] === "" || !parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p))) {
      r.stop(t("verify.js.jws.not-compact"));
    }
    return parts;
  }

  function checkAlgorithm(header, r) {
    const alg = header.alg;
    if (typeof alg !== "string" || alg === "") {
      r.stop(t("verify.js.alg.missing"));
    }
    if (alg.toLowerCase() === "none") {
      r.stop(t("verify.js.alg.none"));
    }
    if (/^HS/i.test(alg)) {
      r.stop(t("verify.js.alg.hmac", alg));
    }
    if (alg !== "RS256" && alg !== "ES256") {
      r.stop(t("verify.js.alg.unsupported", alg));
    }
    r.pass(t("verify.js.alg.accepted", alg));
    return alg;
  }

  function checkHeaderMembers(header, version, r) {
    const extra = Object.keys(header).filter((k) => !HEADER_MEMBERS.includes(k));
    if (extra.length > 0) {
      r.stop(t("verify.js.header.extra", extra.join(", ")));
    }
    if (header.typ !== undefined && header.typ !== "JWT") {
      r.stop(t("verify.js.header.typ", quote(header.typ)));
    }
    if (version === "3.0" && (typeof header.kid !== "string" || header.kid === "")) {
      r.stop(t("verify.js.header.no-kid"));
    }
    r.pass(t("verify.js.header.only", HEADER_MEMBERS.filter((k) => k in header).join(", ")));
  }

  function detectVersion(payload, container, r) {
    const types = asArray(payload.type);
    let version = null;
    if (types.includes("VerifiableCredential")
      && (types.includes("OpenBadgeCredential") || types.includes("AchievementCredential"))) {
      version = "3.0";
    } else if (types.includes("Assertion") && payload["@context"] === OB2_CONTEXT) {
      version = "2.0";
    }
    if (version === null) {
      r.stop(isObject(payload.vc) ? t("verify.js.version.unknown-vc") : t("verify.js.version.unknown"));
    }
    if (container !== null && container !== version) {
      r.stop(t("verify.js.version.mismatch", container, version));
    }
    r.pass(version === "3.0" ? t("verify.js.version.ob3") : t("verify.js.version.ob2"));
    return version;
  }

  // ---- step 3: keys (same-site fetches only) ----

  /**
   * An absolute URL that must name a .json file directly inside one of this site's folders. what
   * names the value ("the key id (kid)"), missing says that the badge has none.
   */
  function siteFileUrl(value, folder, what, missing, r) {
    if (typeof value !== "string" || value === "") {
      r.stop(missing);
    }
    let url;
    try {
      url = new URL(value);
    } catch (e) {
      r.stop(t("verify.js.url.not-absolute", what, quote(value)));
    }
    if (url.href !== value || url.search !== "" || url.hash !== "") {
      r.stop(t("verify.js.url.not-plain", what, quote(value)));
    }
    const rest = url.href.startsWith(folder.href) ? url.href.slice(folder.href.length) : null;
    if (rest === null) {
      r.stop(t("verify.js.url.elsewhere", what, value, folder.href));
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/.test(rest)) {
      r.stop(t("verify.js.url.not-json", what, value, folder.href));
    }
    return url;
  }

  async function load(url, what) {
    if (url.origin !== siteRoot.origin) {
      throw new Error(t("verify.js.load.elsewhere", what, url.href));
    }
    let response;
    try {
      response = await fetch(url.href, {
        cache: "no-cache", credentials: "same-origin", redirect: "error", referrerPolicy: "no-referrer",
        headers: { Accept: "application/json" },
      });
    } catch (e) {
      throw new Error(t("verify.js.load.failed", what, url.href));
    }
    if (!response.ok) {
      throw new Error(t("verify.js.load.http", what, url.href, response.status));
    }
    const text = await response.text();
    if (text.length > MAX_DOCUMENT_CHARS) {
      throw new Error(t("verify.js.load.too-large", what, url.href));
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Error(t("verify.js.load.not-json", what, url.href));
    }
    if (!isObject(value)) {
      throw new Error(t("verify.js.load.not-object", what, url.href));
    }
    return value;
  }

  async function loadOrStop(url, what, r) {
    try {
      return await load(url, what);
    } catch (e) {
      r.stop(e.message);
    }
  }

  function sameKey(a, b) {
    if (!isObject(a) || !isObject(b) || a.kty !== b.kty) {
      return false;
    }
    if (a.kty === "RSA") {
      return typeof a.n === "string" && a.n === b.n && a.e === b.e;
    }
    if (a.kty === "EC") {
      return typeof a.x === "string" && a.crv === b.crv && a.x === b.x && a.y === b.y;
    }
    return false;
  }

  function algorithmParams(alg) {
    return alg === "RS256"
      ? { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }
      : { name: "ECDSA", namedCurve: "P-256" };
  }

  function checkStrength(key, r) {
    if (key.algorithm.name === "RSASSA-PKCS1-v1_5") {
      const bits = key.algorithm.modulusLength;
      if (bits < MIN_RSA_BITS) {
        r.stop(t("verify.js.key.weak-rsa", bits, MIN_RSA_BITS));
      }
      return t("verify.js.key.rsa", bits);
    }
    return "EC P-256";
  }

  async function importJwk(jwk, alg, r) {
    if (["d", "p", "q", "dp", "dq", "qi", "k"].some((m) => m in jwk)) {
      r.stop(t("verify.js.key.private"));
    }
    if (jwk.use !== undefined && jwk.use !== "sig") {
      r.stop(t("verify.js.key.use", quote(jwk.use)));
    }
    if (jwk.alg !== undefined && jwk.alg !== alg) {
      r.stop(t("verify.js.key.alg", quote(jwk.alg), alg));
    }
    let clean;
    if (alg === "RS256") {
      if (jwk.kty !== "RSA") {
        r.stop(t("verify.js.key.not-rsa", quote(jwk.kty)));
      }
      clean = { kty: "RSA", n: jwk.n, e: jwk.e };
    } else {
      if (jwk.kty !== "EC" || jwk.crv !== "P-256") {
        r.stop(t("verify.js.key.not-ec", quote(jwk.kty), quote(jwk.crv)));
      }
      clean = { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y };
    }
    let key;
    try {
      key = await crypto.subtle.importKey("jwk", clean, algorithmParams(alg), false, ["verify"]);
    } catch (e) {
      r.stop(t("verify.js.key.unreadable", e && e.message ? e.message : t("verify.js.key.bad")));
    }
    r.pass(t("verify.js.key.imported", checkStrength(key, r)));
    return key;
  }

  async function importPem(pem, alg, r) {
    const m = typeof pem === "string"
      ? /^\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----\s*$/.exec(pem) : null;
    if (m === null) {
      r.stop(t("verify.js.key.no-pem"));
    }
    let key;
    try {
      key = await crypto.subtle.importKey("spki", base64ToBytes(m[1].replace(/\s+/g, "")), algorithmParams(alg),
        false, ["verify"]);
    } catch (e) {
      r.stop(t("verify.js.key.pem-unreadable", alg));
    }
    r.pass(t("verify.js.key.imported", checkStrength(key, r)));
    return key;
  }

  async function checkSignature(parts, alg, key, r) {
    let signature;
    try {
      signature = base64UrlToBytes(parts[2]);
    } catch (e) {
      r.stop(t("verify.js.sig.not-base64"));
    }
    if (signature.length === 0) {
      r.stop(t("verify.js.sig.missing"));
    }
    let ok = false;
    if (alg === "ES256" && signature.length !== 64) {
      ok = false; // JWS ES256 signatures are raw r||s, 64 bytes, which is what WebCrypto expects
    } else {
      const params = alg === "RS256" ? { name: "RSASSA-PKCS1-v1_5" } : { name: "ECDSA", hash: "SHA-256" };
      ok = await crypto.subtle.verify(params, key, signature, utf8.encode(parts[0] + "." + parts[1]));
    }
    if (!ok) {
      r.stop(t("verify.js.sig.mismatch"));
    }
    r.pass(t("verify.js.sig.verified"));
  }

  // ---- step 4: recipient ----

  async function identityHash(email, salt) {
    const digest = await crypto.subtle.digest("SHA-256", utf8.encode(email.trim().toLowerCase() + salt));
    return "sha256$" + hex(digest);
  }

  /** Compares an email with hashed (or plain) identities: [{hashed, value, salt}]. */
  async function checkRecipient(email, identities, r) {
    if (identities.length === 0) {
      r.note(email === "" ? t("verify.js.recipient.none") : t("verify.js.recipient.none-given"));
      return;
    }
    if (email === "") {
      r.note(t("verify.js.recipient.no-email"));
      return;
    }
    const normalized = email.trim().toLowerCase();
    let comparable = 0;
    for (const id of identities) {
      if (typeof id.value !== "string") {
        continue;
      }
      const value = id.value.trim();
      if (id.hashed) {
        if (!/^sha256\$[0-9a-f]{64}$/i.test(value)) {
          continue; // md5$ or malformed: cannot compare here
        }
        comparable++;
        if ((await identityHash(email, typeof id.salt === "string" ? id.salt : "")) === value.toLowerCase()) {
          r.recipient = "match";
        }
      } else {
        comparable++;
        if (value.toLowerCase() === normalized) {
          r.recipient = "match";
        }
      }
    }
    if (comparable === 0) {
      r.note(t("verify.js.recipient.uncomparable"));
      return;
    }
    if (r.recipient === "match") {
      r.pass(t("verify.js.recipient.match", normalized));
    } else {
      r.recipient = "mismatch";
      r.flag(t("verify.js.recipient.mismatch", normalized));
    }
  }

  // ---- dates shared by both versions ----

  function checkStart(label, value, now, r) {
    const ms = parseDateTime(value);
    if (Number.isNaN(ms)) {
      r.problem(t("verify.js.date.invalid", label, quote(value)));
      return NaN;
    }
    if (ms > now + CLOCK_SKEW_MS) {
      r.problem(t("verify.js.date.future", label, showDate(ms)));
    } else {
      r.pass(t("verify.js.date.issued", showDate(ms), label));
    }
    return ms;
  }

  function checkEnd(label, value, now, r) {
    if (value === undefined) {
      r.pass(t("verify.js.date.no-expiry", label));
      return NaN;
    }
    const ms = parseDateTime(value);
    if (Number.isNaN(ms)) {
      r.problem(t("verify.js.date.invalid", label, quote(value)));
      return NaN;
    }
    if (ms <= now) {
      r.expired = ms;
      r.flag(t("verify.js.date.expired", showDate(ms)));
    } else {
      r.pass(t("verify.js.date.current", showDate(ms)));
    }
    return ms;
  }

  // ---- Open Badges 3.0 ----

  function checkClaim(name, actual, expected, field, r) {
    if (actual === undefined) {
      r.problem(t("verify.js.claim.missing", name, field));
    } else if (expected === undefined || actual !== expected) {
      r.problem(t("verify.js.claim.differs", name, quote(actual), field, quote(expected)));
    } else {
      r.pass(t("verify.js.claim.equal", name, field));
    }
  }

  async function verifyOb3(parts, header, cred, alg, email, r) {
    const kid = siteFileUrl(header.kid, site.keys, t("verify.js.what.kid"), t("verify.js.url.missing-kid"), r);
    r.pass(t("verify.js.ob3.kid-ok", kid.href));
    const jwk = await loadOrStop(kid, t("verify.js.what.issuer-key"), r);
    r.pass(t("verify.js.ob3.key-loaded", kid.href));
    const jwks = await loadOrStop(site.jwks, t("verify.js.what.key-list"), r);
    if (!Array.isArray(jwks.keys) || !jwks.keys.some((k) => sameKey(k, jwk))) {
      r.stop(t("verify.js.ob3.key-unlisted", kid.href, site.jwks.href));
    }
    r.pass(t("verify.js.ob3.key-listed"));
    const key = await importJwk(jwk, alg, r);
    await checkSignature(parts, alg, key, r);

    const issuer = cred.issuer;
    const issuerId = idOf(issuer);
    const subject = isObject(cred.credentialSubject) ? cred.credentialSubject : {};
    const achievement = isObject(subject.achievement) ? subject.achievement : {};
    r.fact(t("verify.js.fact.issuer"), isObject(issuer) && typeof issuer.name === "string" ? issuer.name : issuerId);
    r.fact(t("verify.js.fact.achievement"), typeof achievement.name === "string" ? achievement.name : cred.name);

    if (issuerId !== site.issuer.href) {
      r.problem(t("verify.js.ob3.issuer-foreign", quote(issuerId), site.issuer.href));
    } else {
      try {
        const profile = await load(site.issuer, t("verify.js.what.issuer-profile"));
        if (profile.id !== issuerId) {
          r.problem(t("verify.js.ob3.profile-id", site.issuer.href, quote(profile.id)));
        } else {
          r.pass(typeof profile.name === "string" ? t("verify.js.ob3.issuer-ok-named", profile.name) : t("verify.js.ob3.issuer-ok"));
        }
      } catch (e) {
        r.problem(e.message);
      }
    }
    if (typeof cred.id !== "string" || cred.id === "") {
      r.problem(t("verify.js.ob3.no-id"));
    }

    checkClaim("iss", cred.iss, issuerId, "issuer.id", r);
    checkClaim("jti", cred.jti, cred.id, "id", r);
    checkClaim("sub", cred.sub, subject.id, "credentialSubject.id", r);
    const now = Date.now();
    const from = checkStart("validFrom", cred.validFrom, now, r);
    r.fact(t("verify.js.fact.issued"), Number.isNaN(from) ? cred.validFrom : showDate(from));
    if (!Number.isNaN(from)) {
      checkClaim("nbf", cred.nbf, Math.floor(from / 1000), "validFrom", r);
    }
    const until = checkEnd("validUntil", cred.validUntil, now, r);
    if (cred.validUntil !== undefined) {
      r.fact(t("verify.js.fact.expires"), Number.isNaN(until) ? cred.validUntil : showDate(until));
      if (!Number.isNaN(until)) {
        checkClaim("exp", cred.exp, Math.floor(until / 1000), "validUntil", r);
      }
    } else if (cred.exp !== undefined) {
      if (typeof cred.exp === "number" && cred.exp * 1000 <= now) {
        r.expired = cred.exp * 1000;
      }
      r.problem(t("verify.js.ob3.exp-without-until"));
    }

    // Revocation: this site's 1EdTechRevocationList.
    const statuses = asArray(cred.credentialStatus).filter(isObject);
    const listed = statuses.find((s) => s.type === "1EdTechRevocationList");
    if (statuses.length > 0 && (listed === undefined || listed.id !== site.revocations.href)) {
      r.problem(t("verify.js.ob3.status-foreign", quote(listed ? listed.id : statuses[0].type), site.revocations.href));
    }
    try {
      const list = await load(site.revocations, t("verify.js.what.revocation-list"));
      if (!Array.isArray(list.revokedCredential)) {
        r.problem(t("verify.js.ob3.no-revoked-list", site.revocations.href));
      } else {
        const entry = list.revokedCredential.find((e) => isObject(e) && e.id === cred.id && e.revoked !== false);
        if (entry) {
          r.revoked = typeof entry.revocationReason === "string" ? entry.revocationReason : "";
          r.flag(r.revoked ? t("verify.js.revoked-reason", r.revoked) : t("verify.js.revoked"));
        } else {
          r.pass(t("verify.js.not-revoked"));
        }
      }
    } catch (e) {
      r.problem(t("verify.js.revocation-unchecked", e.message));
    }

    const identities = asArray(subject.identifier).filter((i) => isObject(i) && i.identityType === "emailAddress")
      .map((i) => ({ hashed: i.hashed !== false, value: i.identityHash, salt: i.salt }));
    await checkRecipient(email, identities, r);
    r.fact(t("verify.js.fact.credential-id"), cred.id);
  }

  // ---- Open Badges 2.0 ----

  async function verifyOb2(parts, assertion, alg, email, r) {
    const verification = isObject(assertion.verification) ? assertion.verification : assertion.verify;
    if (!isObject(verification) || !["SignedBadge", "signed"].includes(verification.type)) {
      r.stop(t("verify.js.ob2.unsigned"));
    }
    const creator = siteFileUrl(verification.creator, site.ob2Keys, t("verify.js.what.creator"),
      t("verify.js.url.missing-creator"), r);
    r.pass(t("verify.js.ob2.key-ok", creator.href));
    const issuer = await loadOrStop(site.ob2Issuer, t("verify.js.what.issuer-profile"), r);
    const publicKeys = asArray(issuer.publicKey).map(idOf);
    if (!publicKeys.includes(creator.href)) {
      r.stop(t("verify.js.ob2.key-unlisted", creator.href, site.ob2Issuer.href));
    }
    r.pass(t("verify.js.ob2.key-listed"));
    const keyDoc = await loadOrStop(creator, t("verify.js.what.issuer-key"), r);
    if (keyDoc.id !== creator.href || (keyDoc.owner !== undefined && keyDoc.owner !== issuer.id)) {
      r.stop(t("verify.js.ob2.key-foreign", creator.href, quote(keyDoc.id), quote(keyDoc.owner)));
    }
    const key = await importPem(keyDoc.publicKeyPem, alg, r);
    await checkSignature(parts, alg, key, r);

    r.fact(t("verify.js.fact.issuer"), typeof issuer.name === "string" ? issuer.name : issuer.id);
    const badgeClass = isObject(assertion.badge) ? assertion.badge : await loadBadgeClass(assertion.badge, r);
    if (badgeClass !== null) {
      r.fact(t("verify.js.fact.achievement"), badgeClass.name);
      if (idOf(badgeClass.issuer) !== issuer.id) {
        r.problem(t("verify.js.ob2.class-issuer", quote(idOf(badgeClass.issuer)), quote(issuer.id)));
      } else {
        r.pass(t("verify.js.ob2.class-ok"));
      }
    }
    if (typeof assertion.id !== "string" || assertion.id === "") {
      r.problem(t("verify.js.ob2.no-id"));
    }
    const now = Date.now();
    const issued = checkStart("issuedOn", assertion.issuedOn, now, r);
    r.fact(t("verify.js.fact.issued"), Number.isNaN(issued) ? assertion.issuedOn : showDate(issued));
    const expires = checkEnd("expires", assertion.expires, now, r);
    if (assertion.expires !== undefined) {
      r.fact(t("verify.js.fact.expires"), Number.isNaN(expires) ? assertion.expires : showDate(expires));
    }

    let listUrl = site.ob2Revocations;
    if (issuer.revocationList !== undefined) {
      try {
        listUrl = new URL(idOf(issuer.revocationList));
      } catch (e) {
        listUrl = null;
      }
      if (listUrl === null || !listUrl.href.startsWith(site.badges.href)) {
        r.problem(t("verify.js.ob2.list-foreign", quote(issuer.revocationList)));
        listUrl = null;
      }
    }
    if (listUrl !== null) {
      try {
        const list = await load(listUrl, t("verify.js.what.revocation-list"));
        if (!Array.isArray(list.revokedAssertions)) {
          r.problem(t("verify.js.ob2.no-revoked-list", listUrl.href));
        } else {
          const entry = list.revokedAssertions.find((e) => e === assertion.id
            || (isObject(e) && (e.id === assertion.id || e.uid === assertion.id)));
          if (entry !== undefined) {
            r.revoked = isObject(entry) && typeof entry.revocationReason === "string" ? entry.revocationReason : "";
            r.flag(r.revoked ? t("verify.js.revoked-reason", r.revoked) : t("verify.js.revoked"));
          } else {
            r.pass(t("verify.js.not-revoked"));
          }
        }
      } catch (e) {
        r.problem(t("verify.js.revocation-unchecked", e.message));
      }
    }

    const recipient = isObject(assertion.recipient) ? assertion.recipient : {};
    const identities = recipient.type === "email"
      ? [{ hashed: recipient.hashed === true, value: recipient.identity, salt: recipient.salt }] : [];
    await checkRecipient(email, identities, r);
    r.fact(t("verify.js.fact.assertion-id"), assertion.id);
  }

  /** An OB 2.0 badge class linked by URL: badges/<achievement-id>/badgeclass.json on this site. */
  async function loadBadgeClass(value, r) {
    let url;
    try {
      url = new URL(value);
    } catch (e) {
      url = null;
    }
    if (url === null || !url.href.startsWith(site.badges.href) || url.search !== "" || url.hash !== ""
      || !/^[A-Za-z0-9._-]+\/badgeclass\.json$/.test(url.href.slice(site.badges.href.length))) {
      r.problem(t("verify.js.ob2.class-foreign", quote(value)));
      return null;
    }
    try {
      return await load(url, t("verify.js.what.badge-class"));
    } catch (e) {
      r.problem(e.message);
      return null;
    }
  }

  // ---- a printed certificate: verify/#credential=<id> ----

  const CREDENTIAL_ID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  /** The credential id of the certificate whose QR code opened this page, or null. */
  let certificateId = null;

  /** Whether the badge just checked is the credential printed on the certificate. */
  function checkCertificate(payload, r) {
    if (certificateId === null) {
      return;
    }
    const vc = isObject(payload.vc) ? payload.vc : payload;
    const id = typeof vc.id === "string" ? vc.id : payload.jti;
    if (id === certificateId) {
      r.certificate = "match";
      r.pass(t("verify.js.cert.match", certificateId));
    } else {
      r.certificate = "mismatch";
      r.flag(t("verify.js.cert.mismatch", certificateId, quote(id)));
    }
  }

  // ---- the whole check ----

  async function verify(input, email) {
    const r = new Report();
    try {
      if (!/^https?:$/.test(siteRoot.protocol)) {
        r.stop(t("verify.js.env.file"));
      }
      if (!window.crypto || !window.crypto.subtle) {
        r.stop(t("verify.js.env.crypto"));
      }
      const found = await extract(input, r);
      const parts = splitJws(found.text, r);
      const header = decodeJson(parts[0], t("verify.js.what.header"), r);
      r.pass(t("verify.js.header.decoded"));
      const alg = checkAlgorithm(header, r);
      const payload = decodeJson(parts[1], t("verify.js.what.payload"), r);
      const version = detectVersion(payload, found.version, r);
      r.fact(t("verify.js.fact.version"), version);
      checkHeaderMembers(header, version, r);
      if (version === "3.0") {
        await verifyOb3(parts, header, payload, alg, email, r);
      } else {
        await verifyOb2(parts, payload, alg, email, r);
      }
      checkCertificate(payload, r);
    } catch (e) {
      if (!(e instanceof Stop)) {
        r.problem(t("verify.js.unexpected", e && e.message ? e.message : String(e)));
      }
    }
    return r;
  }

  // ---- showing the result ----

  function el(name, attrs, ...children) {
    const node = document.createElement(name);
    for (const [k, v] of Object.entries(attrs || {})) {
      node.setAttribute(k, v);
    }
    for (const child of children) {
      node.append(child);
    }
    return node;
  }

  const STATUS_LABEL = { pass: t("verify.js.status.pass"), fail: t("verify.js.status.fail"), note: t("verify.js.status.note") };
  const VERDICT_LABEL = {
    VALID: t("verify.js.verdict.valid"), INVALID: t("verify.js.verdict.invalid"),
    REVOKED: t("verify.js.verdict.revoked"), EXPIRED: t("verify.js.verdict.expired"),
  };

  function render(r) {
    const verdict = r.verdict();
    let summary;
    if (verdict === "INVALID") {
      summary = r.problems[0];
    } else if (verdict === "REVOKED") {
      summary = t("verify.js.summary.revoked", r.revoked || t("verify.js.summary.no-reason"));
    } else if (verdict === "EXPIRED") {
      summary = t("verify.js.summary.expired", showDate(r.expired));
    } else {
      summary = t("verify.js.summary.valid");
    }
    if (r.recipient === "mismatch" && verdict !== "INVALID") {
      summary += " " + t("verify.js.summary.recipient-mismatch");
    } else if (r.recipient === "match" && verdict !== "INVALID") {
      summary += " " + t("verify.js.summary.recipient-match");
    }
    if (r.certificate === "mismatch") {
      summary += " " + t("verify.js.summary.cert-mismatch");
    } else if (r.certificate === "match" && verdict !== "INVALID") {
      summary += " " + t("verify.js.summary.cert-match");
    }
    const box = el("div", {
      class: "verify-verdict verdict-" + verdict.toLowerCase(),
      "data-verdict": verdict,
      "data-recipient": r.recipient,
      "data-certificate": r.certificate,
    });
    box.append(el("p", { class: "verdict-line" }, el("strong", { class: "verdict-word" }, VERDICT_LABEL[verdict]), " ",
      el("span", { class: "verdict-summary" }, summary)));
    const facts = r.facts.slice();
    if (r.recipient !== "unchecked") {
      facts.push([t("verify.js.fact.recipient"), r.recipient === "match" ? t("verify.js.fact.recipient-match")
        : t("verify.js.fact.recipient-mismatch")]);
    }
    if (facts.length > 0) {
      const dl = el("dl", { class: "verify-facts" });
      for (const [label, value] of facts) {
        dl.append(el("div", {}, el("dt", {}, label), el("dd", {}, value)));
      }
      box.append(dl);
    }
    const list = el("ol", { class: "verify-checks" });
    for (const c of r.checks) {
      list.append(el("li", { class: "check check-" + c.status, "data-status": c.status },
        el("span", { class: "check-status" }, STATUS_LABEL[c.status]), " ", el("span", { class: "check-text" }, c.text)));
    }
    out.replaceChildren(box, el("h3", { class: "verify-checks-heading" }, t("verify.js.checks-heading")), list);
  }

  let run = 0;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = fileInput.files && fileInput.files.length > 0 ? fileInput.files[0] : null;
    const token = tokenInput.value.trim();
    const mine = ++run;
    out.setAttribute("data-state", "running");
    if (file === null && token === "") {
      out.replaceChildren(el("p", { class: "verify-prompt" }, t("verify.js.prompt")));
      out.setAttribute("data-state", "done");
      return;
    }
    out.replaceChildren(el("p", { class: "verify-progress" }, t("verify.js.progress")));
    const report = await verify({ file: file, token: token }, emailInput.value.trim());
    if (mine === run) {
      render(report);
      out.setAttribute("data-state", "done");
    }
  });

  // One source at a time: choosing a file clears the pasted token and typing a token clears the file.
  fileInput.addEventListener("change", () => {
    if (fileInput.files && fileInput.files.length > 0) {
      tokenInput.value = "";
    }
  });
  tokenInput.addEventListener("input", () => {
    if (tokenInput.value !== "") {
      fileInput.value = "";
    }
  });

  // The certificate notice: which credential the QR code named, and whether this site revoked it.
  const notice = el("div", { id: "verify-certificate", class: "verify-verdict", "aria-live": "polite" });
  notice.hidden = true;
  form.before(notice);
  let noticeRun = 0;

  async function showCertificate() {
    const mine = ++noticeRun;
    const match = /^#credential=(.*)$/.exec(window.location.hash);
    let id = null;
    if (match) {
      try {
        id = decodeURIComponent(match[1]);
      } catch (e) {
        id = null;
      }
    }
    certificateId = id !== null && CREDENTIAL_ID.test(id) ? id.toLowerCase() : null;
    if (match === null) {
      notice.hidden = true;
      return;
    }
    notice.hidden = false;
    notice.removeAttribute("data-revoked");
    if (certificateId === null) {
      notice.setAttribute("data-credential", "");
      notice.setAttribute("data-state", "done");
      notice.replaceChildren(el("p", {}, t("verify.js.notice.bad-id")));
      return;
    }
    notice.setAttribute("data-credential", certificateId);
    notice.setAttribute("data-state", "running");
    const intro = el("p", {}, ...tNodes("verify.js.notice.intro", el("code", {}, certificateId)));
    notice.replaceChildren(intro, el("p", {}, t("verify.js.notice.looking")));
    let status;
    let text;
    try {
      const list = await load(site.revocations, t("verify.js.what.revocation-list"));
      const entry = Array.isArray(list.revokedCredential)
        ? list.revokedCredential.find((e) => isObject(e) && e.id === certificateId && e.revoked !== false) : undefined;
      if (entry) {
        status = "true";
        text = typeof entry.revocationReason === "string" && entry.revocationReason
          ? t("verify.js.notice.revoked-reason", entry.revocationReason) : t("verify.js.notice.revoked");
      } else {
        status = "false";
        text = t("verify.js.notice.not-revoked");
      }
    } catch (e) {
      status = "unknown";
      text = t("verify.js.notice.unchecked", e.message);
    }
    if (mine === noticeRun) {
      notice.setAttribute("data-revoked", status);
      notice.replaceChildren(intro, el("p", { class: "verify-certificate-status" }, text));
      notice.setAttribute("data-state", "done");
    }
  }

  window.addEventListener("hashchange", showCertificate);
  showCertificate();

  form.hidden = false;
  const section = out.closest("[hidden]");
  if (section) {
    section.hidden = false;
  }
})();
