import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-encryption-providers',
  title: 'Encryption providers not appropriate',
  description:
    'Checks the file given to --encryption-provider-config on the control plane: Secrets must be written with aescbc, kms or secretbox, not the identity provider.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0142'], cis: ['1.2.28'] },
  remediation:
    'Put a kms (preferred), aescbc or secretbox provider first for secrets in the EncryptionConfiguration and rewrite existing Secrets.',
});
