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

function invocationOf(ref: ContainerRef, component: Component): ComponentInvocation | undefined {
  const commandPath = [...ref.path, 'command'];
  const argsPath = [...ref.path, 'args'];
  const command = ref.container['command'];
  const args = ref.container['args'];
  const tokens = [...tokensOf(command, commandPath), ...tokensOf(args, argsPath)];
  const start = flagsStart(tokens, component);
  const anchor = isListLike(command) ? commandPath : isListLike(args) ? argsPath : ref.path;
  if (start !== -1) {
    return { component, container: ref, flags: parseFlags(tokens.slice(start)), anchor };
  }
  // Without a command the image's entrypoint runs: the binary itself, with args as its flags.
  if (!isListLike(command) && imageProgram(ref.container['image']) === component) {
    return { component, container: ref, flags: parseFlags(tokensOf(args, argsPath)), anchor };
  }
  return undefined;
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
        : containersOf(pod.spec, pod.path, ['containers']).flatMap(
            (ref) => invocationOf(ref, component) ?? [],
          );
    byComponent.set(component, invocations);
  }
  return invocations;
}

/** Resources are immutable during a scan, so their invocations can be remembered. */
const invocationCache = new WeakMap<Resource, Map<Component, readonly ComponentInvocation[]>>();
