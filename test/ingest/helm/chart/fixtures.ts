/** Builds throwaway charts and archives for the Helm tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Writes `files` (path → text) under a fresh temporary directory and returns it. */
export function writeTree(
  files: Readonly<Record<string, string>>,
  prefix = 'cubecape-helm-',
): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A tar entry: type `0` file, `2` symlink, `5` directory, `1` hard link. */
export interface TarEntry {
  readonly name: string;
  readonly data?: string | Buffer;
  readonly type?: '0' | '1' | '2' | '5';
  /** Size to claim in the header, when lying about it. */
  readonly size?: number;
}

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(512);
  block.write(entry.name.slice(0, 100), 0, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write('00000000000\0', 136);
  block.write(entry.type ?? '0', 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** A gzipped tar of `entries`. */
export function tgz(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? '');
    parts.push(
      header(entry, entry.size ?? data.length),
      data,
      Buffer.alloc((512 - (data.length % 512)) % 512),
    );
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}

/** A minimal application chart as files. */
export function simpleChart(
  name: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 1.2.3\nappVersion: "4.5"\n`,
    'values.yaml': 'replicas: 1\nimage: nginx:1.25\n',
    'templates/deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .Release.Name }}-{{ .Chart.Name }}',
      'spec:',
      '  replicas: {{ .Values.replicas }}',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: {{ .Values.image }}',
      '',
    ].join('\n'),
    ...extra,
  };
}
