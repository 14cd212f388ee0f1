import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pretty } from '../../src/report/formatters/pretty.js';
import { displayWidth } from '../../src/report/formatters/terminal-text.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import { ANSI_ATTACK, cleanReport, sampleReport } from './sample-report.js';

/** The sample report as `scan --images` makes it: an image input beside the manifests. */
function withImages(report: ScanReport = sampleReport()): ScanReport {
  return {
    ...report,
    inputs: [...report.inputs, { type: 'image', target: 'registry.example.com/shop/web:1.4' }],
  };
}

const plain = { color: false, width: 100 } as const;

describe('pretty formatter: image vulnerabilities (scan --images)', () => {
  it('lists the findings under their image and workloads, suppressed ones left out', () => {
    const output = pretty(withImages(), plain);
    const lines = output.split('\n');
    const start = lines.indexOf('Image vulnerabilities');
    assert.notEqual(start, -1, output);
    assert.equal(
      lines[start + 1],
      'registry.example.com/shop/web:1.4 used by apps/Deployment/prod/web',
    );
    assert.equal(lines[start + 2], '  HIGH     CVE-2021-23337  lodash 4.17.20 (fixed in 4.17.21)');
    assert.ok(!output.includes('left-pad'));
    assert.ok(lines.some((line) => /^ {2}Vulns +1 vulnerability · 1 high · 1 fixable$/.test(line)));
  });

  it('says so when the images had none', () => {
    const clean = withImages(cleanReport());
    const output = pretty(
      {
        ...clean,
        vulnerabilities: [],
        summary: {
          ...clean.summary,
          vulnerabilities: {
            total: 0,
            suppressed: 0,
            bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 },
            fixable: 0,
          },
        },
      },
      plain,
    );
    assert.match(output, /Image vulnerabilities\n {2}none found/);
    assert.match(output, /\n {2}Vulns +none\n/);
  });

  it('shows nothing about images for a scan without --images', () => {
    const output = pretty(sampleReport(), plain);
    assert.ok(!output.includes('Image vulnerabilities'));
    assert.ok(!/^ {2}Vulns/m.test(output));
  });

  for (const width of [40, 60, 90]) {
    it(`keeps every line within ${String(width)} columns, terminal controls neutralised`, () => {
      const report = withImages();
      const [first, ...rest] = report.vulnerabilities ?? [];
      assert.ok(first);
      const hostile = {
        ...report,
        vulnerabilities: [
          {
            ...first,
            image: `evil.example.com/${ANSI_ATTACK}:1`,
            workloads: ['a/B/c/d', 'e/F/g/h', 'i/J/k/l', 'm/N/o/p'],
          },
          ...rest,
        ],
      };
      const output = pretty(hostile, { ...plain, width });
      assert.ok(!output.includes('\x1b'));
      for (const line of output.split('\n'))
        assert.ok(
          displayWidth(line) <= width,
          `${String(displayWidth(line))} > ${String(width)}: ${line}`,
        );
    });
  }
});
