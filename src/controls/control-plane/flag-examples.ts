import { yaml } from '../../core/lazy-require.js';
import type { ControlExamples } from '../define.js';
import type { Component } from './components.js';

/** Command-line words that make a flag rule fail and pass, e.g. `['--profiling=true']`. */
export interface FlagExample {
  readonly failing: readonly string[];
  readonly passing: readonly string[];
}

/**
 * Values a flag typically holds on a kubeadm control plane, for examples that must write one:
 * file flags point at kubeadm's files, list flags hold kubeadm's choices.
 */
const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  'audit-log-path': '/var/log/kubernetes/audit/audit.log',
  'audit-policy-file': '/etc/kubernetes/audit/policy.yaml',
  'authorization-mode': 'Node,RBAC',
  'cert-file': '/etc/kubernetes/pki/etcd/server.crt',
  'client-ca-file': '/etc/kubernetes/pki/ca.crt',
  'enable-admission-plugins': 'NodeRestriction',
  'encryption-provider-config': '/etc/kubernetes/enc/encryption-config.yaml',
  'etcd-cafile': '/etc/kubernetes/pki/etcd/ca.crt',
  'etcd-certfile': '/etc/kubernetes/pki/apiserver-etcd-client.crt',
  'etcd-keyfile': '/etc/kubernetes/pki/apiserver-etcd-client.key',
  'insecure-port': '8080',
  'key-file': '/etc/kubernetes/pki/etcd/server.key',
  'kubelet-certificate-authority': '/etc/kubernetes/pki/ca.crt',
  'kubelet-client-certificate': '/etc/kubernetes/pki/apiserver-kubelet-client.crt',
  'kubelet-client-key': '/etc/kubernetes/pki/apiserver-kubelet-client.key',
  'peer-cert-file': '/etc/kubernetes/pki/etcd/peer.crt',
  'peer-key-file': '/etc/kubernetes/pki/etcd/peer.key',
  'root-ca-file': '/etc/kubernetes/pki/ca.crt',
  'service-account-key-file': '/etc/kubernetes/pki/sa.pub',
  'service-account-private-key-file': '/etc/kubernetes/pki/sa.key',
  'terminated-pod-gc-threshold': '10',
  'tls-cert-file': '/etc/kubernetes/pki/apiserver.crt',
  'tls-private-key-file': '/etc/kubernetes/pki/apiserver.key',
  'token-auth-file': '/etc/kubernetes/auth/tokens.csv',
};

/** A typical value for the flag, or undefined when examples have none to offer. */
export function sampleValue(flag: string): string | undefined {
  return Object.hasOwn(SAMPLE_VALUES, flag) ? SAMPLE_VALUES[flag] : undefined;
}

/** `--name=value`, as the flag is written in a static Pod manifest. */
export function flagWord(flag: string, value: string | number): string {
  return `--${flag}=${String(value)}`;
}

/** Image tags of the examples; flag controls do not read them. */
const TAGS: Readonly<Record<Component, string>> = {
  'kube-apiserver': 'v1.36.3',
  'kube-controller-manager': 'v1.36.3',
  'kube-scheduler': 'v1.36.3',
  etcd: '3.6.4-0',
};

/** A flag no control judges, so that an example never shows a bare binary. */
const BASE_FLAGS: Readonly<Record<Component, readonly string[]>> = {
  'kube-apiserver': ['--etcd-servers=https://127.0.0.1:2379'],
  'kube-controller-manager': ['--kubeconfig=/etc/kubernetes/controller-manager.conf'],
  'kube-scheduler': ['--kubeconfig=/etc/kubernetes/scheduler.conf'],
  etcd: ['--data-dir=/var/lib/etcd'],
};

/**
 * A minimal kubeadm-style static Pod (kube-system) that runs `component` with `flags`; `tag`
 * picks an older release for flags that newer ones no longer accept.
 */
export function staticPodManifest(
  component: Component,
  flags: readonly string[],
  tag: string = TAGS[component],
): string {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system' },
    spec: {
      containers: [
        {
          name: component,
          image: `registry.k8s.io/${component}:${tag}`,
          command: [component, ...BASE_FLAGS[component], ...flags],
        },
      ],
    },
  };
  // Flag lists such as cipher suites are long: folding them would only hurt readability.
  return yaml().stringify(pod, { lineWidth: 0 });
}

/** The static Pod manifests that show a flag rule failing and passing. */
export function flagControlExamples(component: Component, example: FlagExample): ControlExamples {
  return {
    failing: staticPodManifest(component, example.failing),
    passing: staticPodManifest(component, example.passing),
  };
}
