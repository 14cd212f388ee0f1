import type { ControlRequirement } from '../controls/define.js';
import { builtinControls } from '../controls/index.js';
import { defineFramework, type FrameworkSection } from './define.js';

const BY_DATA: readonly {
  readonly requires: ControlRequirement | undefined;
  readonly id: string;
  readonly title: string;
  readonly rationale: string;
}[] = [
  {
    requires: undefined,
    id: 'manifests',
    title: 'Judged from manifests',
    rationale: 'Needs nothing but the objects scanned.',
  },
  {
    requires: 'cluster',
    id: 'cluster',
    title: 'Needs a live cluster',
    rationale: 'Skipped with a reason when the scan has no live cluster.',
  },
  {
    requires: 'host',
    id: 'host',
    title: 'Needs node data',
    rationale: 'Skipped with a reason until node data is available.',
  },
  {
    requires: 'cloud',
    id: 'cloud',
    title: 'Needs cloud provider data',
    rationale: 'Skipped with a reason until cloud data is available.',
  },
  {
    requires: 'manual',
    id: 'manual',
    title: 'Manual review',
    rationale: 'Always skipped, with the review to carry out.',
  },
];

function sections(): FrameworkSection[] {
  const all = BY_DATA.map(({ requires, id, title, rationale }) => ({
    id,
    title,
    rationale,
    controls: builtinControls.filter((c) => c.requires === requires).map((c) => c.id),
  }));
  return all.filter((section) => section.controls.length > 0);
}

/**
 * Every built-in control, derived from the registry so it can never miss one; sections group
 * the controls by the data they need.
 */
export default defineFramework({
  id: 'all',
  name: 'All controls',
  version: '1',
  description:
    'A convenience selection of every built-in control, grouped by the data each needs. `--framework all` runs them all, and this framework then scores the same set as the report summary.',
  convenience: true,
  sections: sections(),
});
