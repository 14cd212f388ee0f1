import { isClusterScoped } from '../../model/cluster-scoped.js';
import { isRecord, type KubeObject, type Resource } from '../../model/resource.js';
import { evaluateValidatingPolicy, type ValidatingPolicy } from '../kyverno/index.js';
import { objectsOf } from './resources.js';
import type { ActualResult, ReadTestFile } from './types.js';

/** What a Kyverno CLI test gives a ValidatingPolicy besides the resource. */
export interface VpolTestData {
  readonly resources: readonly Resource[];
  /** The test's `context` file objects: what `resource.Get/List` find. */
  readonly contextObjects: readonly KubeObject[];
  /** Namespace objects from the test's values (`namespaces:`). */
  readonly namespaceObjects: readonly KubeObject[];
  /** The test's `userinfo` file (`cli.kyverno.io/v1alpha1 UserInfo`), when it has one. */
  readonly userInfo: { readonly username: string; readonly groups: readonly string[] } | undefined;
}

function userInfoOf(value: unknown): VpolTestData['userInfo'] {
  const info = isRecord(value) && isRecord(value.userInfo) ? value.userInfo : undefined;
  if (info === undefined) return undefined;
  const groups = Array.isArray(info.groups) ? info.groups : [];
  return {
    username: typeof info.username === 'string' ? info.username : '',
    groups: groups.filter((g): g is string => typeof g === 'string'),
  };
}

/**
 * The inputs only ValidatingPolicies read: the objects of the test's `context` file
 * (`cli.kyverno.io/v1alpha1 Context`, `spec.resources`) and the Namespace objects of its values
 * (`namespaces:`, inline or in the `variables` file), and its `userinfo` file.
 */
export async function vpolTestInputs(
  test: Readonly<Record<string, unknown>>,
  at: (path: string) => string,
  read: ReadTestFile,
): Promise<Omit<VpolTestData, 'resources'>> {
  const contextObjects: KubeObject[] = [];
  if (typeof test.context === 'string') {
    for (const { object } of objectsOf([await read(at(test.context))])) {
      const spec = isRecord(object.spec) ? object.spec : {};
      if (Array.isArray(spec.resources)) contextObjects.push(...spec.resources.filter(isRecord));
    }
  }
  let values: unknown = test.values;
  if (typeof test.variables === 'string')
    values = (await read(at(test.variables))).documents[0]?.value;
  const namespaces = isRecord(values) && Array.isArray(values.namespaces) ? values.namespaces : [];
  const userInfo =
    typeof test.userinfo === 'string'
      ? userInfoOf((await read(at(test.userinfo))).documents[0]?.value)
      : undefined;
  return { contextObjects, namespaceObjects: namespaces.filter(isRecord), userInfo };
}

/** Kyverno's CLI puts namespaced test resources without a namespace in `default`. */
function withDefaultNamespace(resource: Resource): Resource {
  if (resource.namespace !== undefined || isClusterScoped(resource.kind)) return resource;
  const metadata = isRecord(resource.object.metadata) ? resource.object.metadata : {};
  return {
    ...resource,
    namespace: 'default',
    object: { ...resource.object, metadata: { ...metadata, namespace: 'default' } },
  };
}

function namespaceName(object: KubeObject): unknown {
  return isRecord(object.metadata) ? object.metadata.name : undefined;
}

/**
 * cubecape's verdict for one expectation of a ValidatingPolicy in a Kyverno CLI test. Like
 * Kyverno's CLI, namespaces are known by their objects among the test resources (else by name
 * only), `resource.Get/List` read the test's context, and parameter objects come from the test
 * resources and context.
 */
export function validatingPolicyVerdict(
  policy: ValidatingPolicy,
  resource: Resource | undefined,
  data: VpolTestData,
): { actual: ActualResult; message: string } {
  if (resource === undefined) return { actual: 'missing', message: 'no such resource in the test' };
  const result = evaluateValidatingPolicy(policy, withDefaultNamespace(resource), {
    namespaceObject: (name) =>
      data.namespaceObjects.find((n) => namespaceName(n) === name) ??
      data.resources.find((r) => r.kind === 'Namespace' && r.name === name)?.object,
    objects: data.contextObjects,
    paramObjects: [...data.resources.map((r) => r.object), ...data.contextObjects],
    userInfo: data.userInfo,
  });
  if (result === undefined) return { actual: 'skip', message: 'the policy does not match' };
  return { actual: result.result, message: result.message };
}
