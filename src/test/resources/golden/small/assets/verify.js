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
        r.stop("The PNG file is truncated: its last chunk is incomplete (at byte " + pos + ").");
      }
      const length = view.getUint32(pos);
      if (length > bytes.length - pos - 12) {
        r.stop("The PNG file is truncated or damaged: a chunk at byte " + pos + " claims " + length
          + " bytes, more than the file has left.");
      }
      const typeBytes = bytes.subarray(pos + 4, pos + 8);
      const type = latin1(typeBytes);
      if (!/^[A-Za-z]{4}$/.test(type)) {
        r.stop("The PNG file is damaged: the chunk at byte " + pos + " has no valid type.");
      }
      const crc = view.getUint32(pos + 8 + length);
      if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== crc) {
        r.stop("The PNG file is damaged: the checksum (CRC) of its " + type + " chunk at byte " + pos
          + " is wrong.");
      }
      if (first && type !== "IHDR") {
        r.stop("This is not a valid PNG: its first chunk is " + type + ", not IHDR.");
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
      r.stop("The PNG file is truncated: it has no IEND chunk.");
    }
    if (badgeChunks.length === 0) {
      r.stop("This PNG holds no baked badge: it has no iTXt chunk named openbadgecredential "
        + "(Open Badges 3.0) or openbadges (Open Badges 2.0).");
    }
    if (badgeChunks.length > 1) {
      r.stop("This PNG holds " + badgeChunks.length + " badge chunks ("
        + badgeChunks.map((c) => c.type + " " + c.keyword).join(", ")
        + "); a baked badge must have exactly one, so it is rejected.");
    }
    const chunk = badgeChunks[0];
    if (chunk.type !== "iTXt") {
      r.stop("The badge in this PNG is in a " + chunk.type + " chunk; Open Badges baking uses one "
        + "uncompressed iTXt chunk (older hosted badges are not supported here).");
    }
    const data = chunk.data;
    let p = chunk.keyword.length + 1;
    if (data.length < p + 2) {
      r.stop("The badge chunk in this PNG is truncated.");
    }
    const compressed = data[p];
    const method = data[p + 1];
    if (compressed === 1) {
      r.stop("The badge chunk in this PNG is compressed (iTXt compression flag 1); Open Badges "
        + "requires it uncompressed, so it is rejected.");
    }
    if (compressed !== 0 || method !== 0) {
      r.stop("The badge chunk in this PNG is damaged (compression flag " + compressed + ", method "
        + method + ").");
    }
    p += 2;
    for (let field = 0; field < 2; field++) { // language tag, translated keyword
      const end = data.indexOf(0, p);
      if (end < 0) {
        r.stop("The badge chunk in this PNG is truncated.");
      }
      p = end + 1;
    }
    let text;
    try {
      text = decodeUtf8(data.subarray(p));
    } catch (e) {
      r.stop("The badge text in this PNG is not valid UTF-8.");
    }
    r.pass("Found one uncompressed iTXt chunk " + chunk.keyword + " (Open Badges "
      + PNG_KEYWORDS[chunk.keyword] + ") in the PNG.");
    return { text: text.trim(), version: PNG_KEYWORDS[chunk.keyword] };
  }

  function extractFromSvg(bytes, r) {
    let text;
    try {
      text = decodeUtf8(bytes);
    } catch (e) {
      r.stop("The file is neither a PNG nor an SVG (it is not UTF-8 text).");
    }
    // Parsed as an XML document only: nothing in it is rendered, run or loaded.
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.getElementsByTagName("parsererror").length > 0) {
      r.stop("The file is neither a PNG nor a well-formed SVG.");
    }
    const root = doc.documentElement;
    if (!root || root.namespaceURI !== SVG_NS || root.localName !== "svg") {
      r.stop("The file is neither a PNG nor an SVG image.");
    }
    const found = [];
    for (const el of Array.from(doc.getElementsByTagNameNS(OB3_NS, "credential"))) {
      found.push({ el: el, version: "3.0", name: "credential" });
    }
    for (const el of Array.from(doc.getElementsByTagNameNS(OB2_NS, "assertion"))) {
      found.push({ el: el, version: "2.0", name: "assertion" });
    }
    if (found.length === 0) {
      r.stop("This SVG holds no baked badge: no <openbadges:credential> element in the namespace "
        + OB3_NS + " and no <openbadges:assertion> in " + OB2_NS + ".");
    }
    if (found.length > 1) {
      r.stop("This SVG holds " + found.length + " badge elements; a baked badge must have exactly one, "
        + "so it is rejected.");
    }
    const hit = found[0];
    const verify = hit.el.getAttribute("verify");
    if (verify === null || verify.trim() === "") {
      r.stop("The <openbadges:" + hit.name + "> element has no verify attribute: only signed badges "
        + "can be checked here.");
    }
    r.pass("Found one <openbadges:" + hit.name + "> element (Open Badges " + hit.version + ") in the SVG.");
    return { text: verify.trim(), version: hit.version };
  }

  async function extract(input, r) {
    if (input.file) {
      const file = input.file;
      if (file.size > MAX_FILE_BYTES) {
        r.stop("The file is too large (" + file.size + " bytes; at most " + MAX_FILE_BYTES + ").");
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (isPng(bytes)) {
        return extractFromPng(bytes, r);
      }
      return extractFromSvg(bytes, r);
    }
    const text = input.token.replace(/\s+/g, "");
    if (text.length > MAX_TOKEN_CHARS) {
      r.stop("The pasted text is too long to be a badge token.");
    }
    r.pass("Read the token from the text field.");
    return { text: text, version: null };
  }

  // ---- step 2: the JWS header and payload ----

  function decodeJson(segment, what, r) {
    let value;
    try {
      value = JSON.parse(decodeUtf8(base64UrlToBytes(segment)));
    } catch (e) {
      r.stop("The " + what + " is not base64url-encoded JSON.");
    }
    if (!isObject(value)) {
      r.stop("The " + what + " is not a JSON object.");
    }
    return value;
  }

  function splitJws(text, r) {
    if (text.startsWith("{") || text.startsWith("<")) {
      r.stop("The badge holds plain JSON, not a signed token: only signed badges (a compact JWS) can "
        + "be checked here.");
    }
    const parts = text.split(".");
    if (parts.length !== 3 || parts[0] === "" || parts[1] === "" || !parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p))) {
      r.stop("The badge is not a compact JWS (three base64url parts separated by dots).");
    }
    return parts;
  }

  function checkAlgorithm(header, r) {
    const alg = header.alg;
    if (typeof alg !== "string" || alg === "") {
      r.stop("The header names no signature algorithm (alg).");
    }
    if (alg.toLowerCase() === "none") {
      r.stop("Rejected: the header says alg \"none\", an unsigned token.");
    }
    if (/^HS/i.test(alg)) {
      r.stop("Rejected: the header says alg \"" + alg + "\", a shared-secret (HMAC) signature; badges must "
        + "be signed with the issuer's private key (RS256 or ES256).");
    }
    if (alg !== "RS256" && alg !== "ES256") {
      r.stop("Rejected: the algorithm \"" + alg + "\" is not accepted; only RS256 and ES256 are.");
    }
    r.pass("Signature algorithm " + alg + " is accepted.");
    return alg;
  }

  function checkHeaderMembers(header, version, r) {
    const extra = Object.keys(header).filter((k) => !HEADER_MEMBERS.includes(k));
    if (extra.length > 0) {
      r.stop("Rejected: the header has members other than alg, kid and typ: " + extra.join(", ") + ".");
    }
    if (header.typ !== undefined && header.typ !== "JWT") {
      r.stop("Rejected: the header's typ is " + quote(header.typ) + "; it must be \"JWT\" if present.");
    }
    if (version === "3.0" && (typeof header.kid !== "string" || header.kid === "")) {
      r.stop("Rejected: the header has no kid naming the issuer's key.");
    }
    r.pass("Header has only " + HEADER_MEMBERS.filter((k) => k in header).join(", ") + ".");
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
      const legacy = isObject(payload.vc) ? " (a VC Data Model 1.1 \"vc\" claim is not supported here)" : "";
      r.stop("The payload is neither an Open Badges 3.0 credential nor an Open Badges 2.0 assertion" + legacy + ".");
    }
    if (container !== null && container !== version) {
      r.stop("The image says Open Badges " + container + " but the badge inside is Open Badges " + version + ".");
    }
    r.pass("Payload decoded: an Open Badges " + version + (version === "3.0" ? " credential." : " assertion."));
    return version;
  }

  // ---- step 3: keys (same-site fetches only) ----

  /** An absolute URL that must name a .json file directly inside one of this site's folders. */
  function siteFileUrl(value, folder, what, r) {
    if (typeof value !== "string" || value === "") {
      r.stop("The badge names no " + what + ".");
    }
    let url;
    try {
      url = new URL(value);
    } catch (e) {
      r.stop("The " + what + " " + quote(value) + " is not an absolute URL.");
    }
    if (url.href !== value || url.search !== "" || url.hash !== "") {
      r.stop("The " + what + " " + quote(value) + " is not a plain URL.");
    }
    const rest = url.href.startsWith(folder.href) ? url.href.slice(folder.href.length) : null;
    if (rest === null) {
      r.stop("Rejected: the " + what + " " + value + " is not on this site (expected a file in "
        + folder.href + "). Check the badge on the site that issued it.");
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/.test(rest)) {
      r.stop("Rejected: the " + what + " " + value + " is not a .json file directly in " + folder.href + ".");
    }
    return url;
  }

  async function load(url, what) {
    if (url.origin !== siteRoot.origin) {
      throw new Error("Not loaded: " + what + " (" + url.href + ") is not on this site.");
    }
    let response;
    try {
      response = await fetch(url.href, {
        cache: "no-cache", credentials: "same-origin", redirect: "error", referrerPolicy: "no-referrer",
        headers: { Accept: "application/json" },
      });
    } catch (e) {
      throw new Error("Could not load " + what + " (" + url.href + ").");
    }
    if (!response.ok) {
      throw new Error("Could not load " + what + " (" + url.href + "): HTTP " + response.status + ".");
    }
    const text = await response.text();
    if (text.length > MAX_DOCUMENT_CHARS) {
      throw new Error("The " + what + " (" + url.href + ") is too large.");
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Error("The " + what + " (" + url.href + ") is not valid JSON.");
    }
    if (!isObject(value)) {
      throw new Error("The " + what + " (" + url.href + ") is not a JSON object.");
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
        r.stop("Rejected: the RSA key has only " + bits + " bits (at least " + MIN_RSA_BITS + " needed).");
      }
      return "RSA " + bits + "-bit";
    }
    return "EC P-256";
  }

  async function importJwk(jwk, alg, r) {
    if (["d", "p", "q", "dp", "dq", "qi", "k"].some((m) => m in jwk)) {
      r.stop("Rejected: the published key contains private key material, so it cannot be trusted.");
    }
    if (jwk.use !== undefined && jwk.use !== "sig") {
      r.stop("Rejected: the key is published for " + quote(jwk.use) + ", not for signatures.");
    }
    if (jwk.alg !== undefined && jwk.alg !== alg) {
      r.stop("Rejected: the key is for " + quote(jwk.alg) + " but the token says " + alg + ".");
    }
    let clean;
    if (alg === "RS256") {
      if (jwk.kty !== "RSA") {
        r.stop("Rejected: RS256 needs an RSA key, but the key is " + quote(jwk.kty) + ".");
      }
      clean = { kty: "RSA", n: jwk.n, e: jwk.e };
    } else {
      if (jwk.kty !== "EC" || jwk.crv !== "P-256") {
        r.stop("Rejected: ES256 needs an EC P-256 key, but the key is " + quote(jwk.kty) + " " + quote(jwk.crv) + ".");
      }
      clean = { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y };
    }
    let key;
    try {
      key = await crypto.subtle.importKey("jwk", clean, algorithmParams(alg), false, ["verify"]);
    } catch (e) {
      r.stop("The published key could not be read (" + (e && e.message ? e.message : "bad key") + ").");
    }
    r.pass("Imported the key (" + checkStrength(key, r) + ").");
    return key;
  }

  async function importPem(pem, alg, r) {
    const m = typeof pem === "string"
      ? /^\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----\s*$/.exec(pem) : null;
    if (m === null) {
      r.stop("The key document has no publicKeyPem in SPKI PEM form (BEGIN PUBLIC KEY).");
    }
    let key;
    try {
      key = await crypto.subtle.importKey("spki", base64ToBytes(m[1].replace(/\s+/g, "")), algorithmParams(alg),
        false, ["verify"]);
    } catch (e) {
      r.stop("The published key could not be read as a key for " + alg + ".");
    }
    r.pass("Imported the key (" + checkStrength(key, r) + ").");
    return key;
  }

  async function checkSignature(parts, alg, key, r) {
    let signature;
    try {
      signature = base64UrlToBytes(parts[2]);
    } catch (e) {
      r.stop("The signature is not base64url.");
    }
    if (signature.length === 0) {
      r.stop("The token has no signature.");
    }
    let ok = false;
    if (alg === "ES256" && signature.length !== 64) {
      ok = false; // JWS ES256 signatures are raw r||s, 64 bytes, which is what WebCrypto expects
    } else {
      const params = alg === "RS256" ? { name: "RSASSA-PKCS1-v1_5" } : { name: "ECDSA", hash: "SHA-256" };
      ok = await crypto.subtle.verify(params, key, signature, utf8.encode(parts[0] + "." + parts[1]));
    }
    if (!ok) {
      r.stop("The signature does not match: the badge was changed after it was signed, or was not signed "
        + "with this key.");
    }
    r.pass("Signature verified with the issuer's key.");
  }

  // ---- step 4: recipient ----

  async function identityHash(email, salt) {
    const digest = await crypto.subtle.digest("SHA-256", utf8.encode(email.trim().toLowerCase() + salt));
    return "sha256$" + hex(digest);
  }

  /** Compares an email with hashed (or plain) identities: [{hashed, value, salt}]. */
  async function checkRecipient(email, identities, r) {
    if (identities.length === 0) {
      r.note(email === "" ? "The badge names no email recipient." : "The badge names no email recipient, so "
        + "the email address could not be compared.");
      return;
    }
    if (email === "") {
      r.note("No email address given: the recipient was not checked.");
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
      r.note("The badge's recipient hash cannot be compared here (only sha256 is supported).");
      return;
    }
    if (r.recipient === "match") {
      r.pass("Recipient matches: the badge was issued to " + normalized + ".");
    } else {
      r.recipient = "mismatch";
      r.flag("Recipient does not match: the badge was not issued to " + normalized + ".");
    }
  }

  // ---- dates shared by both versions ----

  function checkStart(label, value, now, r) {
    const ms = parseDateTime(value);
    if (Number.isNaN(ms)) {
      r.problem("The " + label + " " + quote(value) + " is not a date and time with a time zone.");
      return NaN;
    }
    if (ms > now + CLOCK_SKEW_MS) {
      r.problem("Not yet valid: the " + label + " is " + showDate(ms) + ", in the future.");
    } else {
      r.pass("Issued " + showDate(ms) + " (" + label + " is not in the future).");
    }
    return ms;
  }

  function checkEnd(label, value, now, r) {
    if (value === undefined) {
      r.pass("Does not expire (no " + label + ").");
      return NaN;
    }
    const ms = parseDateTime(value);
    if (Number.isNaN(ms)) {
      r.problem("The " + label + " " + quote(value) + " is not a date and time with a time zone.");
      return NaN;
    }
    if (ms <= now) {
      r.expired = ms;
      r.flag("Expired on " + showDate(ms) + ".");
    } else {
      r.pass("Not expired (valid until " + showDate(ms) + ").");
    }
    return ms;
  }

  // ---- Open Badges 3.0 ----

  function checkClaim(name, actual, expected, field, r) {
    if (actual === undefined) {
      r.problem("The JWT claim " + name + " is missing (it must equal " + field + ").");
    } else if (expected === undefined || actual !== expected) {
      r.problem("The JWT claim " + name + " " + quote(actual) + " does not equal " + field + " " + quote(expected) + ".");
    } else {
      r.pass("JWT claim " + name + " equals " + field + ".");
    }
  }

  async function verifyOb3(parts, header, cred, alg, email, r) {
    const kid = siteFileUrl(header.kid, site.keys, "key id (kid)", r);
    r.pass("Key id is one of this site's keys: " + kid.href);
    const jwk = await loadOrStop(kid, "the issuer's key", r);
    r.pass("Loaded the key from " + kid.href + ".");
    const jwks = await loadOrStop(site.jwks, "the issuer's key list", r);
    if (!Array.isArray(jwks.keys) || !jwks.keys.some((k) => sameKey(k, jwk))) {
      r.stop("Rejected: the key " + kid.href + " is not listed in the issuer's published keys ("
        + site.jwks.href + ").");
    }
    r.pass("The key is listed in the issuer's published keys (jwks.json).");
    const key = await importJwk(jwk, alg, r);
    await checkSignature(parts, alg, key, r);

    const issuer = cred.issuer;
    const issuerId = idOf(issuer);
    const subject = isObject(cred.credentialSubject) ? cred.credentialSubject : {};
    const achievement = isObject(subject.achievement) ? subject.achievement : {};
    r.fact("Issuer", isObject(issuer) && typeof issuer.name === "string" ? issuer.name : issuerId);
    r.fact("Achievement", typeof achievement.name === "string" ? achievement.name : cred.name);

    if (issuerId !== site.issuer.href) {
      r.problem("The issuer " + quote(issuerId) + " is not this site's issuer (" + site.issuer.href + ").");
    } else {
      try {
        const profile = await load(site.issuer, "the issuer profile");
        if (profile.id !== issuerId) {
          r.problem("The issuer profile at " + site.issuer.href + " has the id " + quote(profile.id) + ".");
        } else {
          r.pass("Issuer is this site's issuer" + (typeof profile.name === "string" ? " (" + profile.name + ")" : "") + ".");
        }
      } catch (e) {
        r.problem(e.message);
      }
    }
    if (typeof cred.id !== "string" || cred.id === "") {
      r.problem("The credential has no id.");
    }

    checkClaim("iss", cred.iss, issuerId, "issuer.id", r);
    checkClaim("jti", cred.jti, cred.id, "id", r);
    checkClaim("sub", cred.sub, subject.id, "credentialSubject.id", r);
    const now = Date.now();
    const from = checkStart("validFrom", cred.validFrom, now, r);
    r.fact("Issued", Number.isNaN(from) ? cred.validFrom : showDate(from));
    if (!Number.isNaN(from)) {
      checkClaim("nbf", cred.nbf, Math.floor(from / 1000), "validFrom", r);
    }
    const until = checkEnd("validUntil", cred.validUntil, now, r);
    if (cred.validUntil !== undefined) {
      r.fact("Expires", Number.isNaN(until) ? cred.validUntil : showDate(until));
      if (!Number.isNaN(until)) {
        checkClaim("exp", cred.exp, Math.floor(until / 1000), "validUntil", r);
      }
    } else if (cred.exp !== undefined) {
      if (typeof cred.exp === "number" && cred.exp * 1000 <= now) {
        r.expired = cred.exp * 1000;
      }
      r.problem("The JWT claim exp is set, but the credential has no validUntil.");
    }

    // Revocation: this site's 1EdTechRevocationList.
    const statuses = asArray(cred.credentialStatus).filter(isObject);
    const listed = statuses.find((s) => s.type === "1EdTechRevocationList");
    if (statuses.length > 0 && (listed === undefined || listed.id !== site.revocations.href)) {
      r.problem("The credential's status list " + quote(listed ? listed.id : statuses[0].type)
        + " is not this site's revocation list (" + site.revocations.href + ").");
    }
    try {
      const list = await load(site.revocations, "the revocation list");
      if (!Array.isArray(list.revokedCredential)) {
        r.problem("The revocation list (" + site.revocations.href + ") has no revokedCredential list.");
      } else {
        const entry = list.revokedCredential.find((e) => isObject(e) && e.id === cred.id && e.revoked !== false);
        if (entry) {
          r.revoked = typeof entry.revocationReason === "string" ? entry.revocationReason : "";
          r.flag("Revoked by the issuer" + (r.revoked ? ": " + r.revoked : "") + ".");
        } else {
          r.pass("Not on the issuer's revocation list.");
        }
      }
    } catch (e) {
      r.problem(e.message + " Revocation could not be checked.");
    }

    const identities = asArray(subject.identifier).filter((i) => isObject(i) && i.identityType === "emailAddress")
      .map((i) => ({ hashed: i.hashed !== false, value: i.identityHash, salt: i.salt }));
    await checkRecipient(email, identities, r);
    r.fact("Credential id", cred.id);
  }

  // ---- Open Badges 2.0 ----

  async function verifyOb2(parts, assertion, alg, email, r) {
    const verification = isObject(assertion.verification) ? assertion.verification : assertion.verify;
    if (!isObject(verification) || !["SignedBadge", "signed"].includes(verification.type)) {
      r.stop("The assertion is not a signed badge (verification.type SignedBadge).");
    }
    const creator = siteFileUrl(verification.creator, site.ob2Keys, "signing key (verification.creator)", r);
    r.pass("Signing key is one of this site's keys: " + creator.href);
    const issuer = await loadOrStop(site.ob2Issuer, "the issuer profile", r);
    const publicKeys = asArray(issuer.publicKey).map(idOf);
    if (!publicKeys.includes(creator.href)) {
      r.stop("Rejected: the key " + creator.href + " is not listed in the issuer profile's publicKey ("
        + site.ob2Issuer.href + ").");
    }
    r.pass("The key is listed in the issuer profile's publicKey.");
    const keyDoc = await loadOrStop(creator, "the issuer's key", r);
    if (keyDoc.id !== creator.href || (keyDoc.owner !== undefined && keyDoc.owner !== issuer.id)) {
      r.stop("Rejected: the key document at " + creator.href + " does not belong to this issuer (id "
        + quote(keyDoc.id) + ", owner " + quote(keyDoc.owner) + ").");
    }
    const key = await importPem(keyDoc.publicKeyPem, alg, r);
    await checkSignature(parts, alg, key, r);

    r.fact("Issuer", typeof issuer.name === "string" ? issuer.name : issuer.id);
    const badgeClass = isObject(assertion.badge) ? assertion.badge : await loadBadgeClass(assertion.badge, r);
    if (badgeClass !== null) {
      r.fact("Achievement", badgeClass.name);
      if (idOf(badgeClass.issuer) !== issuer.id) {
        r.problem("The badge class names the issuer " + quote(idOf(badgeClass.issuer)) + ", not " + quote(issuer.id) + ".");
      } else {
        r.pass("The badge class belongs to this issuer.");
      }
    }
    if (typeof assertion.id !== "string" || assertion.id === "") {
      r.problem("The assertion has no id.");
    }
    const now = Date.now();
    const issued = checkStart("issuedOn", assertion.issuedOn, now, r);
    r.fact("Issued", Number.isNaN(issued) ? assertion.issuedOn : showDate(issued));
    const expires = checkEnd("expires", assertion.expires, now, r);
    if (assertion.expires !== undefined) {
      r.fact("Expires", Number.isNaN(expires) ? assertion.expires : showDate(expires));
    }

    let listUrl = site.ob2Revocations;
    if (issuer.revocationList !== undefined) {
      try {
        listUrl = new URL(idOf(issuer.revocationList));
      } catch (e) {
        listUrl = null;
      }
      if (listUrl === null || !listUrl.href.startsWith(site.badges.href)) {
        r.problem("The issuer's revocation list " + quote(issuer.revocationList) + " is not on this site.");
        listUrl = null;
      }
    }
    if (listUrl !== null) {
      try {
        const list = await load(listUrl, "the revocation list");
        if (!Array.isArray(list.revokedAssertions)) {
          r.problem("The revocation list (" + listUrl.href + ") has no revokedAssertions list.");
        } else {
          const entry = list.revokedAssertions.find((e) => e === assertion.id
            || (isObject(e) && (e.id === assertion.id || e.uid === assertion.id)));
          if (entry !== undefined) {
            r.revoked = isObject(entry) && typeof entry.revocationReason === "string" ? entry.revocationReason : "";
            r.flag("Revoked by the issuer" + (r.revoked ? ": " + r.revoked : "") + ".");
          } else {
            r.pass("Not on the issuer's revocation list.");
          }
        }
      } catch (e) {
        r.problem(e.message + " Revocation could not be checked.");
      }
    }

    const recipient = isObject(assertion.recipient) ? assertion.recipient : {};
    const identities = recipient.type === "email"
      ? [{ hashed: recipient.hashed === true, value: recipient.identity, salt: recipient.salt }] : [];
    await checkRecipient(email, identities, r);
    r.fact("Assertion id", assertion.id);
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
      r.problem("The badge class " + quote(value) + " is not on this site.");
      return null;
    }
    try {
      return await load(url, "the badge class");
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
      r.pass("This badge is the credential printed on the certificate (" + certificateId + ").");
    } else {
      r.certificate = "mismatch";
      r.flag("This badge is not the credential printed on the certificate: the certificate names "
        + certificateId + ", the badge " + quote(id) + ".");
    }
  }

  // ---- the whole check ----

  async function verify(input, email) {
    const r = new Report();
    try {
      if (!/^https?:$/.test(siteRoot.protocol)) {
        r.stop("Open this page from the website (http or https), not from a file on disk.");
      }
      if (!window.crypto || !window.crypto.subtle) {
        r.stop("This browser cannot check signatures here: open the page over HTTPS.");
      }
      const found = await extract(input, r);
      const parts = splitJws(found.text, r);
      const header = decodeJson(parts[0], "token header", r);
      r.pass("Header decoded.");
      const alg = checkAlgorithm(header, r);
      const payload = decodeJson(parts[1], "token payload", r);
      const version = detectVersion(payload, found.version, r);
      r.fact("Open Badges", version);
      checkHeaderMembers(header, version, r);
      if (version === "3.0") {
        await verifyOb3(parts, header, payload, alg, email, r);
      } else {
        await verifyOb2(parts, payload, alg, email, r);
      }
      checkCertificate(payload, r);
    } catch (e) {
      if (!(e instanceof Stop)) {
        r.problem("The check failed unexpectedly: " + (e && e.message ? e.message : String(e)));
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

  const STATUS_LABEL = { pass: "Pass", fail: "Fail", note: "Note" };

  function render(r) {
    const verdict = r.verdict();
    let summary;
    if (verdict === "INVALID") {
      summary = r.problems[0];
    } else if (verdict === "REVOKED") {
      summary = "The issuer revoked this badge. Reason: " + (r.revoked || "none given") + ".";
    } else if (verdict === "EXPIRED") {
      summary = "The badge is genuine but expired on " + showDate(r.expired) + ".";
    } else {
      summary = "The badge is genuine, was issued by this site and is current.";
    }
    if (r.recipient === "mismatch" && verdict !== "INVALID") {
      summary += " It was not issued to the email address you entered.";
    } else if (r.recipient === "match" && verdict !== "INVALID") {
      summary += " It was issued to the email address you entered.";
    }
    if (r.certificate === "mismatch") {
      summary += " It is not the credential printed on the certificate you scanned.";
    } else if (r.certificate === "match" && verdict !== "INVALID") {
      summary += " It is the credential printed on the certificate you scanned.";
    }
    const box = el("div", {
      class: "verify-verdict verdict-" + verdict.toLowerCase(),
      "data-verdict": verdict,
      "data-recipient": r.recipient,
      "data-certificate": r.certificate,
    });
    box.append(el("p", { class: "verdict-line" }, el("strong", { class: "verdict-word" }, verdict), " ",
      el("span", { class: "verdict-summary" }, summary)));
    const facts = r.facts.slice();
    if (r.recipient !== "unchecked") {
      facts.push(["Recipient", r.recipient === "match" ? "matches the email address" : "does not match the email address"]);
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
    out.replaceChildren(box, el("h3", { class: "verify-checks-heading" }, "Checks, in order"), list);
  }

  let run = 0;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = fileInput.files && fileInput.files.length > 0 ? fileInput.files[0] : null;
    const token = tokenInput.value.trim();
    const mine = ++run;
    out.setAttribute("data-state", "running");
    if (file === null && token === "") {
      out.replaceChildren(el("p", { class: "verify-prompt" }, "Choose a badge image or paste a badge token first."));
      out.setAttribute("data-state", "done");
      return;
    }
    out.replaceChildren(el("p", { class: "verify-progress" }, "Checking the badge…"));
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
      notice.replaceChildren(el("p", {}, "This address does not name a credential (it should end in "
        + "#credential=urn:uuid:…). Choose the badge file or paste the token to check a badge."));
      return;
    }
    notice.setAttribute("data-credential", certificateId);
    notice.setAttribute("data-state", "running");
    const intro = el("p", {}, "You opened this page from the certificate of credential ", el("code", {}, certificateId), ".");
    notice.replaceChildren(intro, el("p", {}, "Looking it up in this site's revocation list…"));
    let status;
    let text;
    try {
      const list = await load(site.revocations, "the revocation list");
      const entry = Array.isArray(list.revokedCredential)
        ? list.revokedCredential.find((e) => isObject(e) && e.id === certificateId && e.revoked !== false) : undefined;
      if (entry) {
        status = "true";
        text = "This site has revoked this credential"
          + (typeof entry.revocationReason === "string" && entry.revocationReason ? ": " + entry.revocationReason : "")
          + ". The certificate is no longer valid.";
      } else {
        status = "false";
        text = "This site has not revoked this credential. A printed certificate can be copied or altered, so ask "
          + "for the badge file (PNG or SVG) or token that came with it and check it below: the result says "
          + "whether it is this credential and who issued it.";
      }
    } catch (e) {
      status = "unknown";
      text = e.message + " The revocation list could not be checked; check the badge file below.";
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
