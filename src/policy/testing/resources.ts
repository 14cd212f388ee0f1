import { dirname, isAbsolute, join } from 'node:path';
import { groupOf, identityOf, isRecord, type Resource } from '../../model/resource.js';
import type { TestDocument, TestFile } from './types.js';

/** The documents of files that are objects, paired with the file they came from. */
export function objectsOf(files: readonly TestFile[]): {
  readonly object: Record<string, unknown>;
  readonly file: string;
  readonly doc: TestDocument;
}[] {
  return files.flatMap((file) =>
    file.documents.flatMap((doc) =>
      isRecord(doc.value) ? [{ object: doc.value, file: file.path, doc }] : [],
    ),
  );
}

/** A test resource as the evaluators take it; undefined when it lacks apiVersion or kind. */
export function toResource(object: Record<string, unknown>, file: string): Resource | undefined {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const group = groupOf(apiVersion);
  return {
    id: `${identityOf(group, kind, namespace, name)}@${file}`,
    apiVersion,
    group,
    kind,
    name,
    namespace,
    object,
  };
}

/** Strings of a field that may be one string or a list of them. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Line of a list item (`results[3]`) in a test document, when positions were recorded. */
export function lineOf(
  doc: TestDocument | undefined,
  path: readonly (string | number)[],
): number | undefined {
  return doc?.sourceMap?.locate(path)?.position.line;
}

/** A path a test names, relative to the test file's directory; relative paths stay relative. */
export function besideTest(testFile: string, path: string): string {
  return isAbsolute(path) ? path : join(dirname(testFile), path);
}
