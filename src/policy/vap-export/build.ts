import type { Control } from '../../controls/define.js';
import { WORKLOAD_KINDS } from '../../controls/kinds.js';
import { LONG_RUNNING_KINDS } from '../../controls/probe-scope.js';
import { resourceOfKind } from '../cel/vap-match.js';
import { isObject } from './cel-snippets.js';
import { EXPORT_RULES, type ContainerScope, type ExportKinds, type ExportRule } from './table.js';

/** What a binding does with a failed validation (`validationActions`). */
export type ExportAction = 'Deny' | 'Warn' | 'Audit';

export const EXPORT_ACTIONS: readonly ExportAction[] = ['Deny', 'Warn', 'Audit'];

const VAP_API = 'admissionregistration.k8s.io/v1';

/** API group of each workload kind (all served at version v1). */
const GROUP_OF_KIND: Readonly<Record<string, string>> = {
  Pod: '',
  ReplicationController: '',
  PodTemplate: '',
  Deployment: 'apps',
  ReplicaSet: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
};

const KINDS: Readonly<Record<ExportKinds, readonly string[]>> = {
  workload: WORKLOAD_KINDS,
  'long-running': LONG_RUNNING_KINDS,
  pod: ['Pod'],
};

/** One resource rule per API group, in the order the kinds are listed. */
function resourceRules(kinds: readonly string[]): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>();
  for (const kind of kinds) {
    const group = GROUP_OF_KIND[kind];
    if (group === undefined) continue;
    const resources = byGroup.get(group) ?? [];
    resources.push(resourceOfKind(kind));
    byGroup.set(group, resources);
  }
  return [...byGroup].map(([group, resources]) => ({
    apiGroups: [group],
    apiVersions: ['v1'],
    operations: ['CREATE', 'UPDATE'],
    resources,
  }));
}

/** Where each workload kind keeps its pod spec; absent fields give an empty spec. */
const POD_SPEC = [
  "object.kind == 'Pod' ? object.?spec.orValue({})",
  ": object.kind == 'CronJob' ? object.?spec.?jobTemplate.?spec.?template.?spec.orValue({})",
  ": object.kind == 'PodTemplate' ? object.?template.?spec.orValue({})",
  ': object.?spec.?template.?spec.orValue({})',
].join(' ');

const CONTAINER_LISTS: Readonly<Record<ContainerScope, readonly string[]>> = {
  all: ['containers', 'initContainers', 'ephemeralContainers'],
  app: ['containers', 'initContainers'],
  regular: ['containers'],
};

function containersVariable(scope: ContainerScope): { name: string; expression: string } {
  return {
    name: `${scope}Containers`,
    // Non-object entries are ignored, as the controls do (the API server never has any).
    expression: `(${CONTAINER_LISTS[scope]
      .map((list) => `variables.podSpec.?${list}.orValue([])`)
      .join(' + ')}).filter(c, ${isObject('c')})`,
  };
}

/** The validations and variables of one rule. */
function specParts(rule: ExportRule): {
  variables: { name: string; expression: string }[];
  validation: Record<string, unknown>;
} {
  const podSpec = { name: 'podSpec', expression: POD_SPEC };
  if (rule.container === undefined) {
    return {
      variables: [podSpec],
      validation: { expression: rule.pod ?? 'true', message: rule.message, reason: 'Forbidden' },
    };
  }
  const list = containersVariable(rule.container.scope);
  const check = rule.container.check;
  const offenders = `variables.${list.name}.filter(c, !(${check})).map(c, c.?name.orValue('?')).join(', ')`;
  return {
    variables: [podSpec, list],
    validation: {
      expression: `variables.${list.name}.all(c, ${check})`,
      message: rule.message,
      messageExpression: `${JSON.stringify(rule.message)} + ' Containers: ' + ${offenders}`,
      reason: 'Forbidden',
    },
  };
}

/** The policy name for a control id. */
export function policyNameOf(controlId: string): string {
  return `cubecape-${controlId}`;
}

/** Whether a control has a CEL translation. */
export function isExportable(controlId: string): controlId is keyof typeof EXPORT_RULES {
  return Object.hasOwn(EXPORT_RULES, controlId);
}

/** The ValidatingAdmissionPolicy and its binding for one exportable control. */
export function exportControl(
  control: Control,
  action: ExportAction = 'Deny',
): [Record<string, unknown>, Record<string, unknown>] {
  if (!isExportable(control.id)) throw new Error(`control ${control.id} has no CEL translation`);
  const rule: ExportRule = EXPORT_RULES[control.id];
  const name = policyNameOf(control.id);
  const { variables, validation } = specParts(rule);
  const policy = {
    apiVersion: VAP_API,
    kind: 'ValidatingAdmissionPolicy',
    metadata: {
      name,
      labels: { 'app.kubernetes.io/managed-by': 'cubecape' },
      annotations: {
        'cubecape.io/control': control.id,
        'cubecape.io/severity': control.severity,
        'cubecape.io/title': control.title,
      },
    },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: { resourceRules: resourceRules(KINDS[rule.kinds]) },
      variables,
      validations: [validation],
    },
  };
  const binding = {
    apiVersion: VAP_API,
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'cubecape' } },
    spec: { policyName: name, validationActions: [action] },
  };
  return [policy, binding];
}

/** Policies and bindings for the exportable controls among `controls`, in their order. */
export function exportControls(
  controls: readonly Control[],
  action: ExportAction = 'Deny',
): Record<string, unknown>[] {
  return controls.filter((c) => isExportable(c.id)).flatMap((c) => exportControl(c, action));
}
