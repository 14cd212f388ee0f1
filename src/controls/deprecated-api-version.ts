import { controlsSettingsOf } from '../config/controls-settings.js';
import { defineControl, type ControlDefinition } from './define.js';
import { REMOVED_APIS, type KubernetesMinor } from './removed-apis.js';

type MessageId = 'removed-api';

function minorOf(version: string): KubernetesMinor | undefined {
  const match = /^v?1\.(\d+)$/.exec(version.trim());
  return match === null ? undefined : Number(match[1]);
}

/**
 * Builds the control for a target Kubernetes version (`1.25`). Without one it reads
 * `kubernetesVersion` from the scan's controls settings; when that is unset too, it targets the
 * latest release, so every API removed so far is reported.
 */
export function deprecatedApiVersion(fixed?: string): ControlDefinition<MessageId> {
  return defineControl({
    id: 'deprecated-api-version',
    title: 'API version removed from Kubernetes',
    description:
      'Flags objects written against an apiVersion that Kubernetes has removed (by default: removed in any released version; with a target version, spec.kubernetesVersion of the controls configuration: removed in or before it). The API server rejects such manifests, so deployments and upgrades fail.',
    severity: 'medium',
    examples: {
      failing: `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: nightly-report
  namespace: shop
spec:
  schedule: '0 2 * * *'
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: registry.example/shop/report:2.3.0
`,
      passing: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-report
  namespace: shop
spec:
  schedule: '0 2 * * *'
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: registry.example/shop/report:2.3.0
`,
    },
    match: { kinds: ['*'] },
    aliases: { kubeLinter: ['no-extensions-v1beta'] },
    messages: {
      'removed-api':
        '{kind} {apiVersion} was removed in Kubernetes 1.{removedIn}; use {replacement}.',
    },
    remediation:
      'Migrate the manifest to the replacement apiVersion and adjust the fields that changed with it (kubectl convert or the Kubernetes deprecation guide list them), then re-render charts and Kustomizations that still emit the old version.',
    check: (resource, context) => {
      const target = fixed ?? controlsSettingsOf(context.settings).kubernetesVersion;
      const targetMinor = target === undefined ? undefined : minorOf(target);
      if (target !== undefined && targetMinor === undefined)
        return { skipped: `target Kubernetes version ${target} is not of the form 1.N` };
      const removal = REMOVED_APIS.find(
        (api) => api.apiVersion === resource.apiVersion && api.kinds.includes(resource.kind),
      );
      if (removal === undefined) return [];
      if (targetMinor !== undefined && removal.removedIn > targetMinor) return [];
      return [
        {
          messageId: 'removed-api',
          data: {
            kind: resource.kind,
            apiVersion: resource.apiVersion,
            removedIn: removal.removedIn,
            replacement: removal.replacement,
          },
          path: ['apiVersion'],
          evidence: resource.apiVersion,
        },
      ];
    },
  });
}

/** Targets `spec.kubernetesVersion` of the controls configuration, or the latest release. */
export default deprecatedApiVersion();
