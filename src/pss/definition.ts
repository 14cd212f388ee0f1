import type { JsonPath } from '../core/json-path.js';
import type { ContainerRef, PodView } from './pod-view.js';
import { describeContainers } from './pod-view.js';
import type { PssCheckId, PssLevel } from './types.js';

/** What a failing check says; the registry adds the id and level. */
export interface CheckFailure {
  readonly reason: string;
  readonly paths: readonly JsonPath[];
}

/** Evaluates one revision of a check: undefined when the pod passes. */
export type CheckFn = (pod: PodView) => CheckFailure | undefined;

/** One behavioural revision of a check, effective from a minor version on. */
export interface RevisionDefinition {
  readonly since: number;
  readonly change: string;
  readonly evaluate: CheckFn;
  /** Baseline checks this one replaces at restricted level while this revision is in force. */
  readonly overrides?: readonly PssCheckId[];
}

/** A check with all its revisions, oldest first. */
export interface CheckDefinition {
  readonly id: PssCheckId;
  readonly level: PssLevel;
  readonly description: string;
  readonly revisions: readonly RevisionDefinition[];
}

/**
 * Collects offending places for checks that judge the pod-level and the container-level value
 * of the same field, and words the reason the same way for all of them.
 */
export class Offences {
  readonly paths: JsonPath[] = [];
  private pod = false;
  private readonly containers: ContainerRef[] = [];

  atPod(path: JsonPath): void {
    this.pod = true;
    this.paths.push(path);
  }

  atContainer(ref: ContainerRef, path: JsonPath): void {
    if (this.containers.at(-1) !== ref) this.containers.push(ref);
    this.paths.push(path);
  }

  get empty(): boolean {
    return this.paths.length === 0;
  }

  /** `pod and container "a"`, `containers "a", "b"`, … */
  get who(): string {
    const parts: string[] = [];
    if (this.pod) parts.push('pod');
    if (this.containers.length > 0) parts.push(describeContainers(this.containers));
    return parts.join(' and ');
  }

  failure(reason: (who: string) => string): CheckFailure | undefined {
    return this.empty ? undefined : { reason: reason(this.who), paths: this.paths };
  }
}

/** Wraps a revision so it passes every pod matching `exempt`. */
export function unless(exempt: (pod: PodView) => boolean, evaluate: CheckFn): CheckFn {
  return (pod) => (exempt(pod) ? undefined : evaluate(pod));
}
