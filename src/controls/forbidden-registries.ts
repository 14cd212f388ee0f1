import { controlsSettingsOf } from '../config/controls-settings.js';
import { describeContainer } from '../model/containers.js';
import { defineControl, type ControlDefinition, type Violation } from './define.js';
import { matchesRegistryList } from './image-registries.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'registry-forbidden';

/**
 * Builds the control. Given a list of forbidden registries (`registry[/path]` prefixes) it judges
 * against that list; without one it reads `forbiddenRegistries` from the scan's controls settings.
 */
export function forbiddenRegistries(fixed?: readonly string[]): ControlDefinition<MessageId> {
  return defineControl({
    id: 'forbidden-registries',
    title: 'Images from forbidden registries',
    description:
      'Flags container images pulled from a registry (or repository path) on the configured block-list (spec.forbiddenRegistries of the controls configuration), such as public registries an organisation does not trust. With no block-list configured, the control is skipped.',
    severity: 'high',
    examples: {
      config: `apiVersion: cubecape.io/v1alpha1
kind: ControlsConfig
spec:
  forbiddenRegistries: [registry.untrusted.example]
`,
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
    - name: redis
      image: registry.untrusted.example/redis:7.2
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
    - name: redis
      image: registry.example.com/mirror/redis:7.2
`,
    },
    match: { kinds: WORKLOAD_KINDS },
    aliases: { kubescape: ['C-0001'] },
    messages: {
      'registry-forbidden': 'The {container} pulls {image} from a forbidden registry.',
    },
    remediation:
      'Pull the image through an approved internal registry or mirror instead, and enforce the block-list at admission time as well.',
    check: (resource, context) => {
      const forbidden = fixed ?? controlsSettingsOf(context.settings).forbiddenRegistries;
      if (forbidden.length === 0) return { skipped: 'no forbidden registries configured' };
      return judgeContainers(resource, (ref): Violation<MessageId>[] => {
        const image = ref.container['image'];
        if (typeof image !== 'string' || !matchesRegistryList(image, forbidden)) return [];
        return [
          {
            messageId: 'registry-forbidden',
            data: { container: describeContainer(ref), image },
            path: ref.path.concat('image'),
            evidence: image,
          },
        ];
      });
    },
  });
}

/** Judges against the configured block-list (`spec.forbiddenRegistries`); skips without one. */
export default forbiddenRegistries();
