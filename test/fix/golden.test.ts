import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixableFindings, fixScanned, manualFindings } from './fix-helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'fix');

interface GoldenCase {
  readonly input: string;
  /** Patches applied, by control. */
  readonly applied: Readonly<Record<string, number>>;
  /** Controls whose fixes are refused (and why, as a pattern). */
  readonly refused?: readonly (readonly [string, RegExp])[];
  /** Bytes the input must contain, so a checkout that rewrote the fixture fails loudly. */
  readonly inputHas?: string;
}

const CASES: readonly GoldenCase[] = [
  {
    input: 'comments.input.yaml',
    applied: {
      'host-namespaces': 1,
      'privileged-container': 1,
      'host-ports': 1,
      'allow-privilege-escalation': 1,
    },
  },
  {
    input: 'indent-four.input.yaml',
    applied: { 'added-capabilities': 1, 'allow-privilege-escalation': 1 },
  },
  {
    input: 'flow.input.yaml',
    applied: { 'host-namespaces': 1, 'privileged-container': 1, 'added-capabilities': 2 },
  },
  {
    input: 'crlf-multi.input.yaml',
    applied: { 'automount-service-account-token': 1, 'allow-privilege-escalation': 1 },
    inputHas: '\r\n',
  },
  {
    input: 'list.input.yaml',
    applied: {
      'privileged-container': 1,
      'host-namespaces': 1,
      'automount-service-account-token': 1,
    },
  },
  {
    input: 'pod.input.json',
    applied: {
      'host-namespaces': 1,
      'privileged-container': 1,
      'allow-privilege-escalation': 1,
      'run-as-non-root': 1,
    },
  },
  {
    input: 'anchors.input.yaml',
    applied: { 'allow-privilege-escalation': 1 },
    refused: [
      ['privileged-container', /anchored \(&hardened\) and reused through an alias/],
      ['privileged-container', /is an alias \(\*hardened\)/],
    ],
  },
  {
    input: 'no-newline.input.yaml',
    applied: {
      'allow-privilege-escalation': 1,
      'run-as-non-root': 1,
      'read-only-root-filesystem': 1,
      'automount-service-account-token': 1,
      'host-namespaces': 1,
    },
  },
  {
    input: 'null-context.input.yaml',
    applied: {
      'allow-privilege-escalation': 2,
      'run-as-non-root': 2,
      'read-only-root-filesystem': 2,
    },
  },
  {
    input: 'service-account.input.yaml',
    applied: { 'automount-service-account-token': 2 },
  },
  {
    input: 'bom.input.yaml',
    applied: { 'automount-service-account-token': 1 },
    inputHas: '\uFEFF',
  },
];

function countByControl(controls: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of controls) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

describe('fix golden files: only the intended lines change', () => {
  for (const golden of CASES) {
    describe(golden.input, () => {
      const input = readFileSync(join(FIXTURES, golden.input), 'utf8');
      const expected = readFileSync(
        join(FIXTURES, golden.input.replace('.input.', '.expected.')),
        'utf8',
      );
      const result = fixScanned(input, golden.input);

      it('produces the expected file byte for byte', () => {
        if (golden.inputHas !== undefined)
          assert.ok(input.includes(golden.inputHas), 'fixture lost its special bytes');
        assert.equal(result.text, expected);
      });

      it('applies and refuses exactly the expected patches', () => {
        const applied = result.outcomes.filter((outcome) => outcome.status === 'applied');
        assert.deepEqual(
          countByControl(applied.map((outcome) => outcome.request.controlId)),
          golden.applied,
        );
        const refused = result.outcomes.filter((outcome) => outcome.status === 'refused');
        assert.equal(refused.length, golden.refused?.length ?? 0);
        refused.forEach((outcome, index) => {
          const [controlId, reason] = golden.refused?.[index] ?? ['', /^$/];
          assert.equal(outcome.request.controlId, controlId);
          assert.match(outcome.reason ?? '', reason);
        });
      });

      it('is idempotent: fixing the fixed file changes nothing', () => {
        const again = fixScanned(expected, golden.input);
        assert.equal(again.text, expected);
        assert.deepEqual(
          again.outcomes.filter((outcome) => outcome.status === 'applied'),
          [],
        );
      });

      it('leaves no fixable finding on a rescan but the refused ones, and adds none', () => {
        const remaining = fixableFindings(expected, golden.input);
        assert.equal(remaining.length, golden.refused?.length ?? 0, remaining.join('\n'));
        // Findings without a fix stay, unless a fix removed their cause (privileged implies escalation).
        const before = manualFindings(input, golden.input);
        for (const finding of manualFindings(expected, golden.input))
          assert.ok(before.includes(finding), finding);
      });
    });
  }
});
