import { createHash } from 'node:crypto';
import { toJsonPointer } from '../../core/json-path.js';
import type { ReportFinding, ReportResource } from '../scan-report.js';

/**
 * A resource's identity without the `@file#document` suffix that ingest appends when two inputs
 * define the same object. Which copy gets the suffix depends on input order, so identities that
 * must survive between scans leave it out (and add the file instead).
 */
export function baseResourceId(resourceId: string, resource: ReportResource | undefined): string {
  if (resource?.source === undefined) return resourceId;
  const marker = `@${resource.source.file}#${String(resource.source.documentIndex)}`;
  const at = resourceId.lastIndexOf(marker);
  return at > 0 ? resourceId.slice(0, at) : resourceId;
}

/**
 * A fingerprint of a finding that does not change when lines move: SHA-256 (hex) of the control,
 * message id, resource identity, JSON Pointer of the offending node and the file it is in.
 * Line and column are left out on purpose; the file tells apart copies of one object.
 */
export function findingFingerprint(
  finding: ReportFinding,
  resource: ReportResource | undefined,
  file: string | undefined,
): string {
  const parts = [
    finding.controlId,
    finding.messageId,
    baseResourceId(finding.resourceId, resource),
    toJsonPointer(finding.path),
    file ?? '',
  ];
  // A JSON array, not a separator: any character can occur in names and keys.
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A UUID-shaped id (version 8, "custom") from a hex digest, for formats that want UUIDs. */
export function uuidFromDigest(digest: string): string {
  const hex = digest.padEnd(32, '0');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
