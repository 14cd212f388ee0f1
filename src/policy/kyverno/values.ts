import { isRecord } from '../../model/resource.js';
import type { KyvernoValues } from './types.js';

type Layer = Readonly<Record<string, unknown>>;

function byName(list: unknown): Record<string, Layer> {
  const out: Record<string, Layer> = {};
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    if (isRecord(item) && typeof item.name === 'string' && isRecord(item.values)) {
      out[item.name] = item.values;
    }
  }
  return out;
}

/**
 * Reads a Kyverno CLI `Values` document (`globalValues`, `policies[].rules[].values`,
 * `policies[].resources[].values`, `namespaceSelector[]`). Malformed parts are ignored.
 */
export function parseKyvernoValues(object: unknown): KyvernoValues {
  if (!isRecord(object)) return {};
  const policies: Record<
    string,
    { rules: Record<string, Layer>; resources: Record<string, Layer> }
  > = {};
  if (Array.isArray(object.policies)) {
    for (const policy of object.policies) {
      if (!isRecord(policy) || typeof policy.name !== 'string') continue;
      policies[policy.name] = { rules: byName(policy.rules), resources: byName(policy.resources) };
    }
  }
  const namespaceLabels: Record<string, Record<string, string>> = {};
  if (Array.isArray(object.namespaceSelector)) {
    for (const entry of object.namespaceSelector) {
      if (!isRecord(entry) || typeof entry.name !== 'string' || !isRecord(entry.labels)) continue;
      const labels: Record<string, string> = {};
      for (const [key, value] of Object.entries(entry.labels)) labels[key] = String(value);
      namespaceLabels[entry.name] = labels;
    }
  }
  return {
    ...(isRecord(object.globalValues) ? { global: object.globalValues } : {}),
    policies,
    namespaceLabels,
  };
}
