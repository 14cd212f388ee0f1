import type { JsonPath } from '../core/json-path.js';
import type { CheckDefinition, CheckFailure, CheckFn } from './definition.js';
import { Offences } from './definition.js';
import type { ContainerRef, PodView } from './pod-view.js';
import { dict, list, quoteAll, text } from './pod-view.js';

// Baseline checks about the pod reaching into its node: privileges, host namespaces, ports,
// paths, probes aimed at other hosts, kernel parameters and Windows host processes.

const privileged: CheckFn = (pod) => {
  const found = new Offences();
  for (const ref of pod.containers) {
    if (ref.securityContext?.['privileged'] === true) {
      found.atContainer(ref, ref.path.concat('securityContext', 'privileged'));
    }
  }
  return found.failure((who) => `${who} must not run privileged (securityContext.privileged=true)`);
};

const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

const hostNamespaces: CheckFn = (pod) => {
  const shared = HOST_NAMESPACE_FIELDS.filter((field) => pod.spec[field] === true);
  if (shared.length === 0) return undefined;
  return {
    reason: `pod shares the node's namespaces: ${shared.map((f) => `${f}=true`).join(', ')}`,
    paths: shared.map((field) => ['spec', field]),
  };
};

const hostPorts: CheckFn = (pod) => {
  const found = new Offences();
  const ports: string[] = [];
  for (const ref of pod.containers) {
    list(ref.container['ports']).forEach((port, index) => {
      const hostPort = dict(port)?.['hostPort'];
      if (typeof hostPort === 'number' && hostPort !== 0) {
        found.atContainer(ref, ref.path.concat('ports', index, 'hostPort'));
        ports.push(String(hostPort));
      }
    });
  }
  return found.failure((who) => `${who} must not bind host ports (${quoteAll(ports)})`);
};

const hostPathVolumes: CheckFn = (pod) => {
  const paths: JsonPath[] = [];
  const names: string[] = [];
  list(pod.spec['volumes']).forEach((entry, index) => {
    const volume = dict(entry);
    if (dict(volume?.['hostPath']) === undefined) return;
    paths.push(['spec', 'volumes', index, 'hostPath']);
    names.push(text(volume?.['name']));
  });
  if (paths.length === 0) return undefined;
  return { reason: `hostPath volumes are not allowed (${quoteAll(names)})`, paths };
};

const windowsHostProcess: CheckFn = (pod) => {
  const found = new Offences();
  if (dict(pod.podSecurityContext?.['windowsOptions'])?.['hostProcess'] === true) {
    found.atPod(['spec', 'securityContext', 'windowsOptions', 'hostProcess']);
  }
  for (const ref of pod.containers) {
    if (dict(ref.securityContext?.['windowsOptions'])?.['hostProcess'] === true) {
      found.atContainer(ref, ref.path.concat('securityContext', 'windowsOptions', 'hostProcess'));
    }
  }
  return found.failure(
    (who) => `${who} must not run as a Windows host process (windowsOptions.hostProcess=true)`,
  );
};

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

/** Records every non-empty host of one probe or hook; paths are built only for offenders. */
function collectHosts(
  ref: ContainerRef,
  handler: unknown,
  found: Offences,
  hosts: string[],
  ...at: readonly string[]
): void {
  const fields = dict(handler);
  if (fields === undefined) return;
  for (const kind of HANDLERS) {
    const host = text(dict(fields[kind])?.['host']);
    if (host === '') continue;
    found.atContainer(ref, [...ref.path, ...at, kind, 'host']);
    hosts.push(host);
  }
}

const hostProbesAndHostLifecycle: CheckFn = (pod) => {
  const found = new Offences();
  const hosts: string[] = [];
  for (const ref of pod.containers) {
    for (const probe of PROBES) collectHosts(ref, ref.container[probe], found, hosts, probe);
    const lifecycle = dict(ref.container['lifecycle']);
    if (lifecycle === undefined) continue;
    for (const hook of HOOKS) {
      collectHosts(ref, lifecycle[hook], found, hosts, 'lifecycle', hook);
    }
  }
  return found.failure(
    (who) => `${who} must not aim probes or lifecycle hooks at another host (${quoteAll(hosts)})`,
  );
};

const SYSCTLS_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
];
const SYSCTLS_1_27 = SYSCTLS_1_0.concat('net.ipv4.ip_local_reserved_ports');
const SYSCTLS_1_29 = [
  ...SYSCTLS_1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SYSCTLS_1_32 = SYSCTLS_1_29.concat('net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem');
const SYSCTLS_1_37 = [
  ...SYSCTLS_1_32,
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
];

function sysctlsAllowing(names: readonly string[]): CheckFn {
  const allowed = new Set(names);
  return (pod: PodView): CheckFailure | undefined => {
    const paths: JsonPath[] = [];
    const bad: string[] = [];
    list(pod.podSecurityContext?.['sysctls']).forEach((entry, index) => {
      const name = text(dict(entry)?.['name']);
      if (allowed.has(name)) return;
      paths.push(['spec', 'securityContext', 'sysctls', index, 'name']);
      bad.push(name);
    });
    if (paths.length === 0) return undefined;
    return { reason: `sysctls outside the safe set: ${quoteAll(bad)}`, paths };
  };
}

/** The baseline checks about host access, in upstream's registration order. */
export const BASELINE_HOST_CHECKS: readonly CheckDefinition[] = [
  {
    id: 'privileged',
    level: 'baseline',
    description: 'No container may run in privileged mode.',
    revisions: [
      {
        since: 0,
        change: 'securityContext.privileged must be unset or false',
        evaluate: privileged,
      },
    ],
  },
  {
    id: 'hostNamespaces',
    level: 'baseline',
    description: "The pod must not share the node's network, PID or IPC namespace.",
    revisions: [
      {
        since: 0,
        change: 'hostNetwork, hostPID and hostIPC must be unset or false',
        evaluate: hostNamespaces,
      },
    ],
  },
  {
    id: 'hostPorts',
    level: 'baseline',
    description: 'No container port may be bound to a port of the node.',
    revisions: [
      { since: 0, change: 'every ports[].hostPort must be unset or 0', evaluate: hostPorts },
    ],
  },
  {
    id: 'hostPathVolumes',
    level: 'baseline',
    description: 'The pod must not mount directories of the node (hostPath volumes).',
    revisions: [
      { since: 0, change: 'no volume may have a hostPath source', evaluate: hostPathVolumes },
    ],
  },
  {
    id: 'windowsHostProcess',
    level: 'baseline',
    description: 'Neither the pod nor a container may run as a privileged Windows host process.',
    revisions: [
      {
        since: 0,
        change: 'windowsOptions.hostProcess must be unset or false',
        evaluate: windowsHostProcess,
      },
    ],
  },
  {
    id: 'hostProbesAndHostLifecycle',
    level: 'baseline',
    description: 'Probes and lifecycle hooks must target the pod itself, not another host.',
    revisions: [
      {
        since: 34,
        change:
          'httpGet.host and tcpSocket.host of probes and postStart/preStop hooks must be empty',
        evaluate: hostProbesAndHostLifecycle,
      },
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    description: 'Only namespaced kernel parameters known to be safe may be set.',
    revisions: [
      {
        since: 0,
        change: `safe sysctls: ${SYSCTLS_1_0.join(', ')}`,
        evaluate: sysctlsAllowing(SYSCTLS_1_0),
      },
      {
        since: 27,
        change: 'adds net.ipv4.ip_local_reserved_ports',
        evaluate: sysctlsAllowing(SYSCTLS_1_27),
      },
      {
        since: 29,
        change:
          'adds net.ipv4.tcp_keepalive_time, tcp_fin_timeout, tcp_keepalive_intvl, tcp_keepalive_probes',
        evaluate: sysctlsAllowing(SYSCTLS_1_29),
      },
      {
        since: 32,
        change: 'adds net.ipv4.tcp_rmem and net.ipv4.tcp_wmem',
        evaluate: sysctlsAllowing(SYSCTLS_1_32),
      },
      {
        since: 37,
        change: 'adds net.ipv4.tcp_slow_start_after_idle and net.ipv4.tcp_notsent_lowat',
        evaluate: sysctlsAllowing(SYSCTLS_1_37),
      },
    ],
  },
];
