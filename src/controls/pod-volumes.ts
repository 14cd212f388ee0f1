import type { JsonPath } from '../core/json-path.js';
import { containersOf, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import type { PodSpecRef } from '../model/workload.js';

/** One entry of a pod spec's `volumes` list. */
export interface VolumeRef {
  readonly volume: Readonly<Record<string, unknown>>;
  readonly name: string | undefined;
  readonly index: number;
  /** e.g. `['spec', 'volumes', 2]`. */
  readonly path: JsonPath;
}

/** A container's mount of a volume. */
export interface MountRef {
  readonly container: ContainerRef;
  readonly mount: Readonly<Record<string, unknown>>;
  /** e.g. `['spec', 'containers', 0, 'volumeMounts', 1]`. */
  readonly path: JsonPath;
}

/** The object entries of a pod spec's `volumes`; anything else is ignored. */
export function volumesOf(pod: PodSpecRef): VolumeRef[] {
  const volumes = pod.spec['volumes'];
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((volume: unknown, index): VolumeRef[] =>
    isRecord(volume)
      ? [
          {
            volume,
            name: typeof volume['name'] === 'string' ? volume['name'] : undefined,
            index,
            path: pod.path.concat('volumes', index),
          },
        ]
      : [],
  );
}

/** Every container mount (all container lists) of the volume named `name`. */
export function mountsOf(pod: PodSpecRef, name: string): MountRef[] {
  return containersOf(pod.spec, pod.path).flatMap((container) => {
    const mounts = container.container['volumeMounts'];
    if (!Array.isArray(mounts)) return [];
    return mounts.flatMap((mount: unknown, index): MountRef[] =>
      isRecord(mount) && mount['name'] === name
        ? [{ container, mount, path: container.path.concat('volumeMounts', index) }]
        : [],
    );
  });
}

/** How a message names a volume: `"data"`, or `volumes[2]` when unnamed. */
export function describeVolume(ref: VolumeRef): string {
  return ref.name === undefined ? `volumes[${ref.index}]` : `"${ref.name}"`;
}

/** The hostPath path of a volume, when it is a hostPath volume with a string path. */
export function hostPathOf(ref: VolumeRef): string | undefined {
  const hostPath = ref.volume['hostPath'];
  if (!isRecord(hostPath)) return undefined;
  const path = hostPath['path'];
  return typeof path === 'string' ? path : undefined;
}

/** A host path without trailing slashes (but `/` stays `/`). */
export function normalizeHostPath(path: string): string {
  const trimmed = path.trim();
  return trimmed.length > 1 ? trimmed.replace(/\/+$/, '') : trimmed;
}
