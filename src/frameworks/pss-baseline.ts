import { PSS_LATEST_MINOR } from '../pss/index.js';
import { defineFramework } from './define.js';

/**
 * The baseline Pod Security Standard, one section per upstream check (the section id is the check
 * id the Kubernetes admission plugin reports). The controls judge at `--pss-version`, so the
 * framework's version names the default.
 */
export default defineFramework({
  id: 'pss-baseline',
  name: 'Pod Security Standards: baseline',
  version: `v1.${PSS_LATEST_MINOR} (latest)`,
  description:
    'The Kubernetes Pod Security Standards at baseline level: the minimum every ordinary workload should meet, shutting the known routes from a pod to its node (privileged mode, host namespaces, host ports and paths, extra capabilities, weakened AppArmor, SELinux, seccomp or /proc masking, unsafe sysctls, Windows host processes, probes aimed elsewhere). Each check is judged with the rules of the policy version given by --pss-version (default: latest), exactly as the pod-security admission plugin would at that version.',
  url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  sections: [
    { id: 'privileged', title: 'Privileged containers', controls: ['pss-privileged'] },
    {
      id: 'hostNamespaces',
      title: 'Host network, PID and IPC namespaces',
      controls: ['pss-host-namespaces'],
    },
    { id: 'hostPorts', title: 'Host ports', controls: ['pss-host-ports'] },
    { id: 'hostPathVolumes', title: 'hostPath volumes', controls: ['pss-host-path-volumes'] },
    {
      id: 'windowsHostProcess',
      title: 'Windows HostProcess containers',
      controls: ['pss-windows-host-process'],
    },
    {
      id: 'hostProbesAndHostLifecycle',
      title: 'Probes and lifecycle hooks aimed at other hosts (v1.34+)',
      controls: ['pss-host-probes-and-host-lifecycle'],
    },
    { id: 'sysctls', title: 'Sysctls', controls: ['pss-sysctls'] },
    {
      id: 'capabilities_baseline',
      title: 'Capabilities beyond the default set',
      controls: ['pss-capabilities-baseline'],
    },
    { id: 'appArmorProfile', title: 'AppArmor', controls: ['pss-app-armor-profile'] },
    { id: 'seLinuxOptions', title: 'SELinux', controls: ['pss-se-linux-options'] },
    { id: 'procMount', title: '/proc mount type', controls: ['pss-proc-mount'] },
    {
      id: 'seccompProfile_baseline',
      title: 'Seccomp not disabled',
      controls: ['pss-seccomp-profile-baseline'],
    },
  ],
});
