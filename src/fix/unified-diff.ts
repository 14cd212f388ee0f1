/** One line of an edit script: kept, removed from the old text, or added in the new one. */
interface Op {
  readonly kind: ' ' | '-' | '+';
  readonly line: string;
}

/** Past this many differing lines the diff stops looking for a minimal script. */
const MAX_EDIT_DISTANCE = 4000;

/** Lines with their terminators, so a missing final newline is a difference too. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Myers' O(ND) shortest edit script between `a` and `b` (already stripped of their common
 * prefix and suffix). Falls back to "remove all, add all" when they differ too much.
 */
function middleScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, offset, d);
    }
  }
  return [
    ...a.map((line): Op => ({ kind: '-', line })),
    ...b.map((line): Op => ({ kind: '+', line })),
  ];
}

function backtrack(
  a: readonly string[],
  b: readonly string[],
  trace: readonly Int32Array[],
  offset: number,
  last: number,
): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d > 0; d -= 1) {
    const v = trace[d] ?? new Int32Array(0);
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      ops.push({ kind: ' ', line: a[x] ?? '' });
    }
    if (down) ops.push({ kind: '+', line: b[(y -= 1)] ?? '' });
    else ops.push({ kind: '-', line: a[(x -= 1)] ?? '' });
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    ops.push({ kind: ' ', line: a[x] ?? '' });
  }
  return ops.reverse();
}

function editScript(before: readonly string[], after: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix])
    prefix += 1;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const keep = (line: string): Op => ({ kind: ' ', line });
  return [
    ...before.slice(0, prefix).map(keep),
    ...middleScript(
      before.slice(prefix, before.length - suffix),
      after.slice(prefix, after.length - suffix),
    ),
    ...before.slice(before.length - suffix).map(keep),
  ];
}

function range(start: number, count: number): string {
  const first = count === 0 ? start : start + 1;
  return count === 1 ? String(first) : `${first},${count}`;
}

function renderOp(op: Op): string {
  if (op.line.endsWith('\n')) return `${op.kind}${op.line}`;
  return `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** Groups changed lines with `context` lines around them into `@@` hunks. */
function hunks(ops: readonly Op[], context: number): string[] {
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  const out: string[] = [];
  let at = 0;
  while (at < changed.length) {
    const first = changed[at] ?? 0;
    let last = first;
    // Changes with at most 2 × context unchanged lines between them share a hunk, as in GNU diff.
    while (at < changed.length && (changed[at] ?? 0) - last <= 2 * context + 1)
      last = changed[at++] ?? last;
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length, last + context + 1);
    const before = ops.slice(0, start);
    const slice = ops.slice(start, end);
    const oldStart = before.filter((op) => op.kind !== '+').length;
    const newStart = before.filter((op) => op.kind !== '-').length;
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    out.push(
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${slice.map(renderOp).join('')}`,
    );
  }
  return out;
}

/**
 * A unified diff (as `diff -u` and `git apply` read it) from `before` to `after`, or '' when they
 * are equal. Line endings are kept as they are, so CRLF files produce CRLF patches.
 */
export function unifiedDiff(
  before: string,
  after: string,
  labels: { readonly from: string; readonly to: string },
  context = 3,
): string {
  if (before === after) return '';
  const ops = editScript(linesOf(before), linesOf(after));
  return `--- ${labels.from}\n+++ ${labels.to}\n${hunks(ops, context).join('')}`;
}
