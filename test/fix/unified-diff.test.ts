import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../src/fix/unified-diff.js';

const LABELS = { from: 'a/f.yaml', to: 'b/f.yaml' };

/** Applies a unified diff to `text`, checking every context and removed line against it. */
function applyPatch(text: string, patch: string): string {
  const source = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const lines = patch.split('\n');
  const out: string[] = [];
  let at = 0;
  for (let index = 2; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (header !== null) {
      const start = Number(header[1]) - (header[2] === '0' ? 0 : 1);
      while (at < start) out.push(source[at++] ?? '');
      continue;
    }
    if (line === '' && index === lines.length - 1) break;
    const noNewline = lines[index + 1] === '\\ No newline at end of file';
    const body = line.slice(1) + (noNewline ? '' : '\n');
    if (line.startsWith('+')) out.push(body);
    else {
      assert.equal(source[at], body, `line ${at + 1} does not match the patch`);
      if (line.startsWith(' ')) out.push(body);
      at += 1;
    }
    if (noNewline) index += 1;
  }
  while (at < source.length) out.push(source[at++] ?? '');
  return out.join('');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', LABELS), '');
    assert.equal(unifiedDiff('', '', LABELS), '');
  });

  it('shows one changed line with three lines of context, like diff -u', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    assert.equal(
      unifiedDiff(before, after, LABELS),
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n',
    );
  });

  it('marks a missing final newline', () => {
    assert.equal(
      unifiedDiff('a\nb', 'a\nb\nc', LABELS),
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n',
    );
  });

  it('writes empty ranges as the line before them', () => {
    assert.equal(unifiedDiff('', 'x\n', LABELS), '--- a/f.yaml\n+++ b/f.yaml\n@@ -0,0 +1 @@\n+x\n');
    assert.equal(unifiedDiff('x\n', '', LABELS), '--- a/f.yaml\n+++ b/f.yaml\n@@ -1 +0,0 @@\n-x\n');
  });

  it('keeps CR characters so CRLF files get CRLF patches', () => {
    assert.equal(
      unifiedDiff('a\r\nb\r\n', 'a\r\nc\r\n', LABELS),
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n',
    );
  });

  it('joins changes at most six lines apart into one hunk and splits farther ones', () => {
    const base = Array.from({ length: 30 }, (_, index) => `l${index}`);
    const near = [...base];
    near[5] = 'x';
    near[12] = 'y';
    assert.equal(
      (unifiedDiff(`${base.join('\n')}\n`, `${near.join('\n')}\n`, LABELS).match(/^@@/gm) ?? [])
        .length,
      1,
    );
    const far = [...base];
    far[5] = 'x';
    far[13] = 'y';
    assert.equal(
      (unifiedDiff(`${base.join('\n')}\n`, `${far.join('\n')}\n`, LABELS).match(/^@@/gm) ?? [])
        .length,
      2,
    );
  });

  it('produces patches that turn the old text into the new one (seeded random edits)', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round += 1) {
      const before = Array.from(
        { length: Math.floor(random() * 40) },
        () => `l${Math.floor(random() * 6)}`,
      );
      const after = [...before];
      for (let edit = Math.floor(random() * 6); edit > 0; edit -= 1) {
        const at = Math.floor(random() * (after.length + 1));
        const choice = random();
        if (choice < 0.4) after.splice(at, 1);
        else if (choice < 0.8) after.splice(at, 0, `new${edit}`);
        else after[at] = `changed${edit}`;
      }
      const oldText = before.join('\n') + (random() < 0.8 && before.length > 0 ? '\n' : '');
      const newText = after.join('\n') + (random() < 0.8 && after.length > 0 ? '\n' : '');
      const patch = unifiedDiff(oldText, newText, LABELS);
      assert.equal(patch === '', oldText === newText);
      assert.equal(applyPatch(oldText, patch), newText, `round ${round}:\n${patch}`);
    }
  });

  it('stays fast on a large file with a few changes', () => {
    const lines = Array.from({ length: 50_000 }, (_, index) => `line ${index}`);
    const changed = [...lines];
    changed[10] = 'x';
    changed[40_000] = 'y';
    const started = performance.now();
    const patch = unifiedDiff(`${lines.join('\n')}\n`, `${changed.join('\n')}\n`, LABELS);
    assert.equal((patch.match(/^@@/gm) ?? []).length, 2);
    assert.ok(performance.now() - started < 2000);
  });
});
