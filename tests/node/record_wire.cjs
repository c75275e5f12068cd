// What the official stripe-node SDK puts on the wire for the Connect endpoints the C++ SDK
// implements: each case runs one stripe-node call against a local capture server and records the
// request (method, path, query, content type, whether an idempotency key was sent, body). The
// fixture tests/data/stripe_node_wire.json is the reference the C++ encoder is compared with.
//   node record_wire.cjs <stripe package directory>                 the fixture on stdout
//   node record_wire.cjs <stripe package directory> --out FILE      writes it to FILE
//   node record_wire.cjs <stripe package directory> --check FILE    records again; exit 1 on drift
// Params are written with keys in the order spec/connect-schema.json lists the fields, because the
// C++ encoder emits struct fields in spec order and stripe-node emits insertion order; the script
// refuses to record a case whose keys are out of that order.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const usage = 'usage: node record_wire.cjs <stripe package directory> [--out FILE | --check FILE]';
const [stripeDir, flag, target, ...extra] = process.argv.slice(2);
if (!stripeDir || extra.length || (flag !== undefined && (!['--out', '--check'].includes(flag) || !target))) {
  console.error(usage);
  process.exit(2);
}
const Stripe = require(path.resolve(stripeDir));
const stripeVersion = JSON.parse(fs.readFileSync(path.join(stripeDir, 'package.json'), 'utf8')).version;
const specFile = path.join(__dirname, '..', '..', 'spec', 'connect-schema.json');
const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));

// stripe-node draws a random uuid4 boundary per upload; the fixture holds this one in its place
// (same length) so re-recording gives the same file. Compare by substituting your own boundary.
const FIXED_BOUNDARY = '00000000-0000-4000-8000-000000000000';

// < 100 synthetic bytes: a PNG signature, then NUL, 0xff, CR LF and "--" runs that a multipart
// encoder must pass through untouched (none of them may end or split the part).
const FILE_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0x00, 0xff, 0x00, 0xfe, 0xff]),
  Buffer.from('\r\n--\r\n--wire--\r\n\r\n'),
  Buffer.from([0x00, 0x00, 0xff, 0xd8, 0x2d, 0x2d, 0x0d]),
]);

const ADDRESS = { city: 'South San Francisco', country: 'US', line1: '354 Oyster Point Blvd', postal_code: '94080', state: 'CA' };
const DOB = { day: 15, month: 6, year: 1985 };
const EVENT_TYPES = ['v2.core.account[requirements].updated', 'v2.core.account_person.created'];

// method: the spec's endpoint (resource + '.' + method); ids: the path arguments; params: passed
// last when present. Names sort into the fixture's order.
const CASES = [
  { name: 'v1.accounts.create_login_link', method: 'stripe.accounts.createLoginLink', ids: ['acct_1Wire'] },
  { name: 'v1.accounts.retrieve_current', method: 'stripe.accounts.retrieveCurrent', ids: [],
    params: { expand: ['capabilities', 'external_accounts'] } },
  { name: 'v1.accounts.unreject', method: 'stripe.accounts.unreject', ids: ['acct_1Wire'] },
  { name: 'v1.account_sessions.create', method: 'stripe.accountSessions.create', ids: [],
    params: {
      account: 'acct_1Wire',
      components: {
        account_management: { enabled: true, features: { disable_stripe_user_authentication: false, external_account_collection: true } },
        account_onboarding: { enabled: true, features: { disable_stripe_user_authentication: true, external_account_collection: true } },
        // An empty hash: stripe-node sends nothing for it.
        documents: { enabled: true, features: {} },
        notification_banner: { enabled: true, features: { external_account_collection: false } },
        payouts: { enabled: true, features: { edit_payout_schedule: true, instant_payouts: true, standard_payouts: false } },
      },
    } },
  { name: 'v1.country_specs.list', method: 'stripe.countrySpecs.list', ids: [], params: { limit: 3 } },
  { name: 'v1.country_specs.retrieve', method: 'stripe.countrySpecs.retrieve', ids: ['US'] },
  { name: 'v1.external_accounts.create_bank_account', method: 'stripe.accounts.createExternalAccount', ids: ['acct_1Wire'],
    params: {
      external_account: {
        object: 'bank_account', account_holder_name: 'Jenny Rosen', account_holder_type: 'individual',
        account_number: '000123456789', country: 'US', currency: 'usd', routing_number: '110000000',
      },
      default_for_currency: true,
    } },
  { name: 'v1.external_accounts.create_token', method: 'stripe.accounts.createExternalAccount', ids: ['acct_1Wire'],
    params: { external_account: 'btok_1Wire', metadata: { source: 'wire' } } },
  { name: 'v1.external_accounts.delete', method: 'stripe.accounts.deleteExternalAccount', ids: ['acct_1Wire', 'ba_1Wire'] },
  { name: 'v1.external_accounts.list', method: 'stripe.accounts.listExternalAccounts', ids: ['acct_1Wire'],
    params: { object: 'bank_account', limit: 5 } },
  { name: 'v1.external_accounts.retrieve', method: 'stripe.accounts.retrieveExternalAccount', ids: ['acct_1Wire', 'ba_1Wire'] },
  { name: 'v1.external_accounts.update', method: 'stripe.accounts.updateExternalAccount', ids: ['acct_1Wire', 'ba_1Wire'],
    params: {
      account_holder_name: 'Jenny R. Rosen',
      account_holder_type: '', // clears the field
      default_for_currency: true,
      metadata: { source: '', verified: 'yes' }, // '' removes one key
    } },
  { name: 'v1.file_links.create', method: 'stripe.fileLinks.create', ids: [],
    params: { file: 'file_1Wire', expires_at: 1893456000, metadata: { purpose: 'review' } } },
  { name: 'v1.file_links.list', method: 'stripe.fileLinks.list', ids: [],
    params: { expired: false, file: 'file_1Wire', limit: 10 } },
  { name: 'v1.file_links.retrieve', method: 'stripe.fileLinks.retrieve', ids: ['link_1Wire'] },
  { name: 'v1.file_links.update', method: 'stripe.fileLinks.update', ids: ['link_1Wire'],
    params: { expires_at: 'now', metadata: '' } }, // '' removes all metadata
  { name: 'v1.files.create', method: 'stripe.files.create', ids: [],
    params: {
      file: { data: FILE_BYTES, name: 'id front.png', type: 'image/png' },
      purpose: 'identity_document',
      expand: ['links'],
      file_link_data: { create: true, expires_at: 1893456000, metadata: { case: 'wire' } },
    } },
  { name: 'v1.files.list', method: 'stripe.files.list', ids: [],
    params: { created: { gte: 1767225600, lt: 1798761600 }, purpose: 'identity_document', limit: 2 } },
  { name: 'v1.files.retrieve', method: 'stripe.files.retrieve', ids: ['file_1Wire'] },
  { name: 'v1.persons.create', method: 'stripe.accounts.createPerson', ids: ['acct_1Wire'],
    params: {
      address: ADDRESS,
      dob: DOB,
      documents: { passport: { files: ['file_1Wire', 'file_2Wire'] } },
      email: 'jenny.rosen@example.com',
      expand: ['verification.document.front'],
      first_name: 'Jenny',
      full_name_aliases: ['Jen Rosen'],
      last_name: 'Rosen',
      metadata: { internal_id: 'p-42', role: 'founder' },
      phone: '+15555550100',
      political_exposure: 'none',
      relationship: { director: false, executive: true, owner: true, percent_ownership: 25.5, representative: true, title: 'CEO' },
      ssn_last_4: '0000',
      verification: { document: { back: 'file_2Wire', front: 'file_1Wire' } },
    } },
  { name: 'v1.persons.delete', method: 'stripe.accounts.deletePerson', ids: ['acct_1Wire', 'person_1Wire'] },
  { name: 'v1.persons.list', method: 'stripe.accounts.listPersons', ids: ['acct_1Wire'],
    params: { relationship: { owner: true, representative: false }, limit: 10 } },
  { name: 'v1.persons.retrieve', method: 'stripe.accounts.retrievePerson', ids: ['acct_1Wire', 'person_1Wire'] },
  { name: 'v1.persons.update', method: 'stripe.accounts.updatePerson', ids: ['acct_1Wire', 'person_1Wire'],
    params: {
      dob: '', // '' clears a hash
      full_name_aliases: '', // and an array
      metadata: { internal_id: '', reviewed: 'yes' },
      relationship: { percent_ownership: '', title: 'CFO' },
    } },
  { name: 'v1.tokens.create_account', method: 'stripe.tokens.create', ids: [],
    params: {
      account: {
        business_type: 'company',
        company: { address: ADDRESS, name: 'Wire Widgets Inc.', tax_id: '000000000' },
        tos_shown_and_accepted: true,
      },
    } },
  { name: 'v1.tokens.create_person', method: 'stripe.tokens.create', ids: [],
    params: {
      person: { address: ADDRESS, dob: DOB, first_name: 'Jenny', last_name: 'Rosen', relationship: { representative: true, title: 'CEO' } },
    } },
  { name: 'v1.tokens.retrieve', method: 'stripe.tokens.retrieve', ids: ['tok_1Wire'] },
  { name: 'v2.core.account_tokens.create', method: 'stripe.v2.core.accountTokens.create', ids: [],
    params: {
      contact_email: 'ops@example.com',
      display_name: 'Wire Widgets',
      identity: {
        attestations: { terms_of_service: { account: { shown_and_accepted: true } } },
        business_details: { address: ADDRESS, registered_name: 'Wire Widgets Inc.' },
        entity_type: 'company',
      },
    } },
  { name: 'v2.core.account_tokens.retrieve', method: 'stripe.v2.core.accountTokens.retrieve', ids: ['acctok_1Wire'] },
  { name: 'v2.core.event_destinations.create', method: 'stripe.v2.core.eventDestinations.create', ids: [],
    params: {
      enabled_events: EVENT_TYPES,
      event_payload: 'thin',
      name: 'wire-onboarding',
      type: 'webhook_endpoint',
      description: 'Connect onboarding events',
      events_from: ['other_accounts'],
      include: ['webhook_endpoint.url'],
      metadata: { team: 'platform' },
      webhook_endpoint: { url: 'https://platform.example/webhooks' },
    } },
  { name: 'v2.core.event_destinations.delete', method: 'stripe.v2.core.eventDestinations.del', ids: ['ed_1Wire'] },
  { name: 'v2.core.event_destinations.disable', method: 'stripe.v2.core.eventDestinations.disable', ids: ['ed_1Wire'] },
  { name: 'v2.core.event_destinations.enable', method: 'stripe.v2.core.eventDestinations.enable', ids: ['ed_1Wire'] },
  { name: 'v2.core.event_destinations.list', method: 'stripe.v2.core.eventDestinations.list', ids: [],
    params: { include: ['webhook_endpoint.url'], limit: 20 } },
  { name: 'v2.core.event_destinations.ping', method: 'stripe.v2.core.eventDestinations.ping', ids: ['ed_1Wire'] },
  { name: 'v2.core.event_destinations.retrieve', method: 'stripe.v2.core.eventDestinations.retrieve', ids: ['ed_1Wire'],
    params: { include: ['webhook_endpoint.url'] } },
  { name: 'v2.core.event_destinations.update', method: 'stripe.v2.core.eventDestinations.update', ids: ['ed_1Wire'],
    params: {
      description: 'Onboarding events',
      enabled_events: [EVENT_TYPES[0]],
      include: ['webhook_endpoint.url'],
      webhook_endpoint: { url: 'https://platform.example/webhooks/v2' },
    } },
  { name: 'v2.core.events.list', method: 'stripe.v2.core.events.list', ids: [],
    params: { limit: 10, object_id: 'acct_1Wire', types: EVENT_TYPES } },
  { name: 'v2.core.events.retrieve', method: 'stripe.v2.core.events.retrieve', ids: ['evt_1Wire'] },
  { name: 'v2.core.person_tokens.create', method: 'stripe.v2.core.accounts.personTokens.create', ids: ['acct_1Wire'],
    params: {
      additional_terms_of_service: { account: { shown_and_accepted: true } },
      address: ADDRESS,
      date_of_birth: DOB,
      given_name: 'Jenny',
      relationship: { representative: true, title: 'CEO' },
      surname: 'Rosen',
    } },
  { name: 'v2.core.person_tokens.retrieve', method: 'stripe.v2.core.accounts.personTokens.retrieve', ids: ['acct_1Wire', 'perstok_1Wire'] },
  { name: 'v2.core.persons.create', method: 'stripe.v2.core.accounts.persons.create', ids: ['acct_1Wire'],
    params: {
      additional_addresses: [{ city: 'Toronto', country: 'CA', line1: '1 Front St W', postal_code: 'M5J 2X5', purpose: 'registered', state: 'ON' }],
      address: ADDRESS,
      date_of_birth: DOB,
      email: 'jenny.rosen@example.com',
      given_name: 'Jenny',
      id_numbers: [{ type: 'us_ssn_last_4', value: '0000' }],
      metadata: { internal_id: 'p-42' },
      nationalities: ['US', 'CA'],
      phone: '+15555550100',
      // The SDK's Decimal: sent as a JSON string.
      relationship: { executive: true, owner: true, percent_ownership: Stripe.Decimal.from('25.5'), representative: true, title: 'CEO' },
      surname: 'Rosen',
    } },
  { name: 'v2.core.persons.delete', method: 'stripe.v2.core.accounts.persons.del', ids: ['acct_1Wire', 'person_1Wire'] },
  { name: 'v2.core.persons.list', method: 'stripe.v2.core.accounts.persons.list', ids: ['acct_1Wire'], params: { limit: 10 } },
  { name: 'v2.core.persons.retrieve', method: 'stripe.v2.core.accounts.persons.retrieve', ids: ['acct_1Wire', 'person_1Wire'] },
  { name: 'v2.core.persons.update', method: 'stripe.v2.core.accounts.persons.update', ids: ['acct_1Wire', 'person_1Wire'],
    params: {
      email: 'jenny@example.com',
      metadata: { internal_id: null, reviewed: 'yes' }, // null removes one key
      relationship: { percent_ownership: Stripe.Decimal.from('30'), title: 'CFO' },
    } },
];

const isDecimal = (v) => v !== null && typeof v === 'object' && typeof v.toFixed === 'function' && typeof v.isZero === 'function';
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) && !isDecimal(v);

// The spec's endpoint for a case and its params type (from the method's signature).
function endpointOf(c) {
  const matches = spec.endpoints.filter((e) => `${e.resource}.${e.method}` === c.method);
  assert.equal(matches.length, 1, `${c.name}: ${matches.length} spec endpoints for ${c.method}`);
  const endpoint = matches[0];
  const m = endpoint.signature.match(/\bparams\??: ([\w.]+)/);
  assert.ok(m, `${c.name}: no params type in the signature ${endpoint.signature}`);
  const typeName = [m[1], `Stripe.${m[1]}`].find((n) => spec.types[n]);
  assert.ok(typeName, `${c.name}: params type ${m[1]} is not in the spec's types`);
  return { endpoint, typeName };
}

const SHAPES = { object: 'hash', map: 'hash', array: 'array', string: 'string', enum: 'string', number: 'number', boolean: 'boolean', unknown: 'bytes' };
const shapeOf = (node) => SHAPES[node.kind] || node.kind;
const shapeOfValue = (v) => (v instanceof Uint8Array ? 'bytes' : isDecimal(v) ? 'string' : Array.isArray(v) ? 'array'
                             : isPlainObject(v) ? 'hash' : typeof v);

// Errors (strings) where value does not follow the spec node: unknown fields, keys out of the
// spec's order, missing required fields, wrong kinds.
function checkValue(v, node, where, errors) {
  if (v === null) {
    if (!node.nullable) errors.push(`${where}: null, but the field is not nullable`);
    return;
  }
  if (v === '' && node.emptyable) return;
  switch (node.kind) {
    case 'object': {
      if (!isPlainObject(v)) return errors.push(`${where}: expected a hash`);
      if (node.truncated) return errors.push(`${where}: the spec truncates this hash, its field order cannot be checked`);
      const names = (node.properties || []).map((p) => p.name);
      let last = -1;
      for (const key of Object.keys(v)) {
        const i = names.indexOf(key);
        if (i < 0) {
          errors.push(`${where}.${key}: not a field of ${node.typeName || node.tsName || 'this hash'}`);
          continue;
        }
        if (i < last) {
          errors.push(`${where}.${key}: out of order, the spec lists it before "${names[last]}" (spec order: ${names.join(', ')})`);
        }
        last = Math.max(last, i);
        checkValue(v[key], node.properties[i], `${where}.${key}`, errors);
      }
      for (const p of node.properties || []) {
        if (!p.optional && !(p.name in v)) errors.push(`${where}.${p.name}: required by the spec, missing`);
      }
      return;
    }
    case 'map':
      if (!isPlainObject(v)) return errors.push(`${where}: expected a map`);
      for (const [key, value] of Object.entries(v)) checkValue(value, node.valueType, `${where}.${key}`, errors);
      return;
    case 'array':
      if (!Array.isArray(v)) return errors.push(`${where}: expected an array`);
      v.forEach((item, i) => checkValue(item, node.items, `${where}[${i}]`, errors));
      return;
    case 'union': {
      // The variants of the value's shape whose single-valued enums (e.g. object: 'bank_account')
      // match; the errors reported are those of the closest one.
      const candidates = node.anyOf.filter((variant) => shapeOf(variant) === shapeOfValue(v) &&
        (variant.properties || []).every((p) => p.kind !== 'enum' || p.open || p.values.length !== 1 ||
                                                !isPlainObject(v) || !(p.name in v) || v[p.name] === p.values[0]));
      if (candidates.length === 0) {
        return errors.push(`${where}: matches none of ${node.anyOf.map((x) => x.typeName || x.kind).join(', ')}`);
      }
      let best = null;
      for (const variant of candidates) {
        const e = [];
        checkValue(v, variant, where, e);
        if (e.length === 0) return;
        if (!best || e.length < best.length) best = e;
      }
      return errors.push(...best);
    }
    case 'string':
      if (typeof v === 'string' || (node.format === 'decimal' && isDecimal(v))) return;
      return errors.push(`${where}: expected a string`);
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${where}: expected a number`);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') errors.push(`${where}: expected a boolean`);
      return;
    case 'enum':
      if (typeof v !== 'string' || (!node.open && !node.values.includes(v))) {
        errors.push(`${where}: ${JSON.stringify(v)} is not one of ${node.values.join(', ')}`);
      }
      return;
    case 'unknown':
      if (!(/Uint8Array/.test(node.tsType || '') && v instanceof Uint8Array)) errors.push(`${where}: unexpected value for ${node.tsType}`);
      return;
    default:
      errors.push(`${where}: cannot check the spec kind ${node.kind}`);
  }
}

function checkCases() {
  const errors = [];
  const names = new Set();
  for (const c of CASES) {
    if (names.has(c.name)) errors.push(`${c.name}: duplicate case name`);
    names.add(c.name);
    const { typeName } = endpointOf(c);
    if (c.params !== undefined) {
      checkValue(c.params, spec.types[typeName], `${c.name}: params`, errors);
      // The check must be able to fail: the same hash reversed is out of order.
      const keys = Object.keys(c.params);
      if (keys.length > 1) {
        const reversed = Object.fromEntries(keys.reverse().map((k) => [k, c.params[k]]));
        const e = [];
        checkValue(reversed, spec.types[typeName], 'reversed', e);
        if (!e.some((s) => s.includes('out of order'))) errors.push(`${c.name}: the order check accepts reversed params`);
      }
    }
  }
  if (errors.length) {
    console.error(`not ok - params do not follow ${path.relative(process.cwd(), specFile)}:\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
}

// A plausible answer so stripe-node resolves: lists for collection GETs, else {id, object}.
const OBJECTS = {
  v1: { accounts: 'account', account: 'account', persons: 'person', external_accounts: 'bank_account', login_links: 'login_link',
        account_sessions: 'account_session', files: 'file', file_links: 'file_link', country_specs: 'country_spec', tokens: 'token' },
  v2: { persons: 'v2.core.account_person', person_tokens: 'v2.core.account_person_token', account_tokens: 'v2.core.account_token',
        events: 'v2.core.event', event_destinations: 'v2.core.event_destination', ping: 'v2.core.event' },
};
function answer(method, urlPath) {
  const segments = urlPath.split('/').filter(Boolean);
  const version = segments[0];
  const objects = OBJECTS[version] || {};
  let i = segments.length - 1;
  while (i > 0 && !objects[segments[i]]) i -= 1;
  const object = objects[segments[i]] || 'unknown';
  const isCollection = i === segments.length - 1 && !['account', 'ping'].includes(segments[i]);
  if (method === 'GET' && isCollection) {
    return version === 'v2' ? { data: [], next_page_url: null, previous_page_url: null }
                            : { object: 'list', data: [], has_more: false, url: urlPath };
  }
  const id = i + 1 < segments.length ? decodeURIComponent(segments[i + 1]) : `${object.split('.').pop()}_1Wire`;
  const body = { id, object };
  if (method === 'DELETE' && version === 'v1') body.deleted = true;
  return body;
}

function startCapture() {
  const captured = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      // The raw target: no URL parsing, so the recorded query is byte for byte what was sent.
      const q = req.url.indexOf('?');
      const urlPath = q < 0 ? req.url : req.url.slice(0, q);
      captured.push({ method: req.method, path: urlPath, query: q < 0 ? '' : req.url.slice(q + 1),
                      headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Request-Id': 'req_1Wire' });
      res.end(JSON.stringify(answer(req.method, urlPath)));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, captured })));
}

// The body as lines (split at CRLF) with the file part's bytes elided.
function readableMultipart(body, boundary) {
  const parts = body.toString('latin1').split(`--${boundary}`);
  const lines = [];
  parts.forEach((part, n) => {
    if (n === 0) {
      assert.equal(part, '', 'multipart: text before the first boundary');
      return;
    }
    if (n === parts.length - 1) {
      assert.equal(part, '--\r\n', 'multipart: the closing boundary');
      lines.push(`--${boundary}--`, ''); // joined with CRLF: the body, file bytes aside
      return;
    }
    assert.ok(part.startsWith('\r\n') && part.endsWith('\r\n'), 'multipart: part framing');
    const split = part.indexOf('\r\n\r\n');
    const head = part.slice(2, split);
    const content = Buffer.from(part.slice(split + 4, -2), 'latin1');
    lines.push(`--${boundary}`, ...head.split('\r\n'), '');
    lines.push(/filename=/.test(head) ? `<${content.length} bytes of file data elided>` : content.toString('utf8'));
  });
  return lines;
}

function requestRecord(cap) {
  const contentType = cap.headers['content-type'] ?? null;
  const request = {
    method: cap.method,
    path: cap.path,
    query: cap.query,
    content_type: contentType,
    idempotency_key: 'idempotency-key' in cap.headers,
  };
  const multipart = contentType && contentType.match(/^multipart\/form-data; boundary=(.+)$/);
  if (multipart) {
    const boundary = multipart[1];
    const text = cap.body.toString('latin1');
    assert.ok(!text.includes(FIXED_BOUNDARY) && !FILE_BYTES.toString('latin1').includes(boundary), 'boundary collision');
    const body = Buffer.from(text.split(boundary).join(FIXED_BOUNDARY), 'latin1');
    request.content_type = contentType.replace(boundary, FIXED_BOUNDARY);
    request.boundary = FIXED_BOUNDARY;
    request.body_base64 = body.toString('base64');
    request.body_readable = readableMultipart(body, FIXED_BOUNDARY);
  } else {
    const body = cap.body.toString('utf8');
    assert.ok(Buffer.from(body, 'utf8').equals(cap.body), `${cap.path}: a non-multipart body that is not UTF-8`);
    request.body = body;
  }
  return request;
}

// Params as JSON: bytes and the SDK's Decimal get a marker object.
function paramsJson(v) {
  if (v instanceof Uint8Array) return { $bytes_base64: Buffer.from(v).toString('base64') };
  if (isDecimal(v)) return { $decimal: v.toString() };
  if (Array.isArray(v)) return v.map(paramsJson);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, paramsJson(x)]));
  return v;
}

const quoteArg = (s) => `'${s}'`;
function callText(c) {
  const args = c.ids.map(quoteArg);
  if (c.params !== undefined) args.push('params');
  return `${c.method}(${args.join(', ')})`;
}

async function record() {
  checkCases();
  const { server, captured } = await startCapture();
  try {
    // host applies to every API base: stripe-node 23.1.0 sends files.create to the 'files' base
    // (files.stripe.com), and resolveBaseAddress() returns the client's host instead whenever it
    // was configured (stripe.core.js: "can override host globally, but not locally"); a request
    // option can only pick another named base (apiBase), not a host.
    const stripe = new Stripe('sk_test_wire', {
      host: '127.0.0.1', port: server.address().port, protocol: 'http', maxNetworkRetries: 0, telemetry: false,
    });
    const cases = [];
    const versions = new Set();
    for (const c of [...CASES].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const { endpoint, typeName } = endpointOf(c);
      const parts = c.method.split('.');
      const owner = parts.slice(1, -1).reduce((o, k) => o[k], stripe);
      const args = c.params === undefined ? c.ids : [...c.ids, c.params];
      const before = captured.length;
      await owner[parts[parts.length - 1]](...args);
      assert.equal(captured.length, before + 1, `${c.name}: ${captured.length - before} requests captured`);
      const cap = captured[before];
      let n = 0;
      const expectedPath = endpoint.path.replace(/\{\w+\}/g, () => encodeURIComponent(c.ids[n++]));
      assert.equal(n, c.ids.length, `${c.name}: ${c.ids.length} ids for ${endpoint.path}`);
      assert.equal(cap.method, endpoint.httpMethod, `${c.name}: method`);
      assert.equal(cap.path, expectedPath, `${c.name}: path`);
      versions.add(cap.headers['stripe-version']);
      cases.push({
        name: c.name,
        call: callText(c),
        endpoint: `${endpoint.httpMethod} ${endpoint.path}`,
        params_type: typeName,
        params: c.params === undefined ? null : paramsJson(c.params),
        request: requestRecord(cap),
      });
    }
    assert.equal(versions.size, 1, `Stripe-Version headers: ${[...versions].join(', ')}`);
    return {
      generator: 'tests/node/record_wire.cjs',
      stripe_node: stripeVersion,
      api_version: [...versions][0],
      conventions: [
        'cases: one stripe-node call each, sorted by name; params keys are in spec/connect-schema.json field order',
        'params: {"$bytes_base64": ...} is a Buffer, {"$decimal": ...} the SDK\'s Decimal',
        'request.query: the raw query string (no "?"); request.body: the body exactly as sent',
        `multipart: stripe-node's random uuid4 boundary is replaced by ${FIXED_BOUNDARY} in content_type and body_base64; body_readable is the body split at CRLF with the file bytes elided`,
        'idempotency_key: whether stripe-node sent an Idempotency-Key header (its value is random)',
      ],
      cases,
    };
  } finally {
    server.close();
  }
}

const serialize = (fixture) => `${JSON.stringify(fixture, null, 2)}\n`;

// A line diff (longest common subsequence) with two lines of context.
function lineDiff(a, b) {
  const m = a.length;
  const n = b.length;
  const lcs = Array.from({ length: m + 1 }, () => new Array(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && a[i] === b[j]) { ops.push(['  ', a[i]]); i++; j++; }
    else if (i < m && (j === n || lcs[i + 1][j] >= lcs[i][j + 1])) { ops.push(['- ', a[i]]); i++; }
    else { ops.push(['+ ', b[j]]); j++; }
  }
  const keep = ops.map((op, k) => ops.slice(Math.max(0, k - 2), k + 3).some(([t]) => t !== '  '));
  const out = [];
  ops.forEach(([t, line], k) => {
    if (keep[k]) out.push(`      ${t}${line}`);
    else if (k > 0 && keep[k - 1]) out.push('      ...');
  });
  return out;
}

// Lines to diff a long string by: form and query strings at '&', JSON pretty-printed.
function diffLines(s) {
  try {
    if (/^[{[]/.test(s)) return JSON.stringify(JSON.parse(s), null, 2).split('\n');
  } catch { /* not JSON */ }
  return s.includes('&') ? s.split('&') : [s];
}

// Where two byte strings first differ, with 16 bytes of hex on each side.
function bytesDiff(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const hex = (buf) => buf.subarray(Math.max(0, i - 8), i + 8).toString('hex').replace(/(..)/g, '$1 ').trim();
  return [`      ${a.length} bytes in the fixture, ${b.length} recorded; first difference at byte ${i}`,
          `      fixture:  ${hex(a)}`, `      recorded: ${hex(b)}`];
}

function describeDiff(where, expected, actual, out) {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return;
  if (where.endsWith('.body_base64') && typeof expected === 'string' && typeof actual === 'string') {
    out.push(`  ${where}:`, ...bytesDiff(Buffer.from(expected, 'base64'), Buffer.from(actual, 'base64')));
    return;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const ek = Object.keys(expected);
    const ak = Object.keys(actual);
    if (ek.join() !== ak.join() && [...ek].sort().join() === [...ak].sort().join()) {
      out.push(`  ${where}: key order\n      fixture:  ${ek.join(', ')}\n      recorded: ${ak.join(', ')}`);
    }
    for (const k of new Set([...ek, ...ak])) describeDiff(`${where}.${k}`, expected[k], actual[k], out);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.every((x) => typeof x === 'string') && actual.every((x) => typeof x === 'string')) {
    out.push(`  ${where}: (- fixture, + recorded)`, ...lineDiff(expected, actual));
    return;
  }
  if (typeof expected === 'string' && typeof actual === 'string' && (expected.length > 60 || actual.length > 60)) {
    const lines = lineDiff(diffLines(expected), diffLines(actual));
    // Pretty-printed JSON that differs only in layout shows no changed line: print both strings.
    if (lines.some((l) => /^ {6}[-+] /.test(l))) {
      out.push(`  ${where}: (- fixture, + recorded)`, ...lines);
      return;
    }
  }
  out.push(`  ${where}:\n      fixture:  ${JSON.stringify(expected)}\n      recorded: ${JSON.stringify(actual)}`);
}

function compare(fixtureFile, fixtureText, recorded) {
  const expected = JSON.parse(fixtureText);
  const out = [];
  for (const k of new Set([...Object.keys(expected), ...Object.keys(recorded)])) {
    if (k !== 'cases') describeDiff(k, expected[k], recorded[k], out);
  }
  const byName = (list) => new Map((list || []).map((c) => [c.name, c]));
  const e = byName(expected.cases);
  const a = byName(recorded.cases);
  for (const name of new Set([...e.keys(), ...a.keys()])) {
    if (!a.has(name)) out.push(`  ${name}: in the fixture, not recorded`);
    else if (!e.has(name)) out.push(`  ${name}: recorded, not in the fixture`);
    else describeDiff(name, e.get(name), a.get(name), out);
  }
  if (out.length === 0 && fixtureText !== serialize(recorded)) {
    out.push('  the same cases, but the file is not laid out as the recorder writes it (case order or formatting)');
  }
  if (out.length) {
    console.error(`not ok - stripe-node ${recorded.stripe_node} no longer sends what ${fixtureFile} holds:\n${out.join('\n')}`);
    console.error('If the change is intended, re-record (tests/node/README.md) and review the fixture diff.');
    return false;
  }
  console.log(`ok - stripe-node ${recorded.stripe_node}: ${recorded.cases.length} requests match ${fixtureFile}`);
  return true;
}

async function main() {
  const fixture = await record();
  if (flag === '--check') {
    process.exit(compare(target, fs.readFileSync(target, 'utf8'), JSON.parse(serialize(fixture))) ? 0 : 1);
  } else if (flag === '--out') {
    fs.writeFileSync(target, serialize(fixture));
    console.log(`ok - ${fixture.cases.length} requests recorded with stripe-node ${fixture.stripe_node} into ${target}`);
  } else {
    process.stdout.write(serialize(fixture));
  }
}

main().catch((e) => {
  console.error(`not ok - ${e.stack || e}`);
  process.exit(1);
});
