import type { JsonPath } from '../../core/json-path.js';
import { containersOf, type ContainerRef } from '../../model/containers.js';
import type { Resource } from '../../model/resource.js';
import { podSpecOf } from '../../model/workload.js';
import { parseFlags, tokensOf, type CommandToken, type FlagSet } from './flags.js';

/** Control-plane programs whose flags controls judge, by binary name. */
export type Component = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd';

/** One container that runs a control-plane component, with the flags it passes. */
export interface ComponentInvocation {
  readonly component: Component;
  readonly container: ContainerRef;
  readonly flags: FlagSet;
  /** Where a missing flag belongs: the list that names the binary (or holds the flags). */
  readonly anchor: JsonPath;
}

/** hyperkube's sub-command names for each component. */
const HYPERKUBE_NAMES: Readonly<Record<Component, readonly string[]>> = {
  'kube-apiserver': ['kube-apiserver', 'apiserver'],
  'kube-controller-manager': ['kube-controller-manager', 'controller-manager'],
  'kube-scheduler': ['kube-scheduler', 'scheduler'],
  etcd: [],
};

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** `registry.k8s.io/kube-apiserver-amd64:v1.30.1@sha256:…` → `kube-apiserver`. */
function imageProgram(image: unknown): string | undefined {
  if (typeof image !== 'string') return undefined;
  const name = basename(image.split('@')[0] ?? '').split(':')[0] ?? '';
  return name.replace(/-(amd64|arm64|arm|ppc64le|s390x)$/, '');
}

/** Index of the word right after the component's binary (or hyperkube sub-command), or -1. */
function flagsStart(tokens: readonly CommandToken[], component: Component): number {
  for (let i = 0; i < tokens.length; i++) {
    const word = basename(tokens[i]?.text ?? '');
    if (word === component) return i + 1;
    if (word === 'hyperkube' && HYPERKUBE_NAMES[component].includes(tokens[i + 1]?.text ?? ''))
      return i + 2;
  }
  return -1;
}

function isListLike(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0);
}

/** What every component check reads from one container, worked out once per container. */
interface ContainerCommand {
  readonly commandPath: JsonPath;
  readonly argsPath: JsonPath;
  /** The words of command then args. */
  readonly tokens: readonly CommandToken[];
  /** The program the image names (its entrypoint when there is no command). */
  readonly imageProgram: string | undefined;
  readonly anchor: JsonPath;
  readonly hasCommand: boolean;
}

/** Four components are looked for in every container of every workload: split its command once. */
const commandCache = new WeakMap<ContainerRef, ContainerCommand>();

function commandOf(ref: ContainerRef): ContainerCommand {
  let found = commandCache.get(ref);
  if (found === undefined) {
    const commandPath = ref.path.concat('command');
    const argsPath = ref.path.concat('args');
    const command = ref.container['command'];
    const args = ref.container['args'];
    const hasCommand = isListLike(command);
    found = {
      commandPath,
      argsPath,
      tokens: [...tokensOf(command, commandPath), ...tokensOf(args, argsPath)],
      imageProgram: hasCommand ? undefined : imageProgram(ref.container['image']),
      anchor: hasCommand ? commandPath : isListLike(args) ? argsPath : ref.path,
      hasCommand,
    };
    commandCache.set(ref, found);
  }
  return found;
}

function invocationOf(ref: ContainerRef, component: Component): ComponentInvocation | undefined {
  const { tokens, anchor, argsPath, hasCommand, imageProgram: program } = commandOf(ref);
  const start = flagsStart(tokens, component);
  if (start !== -1) {
    return { component, container: ref, flags: parseFlags(tokens.slice(start)), anchor };
  }
  // Without a command the image's entrypoint runs: the binary itself, with args as its flags.
  if (!hasCommand && program === component) {
    const flags = parseFlags(tokensOf(ref.container['args'], argsPath));
    return { component, container: ref, flags, anchor };
  }
  return undefined;
}

/**
 * A word that the command, the args or the image of a container running the component holds:
 * its binary's name, hyperkube's sub-command name or the image name all contain it. Recognising
 * a component means splitting the whole command line into words; most containers fail this
 * substring test first and are not split at all.
 */
const COMPONENT_MARKS: Readonly<Record<Component, string>> = {
  'kube-apiserver': 'apiserver',
  'kube-controller-manager': 'controller-manager',
  'kube-scheduler': 'scheduler',
  etcd: 'etcd',
};

function mentions(value: unknown, mark: string): boolean {
  if (typeof value === 'string') return value.includes(mark);
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item === 'string' && item.includes(mark)) return true;
  }
  return false;
}

/** Whether the container may run the component: false means it certainly does not. */
function mayRun(ref: ContainerRef, component: Component): boolean {
  const mark = COMPONENT_MARKS[component];
  const { container } = ref;
  return (
    mentions(container['command'], mark) ||
    mentions(container['args'], mark) ||
    mentions(container['image'], mark)
  );
}

/**
 * Every container of a workload that runs `component` (kubeadm static Pods, hosted control
 * planes in Deployments). Recognised by the binary in command or args — also inside a shell
 * string or behind hyperkube — or, when there is no command, by the image name.
 */
export function invocationsOf(
  resource: Resource,
  component: Component,
): readonly ComponentInvocation[] {
  // Dozens of flag controls ask the same question of every workload: answer it once.
  let byComponent = invocationCache.get(resource);
  if (byComponent === undefined) {
    byComponent = new Map();
    invocationCache.set(resource, byComponent);
  }
  let invocations = byComponent.get(component);
  if (invocations === undefined) {
    const pod = podSpecOf(resource);
    invocations =
      pod === undefined
        ? []
        : // The cached refs of every list (so commandOf's cache holds), main containers only.
          containersOf(pod.spec, pod.path).flatMap((ref) =>
            ref.kind === 'containers' && mayRun(ref, component)
              ? (invocationOf(ref, component) ?? [])
              : [],
          );
    byComponent.set(component, invocations);
  }
  return invocations;
}

/** Resources are immutable during a scan, so their invocations can be remembered. */
const invocationCache = new WeakMap<Resource, Map<Component, readonly ComponentInvocation[]>>();
