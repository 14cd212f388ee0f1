/**
 * `cubecape scan --images`: the images the scanned workloads run, pulled from their registries,
 * catalogued and matched against the vulnerability database; the findings join the ScanReport.
 */
import { describeError } from '../core/errors.js';
import { containersOf } from '../model/containers.js';
import type { Resource } from '../model/resource.js';
import { podSpecOf } from '../model/workload.js';
import type {
  ReportError,
  ReportInput,
  ReportVulnerability,
  ScanReport,
} from '../report/scan-report.js';
import {
  compareVulnerabilities,
  summarizeVulnerabilities,
  toReportVulnerabilities,
} from '../report/vuln-report.js';
import { catalogTree, packageQueries } from './catalog/index.js';
import type { VulnDb } from './db/index.js';
import { parseReference } from './image/registry/reference.js';
import { openTarget, type OpenTargetOptions } from './image/target.js';
import { matchPackages } from './match/index.js';

/** One image and the workloads (resource ids) whose containers run it. */
export interface ImageUse {
  /** The reference as the first workload wrote it (`nginx:1.27`, `ghcr.io/o/app@sha256:…`). */
  readonly image: string;
  readonly workloads: readonly string[];
}

/** Same image, however written: `nginx` = `docker.io/library/nginx:latest`. */
function imageKey(image: string): string {
  try {
    const ref = parseReference(image);
    return `${ref.registry}/${ref.repository}:${ref.tag ?? ''}@${ref.digest ?? ''}`;
  } catch {
    return image;
  }
}

/**
 * The distinct images of every container, init container and ephemeral container of the
 * workloads, with the workloads using each, in the order first met. Containers without an
 * image string are left to the controls.
 */
export function imageUses(resources: readonly Resource[]): ImageUse[] {
  const uses = new Map<string, { image: string; workloads: string[] }>();
  for (const resource of resources) {
    const pod = podSpecOf(resource);
    if (pod === undefined) continue;
    for (const ref of containersOf(pod.spec, pod.path)) {
      const image = ref.container['image'];
      if (typeof image !== 'string' || image.trim() === '') continue;
      const key = imageKey(image.trim());
      let use = uses.get(key);
      if (use === undefined) {
        use = { image: image.trim(), workloads: [] };
        uses.set(key, use);
      }
      if (!use.workloads.includes(resource.id)) use.workloads.push(resource.id);
    }
  }
  return [...uses.values()];
}

/** What scanning the images adds to a ScanReport. */
export interface ImageScanResult {
  /** One `image` input per image; an image that could not be read carries `unreadable`. */
  readonly inputs: readonly ReportInput[];
  /** Worst first, each with its image and the workloads using it. */
  readonly vulnerabilities: readonly ReportVulnerability[];
  /** `IMAGE_UNREADABLE` errors (the scan is incomplete) and per-image warnings. */
  readonly errors: readonly ReportError[];
}

export interface ScanImagesOptions {
  /** Platform, `insecure` and credentials for the registry pulls. */
  readonly target: Omit<OpenTargetOptions, 'onProgress'>;
  readonly onProgress?: (done: number, total: number) => void;
}

function usedBy(use: ImageUse): string {
  const [first] = use.workloads;
  const more = use.workloads.length - 1;
  return `used by ${first ?? '?'}${more > 0 ? ` and ${String(more)} more` : ''}`;
}

/**
 * Pulls each image as `registry:IMAGE`, catalogues it and matches its packages against `db`.
 * Images are done one at a time (memory stays bounded); an image that cannot be pulled or read
 * never stops the others: it becomes an unreadable input and an `IMAGE_UNREADABLE` error.
 */
export async function scanImages(
  uses: readonly ImageUse[],
  db: VulnDb,
  options: ScanImagesOptions,
): Promise<ImageScanResult> {
  const inputs: ReportInput[] = [];
  const vulnerabilities: ReportVulnerability[] = [];
  const errors: ReportError[] = [];
  let done = 0;
  for (const use of uses) {
    options.onProgress?.(done, uses.length);
    try {
      const tree = await openTarget(`registry:${use.image}`, options.target);
      let inventory;
      try {
        inventory = await catalogTree(tree);
      } finally {
        await tree.close();
      }
      const matched = matchPackages(db, packageQueries(inventory));
      for (const vuln of toReportVulnerabilities(matched.findings, inventory.packages))
        vulnerabilities.push({ ...vuln, image: use.image, workloads: use.workloads });
      for (const skip of matched.skipped)
        errors.push({
          code: 'VULN_SKIPPED',
          message: `image ${use.image}: ${skip.package.ecosystem}/${skip.package.name}: ${skip.reason}`,
          severity: 'warning',
        });
      for (const note of inventory.notes)
        errors.push({
          code: 'CATALOG_NOTE',
          message: `image ${use.image}: ${note.path === undefined ? '' : `${note.path}: `}${note.message}`,
          severity: 'warning',
        });
      if (inventory.packages.length === 0)
        errors.push({
          code: 'CATALOG_NOTE',
          message: `image ${use.image}: no packages found, nothing to match`,
          severity: 'warning',
        });
      inputs.push({ type: 'image', target: use.image });
    } catch (error) {
      const cause = describeError(error);
      inputs.push({ type: 'image', target: use.image, unreadable: [cause] });
      errors.push({
        code: 'IMAGE_UNREADABLE',
        message: `image ${use.image} (${usedBy(use)}) could not be scanned: ${cause}`,
        severity: 'error',
      });
    }
    done++;
  }
  options.onProgress?.(done, uses.length);
  vulnerabilities.sort(
    (a, b) =>
      compareVulnerabilities(a, b) ||
      ((a.image ?? '') < (b.image ?? '') ? -1 : (a.image ?? '') > (b.image ?? '') ? 1 : 0),
  );
  return { inputs, vulnerabilities, errors };
}

/** The report with the image inputs, errors and vulnerability findings (and their counts) added. */
export function withImageScan(report: ScanReport, scanned: ImageScanResult): ScanReport {
  return {
    ...report,
    inputs: [...report.inputs, ...scanned.inputs],
    summary: {
      ...report.summary,
      vulnerabilities: summarizeVulnerabilities(scanned.vulnerabilities),
    },
    errors: [...report.errors, ...scanned.errors],
    vulnerabilities: scanned.vulnerabilities,
  };
}
