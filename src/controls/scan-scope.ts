import type { ScanContext } from '../model/context.js';
import { isRecord, type Resource } from '../model/resource.js';
import { indexLabels, labelsOf, serviceSelectorMatches } from '../model/selectors.js';
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

/** Positions in a list by label: key → value → ascending positions of the entries that carry it. */
type LabelPostings = Map<string, Map<string, number[]>>;

function post(postings: LabelPostings, key: string, value: string, position: number): void {
  let values = postings.get(key);
  if (values === undefined) {
    values = new Map();
    postings.set(key, values);
  }
  const positions = values.get(value);
  if (positions === undefined) values.set(value, [position]);
  else positions.push(position);
}

/**
 * Remembers what `build` derives for a namespace, once per scan: the context of a scan is
 * immutable, so indexes built from it stay valid for as long as it lives.
 */
export function perNamespace<T>(
  cache: WeakMap<ScanContext, Map<string | undefined, T>>,
  context: ScanContext,
  namespace: string | undefined,
  build: () => T,
): T {
  let byNamespace = cache.get(context);
  if (byNamespace === undefined) {
    byNamespace = new Map();
    cache.set(context, byNamespace);
  }
  if (byNamespace.has(namespace)) return byNamespace.get(namespace) as T;
  const value = build();
  byNamespace.set(namespace, value);
  return value;
}

const templatePostings = new WeakMap<ScanContext, Map<string | undefined, LabelPostings>>();
const NOWHERE: readonly number[] = Object.freeze([]);

/**
 * The pod templates of a namespace that a Service's `spec.selector` selects, in
 * {@link podTemplatesIn} order: what filtering them with `serviceSelectorMatches` gives, without
 * trying every template — a namespace with thousands of Services and workloads would make that
 * quadratic. Only templates carrying the selector's rarest pair are tried.
 */
export function templatesSelectedBy(
  context: ScanContext,
  namespace: string | undefined,
  selector: unknown,
): readonly PodTemplateRef[] {
  if (!isRecord(selector)) return [];
  const templates = podTemplatesIn(context, namespace);
  const postings = perNamespace(templatePostings, context, namespace, () => {
    const built: LabelPostings = new Map();
    templates.forEach(({ labels }, position) => {
      for (const [key, value] of Object.entries(labels)) post(built, key, value, position);
    });
    return built;
  });
  let candidates: readonly number[] | undefined;
  for (const [key, value] of Object.entries(selector)) {
    // A value that is not a string matches no pod.
    if (typeof value !== 'string') return [];
    const positions = postings.get(key)?.get(value) ?? NOWHERE;
    if (candidates === undefined || positions.length < candidates.length) candidates = positions;
  }
  return (candidates ?? NOWHERE).flatMap((position) => {
    const template = templates[position];
    return template !== undefined && serviceSelectorMatches(selector, template.labels)
      ? [template]
      : [];
  });
}

const templateLookups = new WeakMap<
  ScanContext,
  Map<string | undefined, (selector: unknown) => PodTemplateRef[]>
>();

/**
 * The pod templates of a namespace a label selector (a NetworkPolicy's podSelector, say)
 * selects, in {@link podTemplatesIn} order: what filtering them with `labelSelectorMatches`
 * gives, through an index of their labels built once per namespace.
 */
export function templatesMatching(
  context: ScanContext,
  namespace: string | undefined,
  selector: unknown,
): readonly PodTemplateRef[] {
  const lookup = perNamespace(templateLookups, context, namespace, () =>
    indexLabels(podTemplatesIn(context, namespace), ({ labels }) => labels),
  );
  return lookup(selector);
}

interface ServiceIndex {
  readonly services: readonly Resource[];
  /** Each Service that can select anything, under the first pair of its selector. */
  readonly postings: LabelPostings;
}

const serviceIndexes = new WeakMap<ScanContext, Map<string | undefined, ServiceIndex>>();

/**
 * The Services of a namespace whose `spec.selector` selects pods carrying `labels`, in scan
 * order: what filtering every Service with `serviceSelectorMatches` gives, found through the
 * first pair of each selector instead of trying each Service for each workload.
 */
export function servicesSelecting(
  context: ScanContext,
  namespace: string | undefined,
  labels: Readonly<Record<string, string>>,
): readonly Resource[] {
  const { services, postings } = perNamespace(serviceIndexes, context, namespace, () => {
    const list = context.resources.byKindInNamespace('Service', namespace);
    const built: LabelPostings = new Map();
    list.forEach((service, position) => {
      const spec = service.object['spec'];
      const selector = isRecord(spec) ? spec['selector'] : undefined;
      if (!isRecord(selector)) return;
      const pairs = Object.entries(selector);
      const [first] = pairs;
      // Empty selectors and those with a value that is not a string select nothing.
      if (first === undefined || pairs.some(([, value]) => typeof value !== 'string')) return;
      post(built, first[0], first[1] as string, position);
    });
    return { services: list, postings: built };
  });
  const positions: number[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const found = postings.get(key)?.get(value);
    if (found !== undefined) positions.push(...found);
  }
  // Each Service sits under one pair and `labels` has one value per key: no duplicates.
  positions.sort((a, b) => a - b);
  return positions.flatMap((position) => {
    const service = services[position];
    const spec = service?.object['spec'];
    return service !== undefined &&
      isRecord(spec) &&
      serviceSelectorMatches(spec['selector'], labels)
      ? [service]
      : [];
  });
}

/** How messages and skip reasons name a namespace. */
export function describeNamespace(namespace: string | undefined): string {
  return namespace === undefined ? 'the unset namespace' : `namespace "${namespace}"`;
}

/** Why a dangling-reference control cannot judge: the referents could live outside the scan. */
export function outOfScanReason(what: string, namespace: string | undefined): string {
  return `the scan holds no ${what} in ${describeNamespace(namespace)}, so the reference cannot be checked`;
}
