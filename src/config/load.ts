import { yaml } from '../core/lazy-require.js';
import {
  DEFAULT_CONTROLS_SETTINGS,
  type ControlsSettings,
  type QuantityBound,
  type ResourceBounds,
  type ValuePattern,
} from './controls-settings.js';
import { parseQuantity } from './quantity.js';
import { compileSafePattern } from './safe-pattern.js';
import {
  describe,
  parseConfigDocument,
  type ConfigNode,
  type ConfigReader,
} from './yaml-reader.js';
import type { Mutable } from '../core/mutable.js';

/** `apiVersion` of a controls configuration document. */
export const CONTROLS_CONFIG_API_VERSION = 'cubecape.io/v1alpha1';
/** `kind` of a controls configuration document. */
export const CONTROLS_CONFIG_KIND = 'ControlsConfig';

const SPEC_KEYS = [
  'allowedRegistries',
  'forbiddenRegistries',
  'sensitiveKeyNames',
  'sensitiveValuePatterns',
  'allowedCapabilities',
  'recommendedLabels',
  'requiredLabels',
  'commonLabels',
  'resources',
  'allowedHostPaths',
  'kubernetesVersion',
] as const;

function registry(value: string): string | undefined {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (trimmed === '') return 'expected a registry such as "ghcr.io/acme", got an empty string';
  if (/\s|:\/\//.test(trimmed))
    return `expected a registry such as "ghcr.io/acme" (no scheme, no spaces), got "${value}"`;
  return undefined;
}

function keyName(value: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(value)
    ? undefined
    : `expected a name of letters, digits, "_", "-" or "." (at most 63), got "${value}"`;
}

function capability(value: string): string | undefined {
  return /^(?:CAP_)?[A-Z][A-Z0-9_]{1,30}$/i.test(value.trim())
    ? undefined
    : `expected a Linux capability such as NET_BIND_SERVICE, got "${value}"`;
}

function label(value: string): string | undefined {
  // prefix (a DNS subdomain) / name (63 characters of alphanumerics, -, _ and .)
  return /^(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?\/)?[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/.test(
    value,
  )
    ? undefined
    : `expected a label key such as "app.kubernetes.io/name", got "${value}"`;
}

function hostPath(value: string): string | undefined {
  if (!value.startsWith('/')) return `expected an absolute path, got "${value}"`;
  if (value.split('/').some((segment) => segment === '..' || segment === '.'))
    return `expected a path without "." or ".." segments, got "${value}"`;
  return undefined;
}

function nonEmpty(reader: ConfigReader, node: ConfigNode, at: string, list: string[]): string[] {
  if (list.length === 0)
    throw reader.fail(
      node,
      `expected at least one label at ${at}; to turn the control off, use --exclude-control`,
    );
  return list;
}

function valuePatterns(reader: ConfigReader, node: ConfigNode, at: string): ValuePattern[] {
  return reader.items(node, at, 'patterns').map((item, index) => {
    const where = `${at}[${index}]`;
    let name = 'custom credential pattern';
    let source: string;
    let sourceNode = item;
    if (yaml().isScalar(item) && typeof item.value === 'string') source = item.value;
    else if (yaml().isMap(item)) {
      const entries = reader.map(item, where, ['name', 'pattern']);
      const nameEntry = entries.get('name');
      const patternEntry = entries.get('pattern');
      if (patternEntry === undefined)
        throw reader.fail(item, `expected a "pattern" key at ${where}`);
      if (nameEntry !== undefined) name = reader.string(nameEntry.value, nameEntry.at);
      source = reader.string(patternEntry.value, patternEntry.at);
      sourceNode = patternEntry.value;
    } else {
      throw reader.fail(
        item,
        `expected a pattern string or a map with "name" and "pattern" at ${where}, got ${describe(item)}`,
        node,
      );
    }
    const compiled = compileSafePattern(source);
    if (typeof compiled === 'string') throw reader.fail(sourceNode, `${where}: ${compiled}`);
    return { name, pattern: compiled };
  });
}

function bound(reader: ConfigReader, node: ConfigNode, at: string): QuantityBound {
  const raw: unknown = yaml().isScalar(node) ? node.value : undefined;
  const value = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
  if (value === undefined || value < 0)
    throw reader.fail(
      node,
      `expected a Kubernetes quantity such as "500m" or "256Mi" at ${at}, got ${describe(node)}`,
    );
  return { text: String(raw), value };
}

function resourceBounds(reader: ConfigReader, node: ConfigNode, at: string): ResourceBounds {
  const out: Mutable<ResourceBounds> = {};
  for (const [resource, entry] of reader.map(node, at, ['cpu', 'memory'])) {
    const minMax: { min?: QuantityBound; max?: QuantityBound } = {};
    for (const [which, limit] of reader.map(entry.value, entry.at, ['min', 'max']))
      minMax[which as 'min' | 'max'] = bound(reader, limit.value, limit.at);
    if (minMax.min !== undefined && minMax.max !== undefined && minMax.min.value > minMax.max.value)
      throw reader.fail(
        entry.value,
        `${entry.at}: min ${minMax.min.text} is above max ${minMax.max.text}`,
      );
    out[resource as 'cpu' | 'memory'] = minMax;
  }
  return out;
}

function kubernetesVersion(reader: ConfigReader, node: ConfigNode, at: string): string {
  if (yaml().isScalar(node) && typeof node.value === 'number')
    throw reader.fail(
      node,
      `expected a string such as "1.30" at ${at}, got ${describe(node)}; quote it, since YAML reads 1.30 as 1.3`,
    );
  const text = reader.string(node, at).trim();
  if (!/^v?1\.\d{1,3}$/.test(text))
    throw reader.fail(node, `expected a Kubernetes version such as "1.30" at ${at}, got "${text}"`);
  return text.replace(/^v/, '');
}

function readSpec(reader: ConfigReader, node: ConfigNode): ControlsSettings {
  const settings: Mutable<ControlsSettings> = { ...DEFAULT_CONTROLS_SETTINGS };
  for (const [key, { value, at }] of reader.map(node, 'spec', SPEC_KEYS)) {
    switch (key as (typeof SPEC_KEYS)[number]) {
      case 'allowedRegistries':
      case 'forbiddenRegistries':
        settings[key as 'allowedRegistries'] = reader.strings(value, at, registry);
        break;
      case 'sensitiveKeyNames':
        settings.sensitiveKeyNames = reader.strings(value, at, keyName);
        break;
      case 'sensitiveValuePatterns':
        settings.sensitiveValuePatterns = valuePatterns(reader, value, at);
        break;
      case 'allowedCapabilities':
        settings.allowedCapabilities = reader.strings(value, at, capability);
        break;
      case 'recommendedLabels':
      case 'commonLabels':
        settings[key as 'commonLabels'] = nonEmpty(
          reader,
          value,
          at,
          reader.strings(value, at, label),
        );
        break;
      case 'requiredLabels':
        settings.requiredLabels = reader.strings(value, at, label);
        break;
      case 'resources': {
        const entries = reader.map(value, at, ['limits', 'requests']);
        const limits = entries.get('limits');
        const requests = entries.get('requests');
        if (limits !== undefined) settings.limits = resourceBounds(reader, limits.value, limits.at);
        if (requests !== undefined)
          settings.requests = resourceBounds(reader, requests.value, requests.at);
        break;
      }
      case 'allowedHostPaths':
        settings.allowedHostPaths = reader.strings(value, at, hostPath);
        break;
      case 'kubernetesVersion':
        settings.kubernetesVersion = kubernetesVersion(reader, value, at);
        break;
    }
  }
  return settings;
}

/**
 * Parses and validates a ControlsConfig document. Keys the configuration names replace the
 * defaults; keys it leaves out keep them. Any problem (an unknown key, a wrong type, a pattern
 * that could backtrack for ever) throws a `CONFIG` CubecapeError with file and line: exit 2.
 */
export function parseControlsConfig(text: string, file: string): ControlsSettings {
  const { root, reader } = parseConfigDocument(text, file);
  const entries = reader.map(root, '', ['apiVersion', 'kind', 'metadata', 'spec']);
  const apiVersion = entries.get('apiVersion');
  const kind = entries.get('kind');
  if (
    apiVersion === undefined ||
    reader.string(apiVersion.value, 'apiVersion') !== CONTROLS_CONFIG_API_VERSION
  )
    throw reader.fail(
      apiVersion?.value,
      `expected apiVersion: ${CONTROLS_CONFIG_API_VERSION}, got ${apiVersion === undefined ? 'nothing' : describe(apiVersion.value)}`,
      root,
    );
  if (kind === undefined || reader.string(kind.value, 'kind') !== CONTROLS_CONFIG_KIND)
    throw reader.fail(
      kind?.value,
      `expected kind: ${CONTROLS_CONFIG_KIND}, got ${kind === undefined ? 'nothing' : describe(kind.value)}`,
      root,
    );
  const metadata = entries.get('metadata');
  if (metadata !== undefined)
    reader.map(metadata.value, 'metadata', ['name', 'annotations', 'labels']);
  const spec = entries.get('spec');
  // A document without spec is valid and means "the defaults", like an empty exceptions file.
  if (
    spec === undefined ||
    spec.value === null ||
    (yaml().isScalar(spec.value) && spec.value.value === null)
  )
    return DEFAULT_CONTROLS_SETTINGS;
  return readSpec(reader, spec.value);
}
