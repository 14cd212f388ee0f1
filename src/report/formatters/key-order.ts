/**
 * The order of an object's keys in JSON output, and the shapes of its object-valued (or
 * array-of-object) properties. Known keys come first in this order; unknown keys keep their
 * place after them, so reordering never drops data.
 */
export interface KeyOrder {
  readonly keys: readonly string[];
  readonly nested?: Readonly<Record<string, KeyOrder>>;
}

const location: KeyOrder = { keys: ['file', 'line', 'column'] };

/**
 * Key order of a ScanReport: the order of the interfaces in scan-report.ts and of the
 * properties in docs/report-schema.json (a test holds the three together).
 */
export const REPORT_KEY_ORDER: KeyOrder = {
  keys: [
    'apiVersion',
    'kind',
    'tool',
    'scannedAt',
    'durationMs',
    'inputs',
    'resources',
    'controls',
    'findings',
    'frameworks',
    'summary',
    'errors',
    'vulnerabilities',
  ],
  nested: {
    tool: { keys: ['name', 'version'] },
    inputs: { keys: ['type', 'target', 'unreadable'] },
    resources: {
      keys: ['id', 'apiVersion', 'kind', 'namespace', 'name', 'source'],
      nested: { source: { keys: ['file', 'line', 'column', 'documentIndex'] } },
    },
    controls: {
      keys: [
        'id',
        'title',
        'description',
        'severity',
        'frameworks',
        'aliases',
        'remediation',
        'status',
        'skipReason',
        'counts',
        'score',
      ],
      nested: {
        aliases: { keys: ['kubescape', 'checkov', 'pss', 'cis', 'polaris', 'kubeLinter', 'trivy'] },
        counts: { keys: ['passed', 'failed', 'excepted', 'skipped', 'error'] },
      },
    },
    findings: {
      keys: [
        'controlId',
        'resourceId',
        'status',
        'severity',
        'messageId',
        'message',
        'path',
        'location',
        'evidence',
        'fix',
        'exception',
        'baseline',
      ],
      nested: {
        location,
        fix: { keys: ['op', 'path', 'value'] },
        exception: { keys: ['name', 'reason', 'owner', 'ticket', 'expires'] },
      },
    },
    frameworks: { keys: ['id', 'name', 'version', 'score', 'complianceScore', 'controls'] },
    summary: {
      keys: [
        'resources',
        'controls',
        'passed',
        'failed',
        'excepted',
        'skipped',
        'errors',
        'bySeverity',
        'score',
        'complianceScore',
        'baseline',
        'vulnerabilities',
      ],
      nested: {
        bySeverity: { keys: ['critical', 'high', 'medium', 'low', 'info'] },
        baseline: { keys: ['new', 'existing', 'resolved'] },
        vulnerabilities: {
          keys: ['total', 'suppressed', 'bySeverity', 'fixable'],
          nested: {
            bySeverity: { keys: ['critical', 'high', 'medium', 'low', 'info', 'unknown'] },
          },
        },
      },
    },
    errors: { keys: ['code', 'message', 'file', 'line', 'column', 'severity'] },
    vulnerabilities: {
      keys: [
        'id',
        'aliases',
        'package',
        'status',
        'severity',
        'cvss',
        'fixedVersions',
        'summary',
        'locations',
        'suppression',
        'image',
        'workloads',
      ],
      nested: {
        package: { keys: ['name', 'version', 'ecosystem', 'purl'] },
        cvss: { keys: ['version', 'vector', 'score'] },
        locations: { keys: ['path', 'layer'] },
        suppression: { keys: ['source', 'status', 'justification', 'statement', 'document'] },
      },
    },
  },
};

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const knownKeys = new WeakMap<KeyOrder, ReadonlySet<string>>();

function knownKeysOf(order: KeyOrder): ReadonlySet<string> {
  let known = knownKeys.get(order);
  if (known === undefined) {
    known = new Set(order.keys);
    knownKeys.set(order, known);
  }
  return known;
}

function copyKey(
  out: Record<string, unknown>,
  value: Readonly<Record<string, unknown>>,
  key: string,
  order: KeyOrder,
): void {
  // hasOwn: a key like `__proto__` or `constructor` must not find Object.prototype members.
  const nested =
    order.nested !== undefined && Object.hasOwn(order.nested, key) ? order.nested[key] : undefined;
  out[key] = nested === undefined ? value[key] : orderKeys(value[key], nested);
}

/** Known keys appear in `order` and before every unknown key: no copy is needed. */
function isOrdered(
  value: Readonly<Record<string, unknown>>,
  order: KeyOrder,
  known: ReadonlySet<string>,
): boolean {
  let next = 0;
  let seenUnknown = false;
  for (const key of Object.keys(value)) {
    if (!known.has(key)) {
      seenUnknown = true;
      continue;
    }
    if (seenUnknown) return false;
    const at = order.keys.indexOf(key, next);
    if (at === -1) return false;
    next = at + 1;
  }
  return true;
}

function orderArray(value: readonly unknown[], order: KeyOrder): readonly unknown[] {
  let changed: unknown[] | undefined;
  value.forEach((item, index) => {
    const ordered = orderKeys(item, order);
    if (ordered !== item && changed === undefined) changed = value.slice(0, index);
    changed?.push(ordered);
  });
  return changed ?? value;
}

/** Arrays whose items are known to be in key order already (see {@link markOrdered}). */
const orderedArrays = new WeakSet<readonly unknown[]>();

/**
 * Records that every item of `items` was built in key order (as buildReport builds findings and
 * resources), so serialising skips checking tens of thousands of items again. The array is
 * readonly from here on; a changed copy is an ordinary array and is checked as usual.
 */
export function markOrdered<T extends readonly unknown[]>(items: T): T {
  orderedArrays.add(items);
  return items;
}

/**
 * `value` with its keys (and its nested objects' keys) in `order`. Objects already in order are
 * returned as they are, so a report built in order is serialised without being copied.
 */
export function orderKeys(value: unknown, order: KeyOrder): unknown {
  if (Array.isArray(value)) return orderedArrays.has(value) ? value : orderArray(value, order);
  if (!isPlainObject(value)) return value;
  const known = knownKeysOf(order);
  if (isOrdered(value, order, known)) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const nested =
        order.nested !== undefined && Object.hasOwn(order.nested, key)
          ? order.nested[key]
          : undefined;
      if (nested === undefined) continue;
      const ordered = orderKeys(value[key], nested);
      if (ordered === value[key]) continue;
      copy ??= Object.assign(Object.create(null) as Record<string, unknown>, value);
      copy[key] = ordered;
    }
    return copy ?? value;
  }
  // No prototype: a hostile `__proto__` key stays an ordinary property.
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of order.keys) if (Object.hasOwn(value, key)) copyKey(out, value, key, order);
  for (const key of Object.keys(value)) if (!known.has(key)) copyKey(out, value, key, order);
  return out;
}
