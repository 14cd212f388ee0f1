import { defineKubeletControl, kubeletConfigManifest } from './control-plane/kubelet-control.js';
import { lazyExamples } from './define.js';

export default defineKubeletControl({
  id: 'kubelet-client-ca-file',
  title: 'kubelet does not verify client certificates',
  description:
    'Checks that the kubelet configuration sets authentication.x509.clientCAFile, so the kubelet can authenticate the API server and other clients by certificate.',
  severity: 'high',
  aliases: { kubescape: ['C-0174', 'C-0070'], cis: ['4.2.3'] },
  remediation: 'Set authentication.x509.clientCAFile to the cluster CA bundle.',
  field: ['authentication', 'x509', 'clientCAFile'],
  expected: 'a CA bundle path',
  accepts: (value) => typeof value === 'string' && value.trim() !== '',
  examples: lazyExamples(() => ({
    failing: kubeletConfigManifest({
      authentication: { anonymous: { enabled: false }, webhook: { enabled: true } },
    }),
    passing: kubeletConfigManifest({
      authentication: {
        anonymous: { enabled: false },
        webhook: { enabled: true },
        x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' },
      },
    }),
  })),
});
