import { defineControl, type Control } from '../../src/controls/define.js';
import type { Severity } from '../../src/core/severity.js';
import {
  DEFAULT_SCAN_SETTINGS,
  type ResourceIndex,
  type ScanContext,
} from '../../src/model/context.js';
import type { RbacGraph } from '../../src/model/rbac.js';
import { groupOf, identityOf, type Resource } from '../../src/model/resource.js';

/** A resource without an origin, for engine tests. */
export function resource(
  kind: string,
  name: string,
  object: Record<string, unknown> = {},
  namespace?: string,
): Resource {
  const apiVersion = kind === 'Deployment' ? 'apps/v1' : 'v1';
  return {
    id: identityOf(groupOf(apiVersion), kind, namespace, name),
    apiVersion,
    group: groupOf(apiVersion),
    kind,
    name,
    namespace,
    object: {
      apiVersion,
      kind,
      metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
      ...object,
    },
  };
}

/** A minimal context: engine tests exercise the engine, not the model's indexes. */
export function context(
  resources: readonly Resource[],
  source: 'manifests' | 'cluster' = 'manifests',
): ScanContext {
  const index: ResourceIndex = {
    all: resources,
    byKind: (kind) => resources.filter((r) => r.kind === kind),
    inNamespace: (namespace) => resources.filter((r) => r.namespace === namespace),
    byKindInNamespace: (kind, namespace) =>
      resources.filter((r) => r.kind === kind && r.namespace === namespace),
    find: (kind, namespace, name) =>
      resources.find((r) => r.kind === kind && r.namespace === namespace && r.name === name),
  };
  return { resources: index, rbac: {} as RbacGraph, source, settings: DEFAULT_SCAN_SETTINGS };
}

/** A control that fails resources whose object has `bad: true`. */
export function flagControl(
  id: string,
  severity: Severity,
  options: Partial<Pick<Control, 'requires' | 'match'>> = {},
): Control {
  return defineControl({
    id,
    title: `${id} title`,
    description: 'test control',
    severity,
    match: options.match ?? { kinds: ['Pod'] },
    aliases: {},
    messages: { bad: 'resource {name} is bad' },
    remediation: 'make it good',
    ...(options.requires === undefined ? {} : { requires: options.requires }),
    check: (r) =>
      r.object['bad'] === true
        ? [{ messageId: 'bad', data: { name: r.name }, path: ['bad'], evidence: 'true' }]
        : [],
  });
}
