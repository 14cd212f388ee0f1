import { controlsSettingsOf } from '../config/controls-settings.js';
import { describeContainer } from '../model/containers.js';
import { defineControl, type ControlDefinition, type Violation } from './define.js';
import { matchesRegistryList } from './image-registries.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'registry-not-allowed';

/**
 * Builds the control. Given a list of allowed registries (`registry[/path]` prefixes) it judges
 * against that list; without one it reads `allowedRegistries` from the scan's controls settings.
 */
export function allowedRegistries(fixed?: readonly string[]): ControlDefinition<MessageId> {
  return defineControl({
    id: 'allowed-registries',
    title: 'Images from registries that are not allowed',
    description:
      'Flags container images pulled from a registry (or repository path) outside the configured allow-list (spec.allowedRegistries of the controls configuration). Limiting sources keeps unreviewed public images out of the cluster. With no allow-list configured, the control is skipped: there is no sensible default.',
    severity: 'medium',
    examples: {
      config: `apiVersion: cubecape.io/v1alpha1
kind: ControlsConfig
spec:
  allowedRegistries: [registry.example.com/platform]
`,
      failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
spec:
  selector:
    matchLabels: { app: billing }
  template:
    metadata:
      labels: { app: billing }
    spec:
      containers:
        - name: api
          image: docker.io/someone/billing-api:2.3.1
`,
      passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
spec:
  selector:
    matchLabels: { app: billing }
  template:
    metadata:
      labels: { app: billing }
    spec:
      containers:
        - name: api
          image: registry.example.com/platform/billing-api:2.3.1
`,
    },
    match: { kinds: WORKLOAD_KINDS },
    aliases: { kubescape: ['C-0078'] },
    messages: {
      'registry-not-allowed':
        'The {container} pulls {image}, which is not from an allowed registry.',
    },
    remediation:
      'Mirror the image into an approved registry and reference it from there, or add its registry to the allow-list if it is trusted. Enforce the same list at admission time.',
    check: (resource, context) => {
      const allowed = fixed ?? controlsSettingsOf(context.settings).allowedRegistries;
      if (allowed.length === 0) return { skipped: 'no allowed registries configured' };
      return judgeContainers(resource, (ref): Violation<MessageId>[] => {
        const image = ref.container['image'];
        if (typeof image !== 'string' || image.trim() === '') return [];
        if (matchesRegistryList(image, allowed)) return [];
        return [
          {
            messageId: 'registry-not-allowed',
            data: { container: describeContainer(ref), image },
            path: ref.path.concat('image'),
            evidence: image,
          },
        ];
      });
    },
  });
}

/** Judges against the configured allow-list (`spec.allowedRegistries`); skips without one. */
export default allowedRegistries();
