/**
 * Capability names as controls compare them: upper case without the `CAP_` prefix, since
 * Kubernetes passes both spellings through to the runtime.
 */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/**
 * Capabilities a workload may add without a finding. Only binding ports below 1024 is both
 * commonly needed and harmless, matching the Pod Security Standards' restricted profile.
 */
export const ALLOWED_CAPABILITIES: ReadonlySet<string> = new Set(['NET_BIND_SERVICE']);

/**
 * Capabilities that hand a container host-level power: kernel modules, raw devices, other
 * processes' memory, the network stack, eBPF, or every capability at once (`ALL`).
 */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set([
  'ALL',
  'BPF',
  'DAC_READ_SEARCH',
  'LINUX_IMMUTABLE',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'NET_ADMIN',
  'NET_RAW',
  'PERFMON',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_TIME',
  'SYSLOG',
]);
