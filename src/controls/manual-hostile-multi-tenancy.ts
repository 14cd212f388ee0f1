import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-hostile-multi-tenancy',
  title: 'Hostile multi-tenant workloads',
  description:
    'Review item: namespaces alone do not isolate tenants that distrust each other; such workloads need separate clusters or sandboxed runtimes.',
  severity: 'medium',
  requires: 'manual',
  aliases: { kubescape: ['C-0242'] },
  remediation:
    'Run mutually hostile tenants on separate clusters or node pools with sandboxed runtimes, and record the decision with an exception.',
});
