/** A Node whose status.nodeInfo holds `info`. */
export function nodeWith(info: unknown): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'worker-1' },
    status: { nodeInfo: info },
  };
}
