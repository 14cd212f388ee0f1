import type { ScanContext } from '../model/context.js';
import type { Resource } from '../model/resource.js';
import { labelsOf } from '../model/selectors.js';
import { podSpecOf, POD_SPEC_KINDS } from '../model/workload.js';

/** A workload of the scan and the labels its pods will carry. */
export interface PodTemplateRef {
  readonly resource: Resource;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The pod templates of a namespace: every workload kind, including bare Pods. Resources whose
 * namespace is not set are kept together, as they would be applied into the same namespace.
 */
export function podTemplatesIn(
  context: ScanContext,
  namespace: string | undefined,
): readonly PodTemplateRef[] {
  // Every Service, policy and HPA of a namespace asks for the same list: build it once per scan.
  let byNamespace = templateCache.get(context);
  if (byNamespace === undefined) {
    byNamespace = new Map();
    templateCache.set(context, byNamespace);
  }
  let templates = byNamespace.get(namespace);
  if (templates === undefined) {
    templates = POD_SPEC_KINDS.flatMap((kind) =>
      context.resources.byKindInNamespace(kind, namespace).flatMap((resource): PodTemplateRef[] => {
        const pod = podSpecOf(resource);
        return pod === undefined ? [] : [{ resource, labels: labelsOf(pod.metadata) }];
      }),
    );
    byNamespace.set(namespace, templates);
  }
  return templates;
}

/** The context of a scan is immutable, so what is derived from it can be remembered with it. */
const templateCache = new WeakMap<
  ScanContext,
  Map<string | undefined, readonly PodTemplateRef[]>
>();

/** How messages and skip reasons name a namespace. */
export function describeNamespace(namespace: string | undefined): string {
  return namespace === undefined ? 'the unset namespace' : `namespace "${namespace}"`;
}

/** Why a dangling-reference control cannot judge: the referents could live outside the scan. */
export function outOfScanReason(what: string, namespace: string | undefined): string {
  return `the scan holds no ${what} in ${describeNamespace(namespace)}, so the reference cannot be checked`;
}
