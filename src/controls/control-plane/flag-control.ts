import type { ScanContext } from '../../model/context.js';
import type { Resource } from '../../model/resource.js';
import {
  defineControl,
  lazyExamples,
  type CheckResult,
  type ControlDefinition,
  type Violation,
} from '../define.js';
import { WORKLOAD_KINDS } from '../kinds.js';
import { invocationsOf, type Component, type ComponentInvocation } from './components.js';
import { flagControlExamples, type FlagExample } from './flag-examples.js';
import type { FlagSet } from './flags.js';

/** A problem a flag rule found; the violation points at the flag when written, else at the command. */
export interface FlagFinding<M extends string> {
  readonly messageId: M;
  readonly flag: string;
  /** Extra message values; `component` and `flag` are always filled in. */
  readonly data?: Readonly<Record<string, string | number>>;
}

/** A judgement over one component's flags, with the message templates it may use. */
export interface FlagRule<M extends string> {
  readonly messages: Readonly<Record<M, string>>;
  judge(flags: FlagSet, invocation: ComponentInvocation, context: ScanContext): FlagFinding<M>[];
  /** Why the flags cannot be judged on this input (e.g. a file they point at is missing). */
  skip?(flags: FlagSet, invocation: ComponentInvocation, context: ScanContext): string | undefined;
  /** Flags that fail and pass the rule; the control's examples are static Pods built from them. */
  readonly example?: FlagExample | undefined;
}

export interface FlagControlSpec<M extends string> extends Omit<
  ControlDefinition<M>,
  'match' | 'messages' | 'check' | 'requires'
> {
  readonly component: Component;
  readonly rule: FlagRule<M>;
}

/**
 * A flag that, when set, makes the component read its settings from a file the scan cannot
 * see; flags are then not authoritative and the control skips.
 */
const CONFIG_FILE_FLAGS: Readonly<Partial<Record<Component, string>>> = { etcd: 'config-file' };

function judgeInvocation<M extends string>(
  spec: FlagControlSpec<M>,
  invocation: ComponentInvocation,
  context: ScanContext,
): Violation<M>[] {
  return spec.rule.judge(invocation.flags, invocation, context).map((finding) => {
    const written = invocation.flags.get(finding.flag);
    return {
      messageId: finding.messageId,
      data: { component: spec.component, flag: finding.flag, ...finding.data },
      path: written?.path ?? invocation.anchor,
      ...(written === undefined ? {} : { evidence: written.text }),
    };
  });
}

function checkFlags<M extends string>(
  spec: FlagControlSpec<M>,
  resource: Resource,
  context: ScanContext,
): CheckResult<M> {
  const invocations = invocationsOf(resource, spec.component);
  const configFlag = CONFIG_FILE_FLAGS[spec.component];
  const configFile =
    configFlag === undefined
      ? undefined
      : invocations.map((i) => i.flags.get(configFlag)).find((f) => f !== undefined);
  if (configFile !== undefined) {
    return {
      skipped: `${spec.component} reads its settings from ${configFile.text}, a file the scan does not include`,
    };
  }
  for (const invocation of invocations) {
    const reason = spec.rule.skip?.(invocation.flags, invocation, context);
    if (reason !== undefined) return { skipped: reason };
  }
  return invocations.flatMap((invocation) => judgeInvocation(spec, invocation, context));
}

/**
 * Declares a control over the command-line flags of a control-plane component. It matches every
 * workload kind that runs the component (other workloads are not judged at all), so static Pod manifests
 * (`/etc/kubernetes/manifests/*.yaml`) are judged as files and in a live cluster alike. Unless
 * the spec gives its own examples, they are static Pods running the rule's example flags.
 */
/**
 * One `where` per component, shared by all of its flag controls: the engine asks a shared
 * predicate once per resource (see evaluate.ts), not once per control.
 */
const runsComponentPredicates = new Map<Component, (resource: Resource) => boolean>();

function runsComponent(component: Component): (resource: Resource) => boolean {
  let predicate = runsComponentPredicates.get(component);
  if (predicate === undefined) {
    predicate = (resource) => invocationsOf(resource, component).length > 0;
    runsComponentPredicates.set(component, predicate);
  }
  return predicate;
}

export function defineFlagControl<M extends string>(
  spec: FlagControlSpec<M>,
): ControlDefinition<M> {
  const { component, rule, examples, ...definition } = spec;
  const example = rule.example;
  const derived =
    example === undefined ? undefined : lazyExamples(() => flagControlExamples(component, example));
  const shown = examples ?? derived;
  return defineControl({
    ...definition,
    ...(shown === undefined ? {} : { examples: shown }),
    // Only workloads that run the component are judged; the rest would count as passing.
    match: { kinds: WORKLOAD_KINDS, where: runsComponent(component) },
    messages: rule.messages,
    check: (resource, context) => checkFlags(spec, resource, context),
  });
}
