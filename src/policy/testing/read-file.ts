import { CubecapeError } from '../../core/errors.js';
import { readRegularFile } from '../../ingest/read-input.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../ingest/types.js';
import { parseYamlStream } from '../../ingest/yaml-stream.js';
import type { ReadTestFile, TestFile } from './types.js';

/** Parses YAML or JSON text as a test file; the first syntax error throws with its location. */
export function parseTestFile(text: string, path: string): TestFile {
  const stream = parseYamlStream(text, path);
  const broken = stream.issues.find((issue) => issue.severity === 'error');
  if (broken !== undefined) {
    throw new CubecapeError(broken.code, broken.message, {
      file: broken.file ?? path,
      line: broken.line,
      column: broken.column,
    });
  }
  return {
    path,
    documents: stream.documents.map((doc) => ({
      value: doc.value,
      position: doc.position,
      sourceMap: doc.sourceMap,
    })),
  };
}

/**
 * A reader for test runs over real files: each file is read (through ingest, with its size and
 * binary checks) and parsed once, however many tests name it.
 */
export function fileReader(maxBytes: number = DEFAULT_MAX_FILE_BYTES): ReadTestFile {
  const cache = new Map<string, Promise<TestFile>>();
  return (path) => {
    let pending = cache.get(path);
    if (pending === undefined) {
      pending = readRegularFile(path, maxBytes).then((outcome) => {
        if (!outcome.ok) {
          const { issue } = outcome;
          // ingest words a missing file as one that vanished mid-scan; here it was never there.
          const message = issue.message.startsWith('disappeared')
            ? 'file not found'
            : issue.message;
          throw new CubecapeError(issue.code, message, { file: issue.file ?? path });
        }
        return parseTestFile(outcome.text, path);
      });
      cache.set(path, pending);
    }
    return pending;
  };
}
