/**
 * Bounds every parsed document must respect before anything walks it. Downstream code (controls,
 * the engine, formatters) recurses over resource objects, so depth and expanded size are
 * guaranteed here rather than defended everywhere.
 */
export const YAML_LIMITS = {
  /** Maximum nesting of collections in a document. */
  maxDepth: 1000,
  /** Maximum nodes in a document, counting every use of an aliased node again. */
  maxNodes: 1_000_000,
} as const;

export type BoundsViolation =
  | { readonly code: 'YAML_TOO_DEEP'; readonly message: string }
  | { readonly code: 'YAML_ALIAS_LIMIT'; readonly message: string };

function childrenOf(value: object): readonly unknown[] {
  return Array.isArray(value) ? value : Object.values(value);
}

/** Whether a value graph refers back to itself (a recursive alias such as `&a [*a]`). */
function hasCycle(root: unknown, budget: number): boolean {
  const onPath = new Set<object>();
  const finished = new Set<object>();
  const stack: { node: object; children: readonly unknown[]; next: number }[] = [];
  const enter = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || finished.has(value)) return false;
    if (onPath.has(value)) return true;
    onPath.add(value);
    stack.push({ node: value, children: childrenOf(value), next: 0 });
    return false;
  };
  let steps = 0;
  if (enter(root)) return true;
  for (let frame = stack.at(-1); frame !== undefined && steps < budget; frame = stack.at(-1)) {
    steps += 1;
    if (frame.next < frame.children.length) {
      if (enter(frame.children[frame.next++])) return true;
    } else {
      stack.pop();
      onPath.delete(frame.node);
      finished.add(frame.node);
    }
  }
  return false;
}

/**
 * Checks a parsed value against {@link YAML_LIMITS}, expanding shared (aliased) nodes as a
 * consumer walking the tree would. Stops as soon as a bound is crossed, so a "billion laughs"
 * document costs at most `maxNodes` steps.
 */
export function checkBounds(
  root: unknown,
  limits: { readonly maxDepth: number; readonly maxNodes: number } = YAML_LIMITS,
): BoundsViolation | undefined {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  let count = 0;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() ?? 0;
    count += 1;
    if (count > limits.maxNodes) {
      return {
        code: 'YAML_ALIAS_LIMIT',
        message: `the document expands to more than ${limits.maxNodes} nodes (aliases count each time they are used)`,
      };
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) {
      return hasCycle(root, limits.maxNodes)
        ? {
            code: 'YAML_ALIAS_LIMIT',
            message: 'an alias refers to a node that contains it (recursive alias)',
          }
        : {
            code: 'YAML_TOO_DEEP',
            message: `the document nests deeper than ${limits.maxDepth} levels`,
          };
    }
    for (const child of childrenOf(value)) {
      values.push(child);
      depths.push(depth + 1);
    }
  }
  return undefined;
}
