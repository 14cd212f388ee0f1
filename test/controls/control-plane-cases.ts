import type { JsonPath } from '../../src/core/json-path.js';
import type { Control } from '../../src/controls/define.js';
import type { Component } from '../../src/controls/control-plane/components.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester, type ExpectedViolation, type InvalidCase } from './control-tester.js';

/** A kubeadm-style static Pod running `component` with `flags` after the binary in `command`. */
export function staticPod(component: Component, flags: readonly string[]): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${component}-cp1`, namespace: 'kube-system' },
    spec: {
      hostNetwork: true,
      containers: [
        {
          name: component,
          image: `registry.k8s.io/${component}:v1.32.0`,
          command: [component, ...flags],
        },
      ],
    },
  };
}

/** A problem the control must report, by message and flag. */
export interface FlagProblem {
  readonly messageId: string;
  readonly flag: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface FlagCases {
  readonly valid: readonly { readonly name: string; readonly flags: readonly string[] }[];
  readonly invalid: readonly {
    readonly name: string;
    readonly flags: readonly string[];
    readonly problems: readonly FlagProblem[];
  }[];
}

const CONTAINER: JsonPath = ['spec', 'containers', 0];

/** `--a=b` → `--a b`: the space-separated spelling of the same flags. */
function spaced(flags: readonly string[]): string[] {
  return flags.flatMap((flag) => {
    const equals = flag.indexOf('=');
    return flag.startsWith('-') && equals !== -1
      ? [flag.slice(0, equals), flag.slice(equals + 1)]
      : [flag];
  });
}

function lastIndexOfFlag(words: readonly string[], flag: string): number {
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] ?? '';
    if (word === `--${flag}` || word.startsWith(`--${flag}=`)) return i;
  }
  return -1;
}

/** Expected violations when `words` follow the binary at command[offset]. */
function expectations(
  problems: readonly FlagProblem[],
  words: readonly string[],
  list: 'command' | 'args',
  offset: number,
): ExpectedViolation[] {
  return problems.map((problem) => {
    const index = lastIndexOfFlag(words, problem.flag);
    const path = index === -1 ? [...CONTAINER, list] : [...CONTAINER, list, index + offset];
    return {
      messageId: problem.messageId,
      path,
      ...(problem.data === undefined
        ? {}
        : { data: { component: '', flag: problem.flag, ...problem.data } }),
    };
  });
}

function withComponent(component: Component, expected: ExpectedViolation[]): ExpectedViolation[] {
  return expected.map((v) => (v.data === undefined ? v : { ...v, data: { ...v.data, component } }));
}

/** The image's entrypoint is the binary; flags come as args. */
function argsOnly(component: Component, flags: readonly string[]): Record<string, unknown> {
  return workloadOf(
    'Deployment',
    { containers: [{ name: 'cp', image: `registry.k8s.io/${component}:v1.32.0`, args: flags }] },
    component,
    'hosted-cp',
  );
}

/** Inside `sh -c "<binary> <flags>"`: every flag lives in command[2]. */
function shellString(component: Component, flags: readonly string[]): Record<string, unknown> {
  const pod = staticPod(component, []);
  const spec = pod['spec'] as { containers: Record<string, unknown>[] };
  const container = spec.containers[0] ?? {};
  container['command'] = ['/bin/sh', '-c', `exec /usr/local/bin/${component} ${flags.join(' ')}`];
  return pod;
}

function shellExpectations(
  component: Component,
  problems: readonly FlagProblem[],
  flags: readonly string[],
) {
  return withComponent(
    component,
    problems.map((problem) => {
      const base = expectations([problem], flags, 'command', 1)[0];
      const written = lastIndexOfFlag(flags, problem.flag) !== -1;
      return {
        ...base,
        path: written ? [...CONTAINER, 'command', 2] : [...CONTAINER, 'command'],
      } as ExpectedViolation;
    }),
  );
}

/** Shapes that are not the component at all: they pass every flag control. */
function unrelated(): { name: string; object: Record<string, unknown> }[] {
  return [
    { name: 'an ordinary pod', object: podWith({ command: ['nginx', '--anonymous-auth=true'] }) },
    { name: 'pod spec null', object: workloadOf('Pod', null) },
    { name: 'containers not a list', object: workloadOf('Pod', { containers: 'x' }) },
    {
      name: 'command a number, image unrelated',
      object: podWith({ command: 7, args: [null, 3] }),
    },
  ];
}

/**
 * Runs a flag control over each case in four spellings: kubeadm `command` with `--flag=value`,
 * the same with `--flag value`, args to the image's entrypoint (no command, in a Deployment), and
 * one shell string; plus shapes that are not the component.
 */
export function runFlagControlTests(
  control: Control,
  component: Component,
  cases: FlagCases,
): void {
  const valid = cases.valid.flatMap((c) => [
    { name: c.name, object: staticPod(component, c.flags) },
    { name: `${c.name} (--flag value)`, object: staticPod(component, spaced(c.flags)) },
    { name: `${c.name} (args only)`, object: argsOnly(component, c.flags) },
    { name: `${c.name} (shell string)`, object: shellString(component, c.flags) },
  ]);
  const invalid: InvalidCase[] = cases.invalid.flatMap((c) => {
    const split = spaced(c.flags);
    return [
      {
        name: c.name,
        object: staticPod(component, c.flags),
        violations: withComponent(component, expectations(c.problems, c.flags, 'command', 1)),
      },
      {
        name: `${c.name} (--flag value)`,
        object: staticPod(component, split),
        violations: withComponent(component, expectations(c.problems, split, 'command', 1)),
      },
      {
        name: `${c.name} (args only)`,
        object: argsOnly(component, c.flags),
        violations: withComponent(
          component,
          expectations(c.problems, c.flags, 'args', 0).map((v) =>
            c.flags.length === 0
              ? { ...v, path: ['spec', 'template', 'spec', 'containers', 0] }
              : { ...v, path: ['spec', 'template', ...v.path] },
          ),
        ),
      },
      {
        name: `${c.name} (shell string)`,
        object: shellString(component, c.flags),
        violations: shellExpectations(component, c.problems, c.flags),
      },
    ];
  });
  controlTester.run(control, { valid: [...valid, ...unrelated()], invalid });
}
