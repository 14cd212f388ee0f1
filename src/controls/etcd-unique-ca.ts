import { defineFlagControl, type FlagRule } from './control-plane/flag-control.js';
import { invocationsOf } from './control-plane/components.js';
import { staticPodManifest } from './control-plane/flag-examples.js';
import type { ScanContext } from '../model/context.js';
import { POD_SPEC_KINDS } from '../model/workload.js';
import { lazyExamples } from './define.js';

type Message = 'shared-ca';

/** The --client-ca-file values of every kube-apiserver in the scan. */
function apiserverClientCas(context: ScanContext): string[] {
  return POD_SPEC_KINDS.flatMap((kind) => context.resources.byKind(kind)).flatMap((resource) =>
    invocationsOf(resource, 'kube-apiserver').flatMap((invocation) => {
      const value = invocation.flags.get('client-ca-file')?.value.trim();
      return value === undefined || value === '' ? [] : [value];
    }),
  );
}

const rule: FlagRule<Message> = {
  messages: {
    'shared-ca':
      '{component} trusts --{flag} {value}, the same file the API server uses as its client CA, so any certificate the cluster CA signs can talk to etcd.',
  },
  skip: (flags, _invocation, context) => {
    if ((flags.get('trusted-ca-file')?.value.trim() ?? '') === '')
      return 'etcd sets no --trusted-ca-file (etcd-client-cert-auth judges that)';
    if (apiserverClientCas(context).length === 0)
      return 'no kube-apiserver with --client-ca-file in the scan to compare with';
    return undefined;
  },
  judge: (flags, _invocation, context) => {
    const value = flags.get('trusted-ca-file')?.value.trim() ?? '';
    if (!apiserverClientCas(context).includes(value)) return [];
    return [{ messageId: 'shared-ca', flag: 'trusted-ca-file', data: { value: `= ${value}` } }];
  },
};

/** etcd is judged against the API server's client CA, so each example holds both Pods. */
function withApiserver(trustedCaFile: string): string {
  return [
    staticPodManifest('kube-apiserver', ['--client-ca-file=/etc/kubernetes/pki/ca.crt']),
    staticPodManifest('etcd', [`--trusted-ca-file=${trustedCaFile}`, '--client-cert-auth=true']),
  ].join('---\n');
}

export default defineFlagControl({
  id: 'etcd-unique-ca',
  component: 'etcd',
  title: 'etcd shares its certificate authority with the cluster',
  description:
    'Compares the CA file etcd trusts for client certificates (--trusted-ca-file) with the client CA of the API servers in the scan (--client-ca-file). When they are the same file, every certificate issued for the cluster (kubelets, users, controllers) is also accepted by etcd, which holds every Secret in clear.',
  severity: 'high',
  aliases: { kubescape: ['C-0159'], cis: ['2.7'] },
  remediation:
    'Give etcd a certificate authority of its own (kubeadm uses /etc/kubernetes/pki/etcd/ca.crt), issue the API server an etcd client certificate from it, and point --trusted-ca-file at it.',
  rule,
  examples: lazyExamples(() => ({
    failing: withApiserver('/etc/kubernetes/pki/ca.crt'),
    passing: withApiserver('/etc/kubernetes/pki/etcd/ca.crt'),
  })),
});
