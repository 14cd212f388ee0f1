import { defineKubeletControl, kubeletConfigManifest } from './control-plane/kubelet-control.js';
import { lazyExamples } from './define.js';

export default defineKubeletControl({
  id: 'kubelet-tls-certificate',
  title: 'kubelet serves with a self-signed certificate',
  description:
    'Checks that the kubelet configuration sets tlsCertFile and tlsPrivateKeyFile, or serverTLSBootstrap: true so the kubelet gets a serving certificate from the cluster. Otherwise it serves with a self-signed certificate nobody can verify.',
  severity: 'high',
  aliases: { kubescape: ['C-0181'], cis: ['4.2.9'] },
  remediation:
    'Enable serverTLSBootstrap (and approve the serving CSRs) or set tlsCertFile and tlsPrivateKeyFile.',
  field: ['tlsCertFile'],
  expected: 'a certificate file with tlsPrivateKeyFile, or serverTLSBootstrap: true',
  accepts: (value, config) =>
    config['serverTLSBootstrap'] === true ||
    (typeof value === 'string' &&
      value !== '' &&
      typeof config['tlsPrivateKeyFile'] === 'string' &&
      config['tlsPrivateKeyFile'] !== ''),
  examples: lazyExamples(() => ({
    failing: kubeletConfigManifest({ serverTLSBootstrap: false }),
    passing: kubeletConfigManifest({ serverTLSBootstrap: true }),
  })),
});
