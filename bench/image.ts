/**
 * `node --import tsx bench/image.ts`: generates a ~200 MB, 10-layer docker-archive (many small
 * text files, some incompressible executables, gzip layers), then, in a fresh process, opens it and
 * catalogs it with every cataloger (`catalogTree`, as `cubecape sbom` does): the package.json files
 * and the executables (go-binary and rust-binary look at them) are read. Prints wall time and peak
 * RSS of the measuring process; target <= 3 s and <= 300 MB. Asserts nothing. Set
 * KEEP_BENCH_IMAGE=1 to keep the archive and rerun with `--measure FILE`.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { catalogTree } from '../src/vuln/catalog/index.js';
import { openTarget } from '../src/vuln/image/target.js';

const LAYERS = 10;
const SMALL_FILES = 2500;
const BINARIES = 2;
const BINARY_BYTES = 9 * 1024 * 1024;

async function layerTar(index: number): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  for (let file = 0; file < SMALL_FILES; file += 1) {
    const dir = file % 100 === 0 ? 'node_modules/pkg' : 'usr/share/doc';
    const name =
      file % 100 === 0 ? `${dir}${index}-${file}/package.json` : `${dir}/l${index}/f${file}.txt`;
    const text = `{"name":"pkg${index}-${file}","version":"1.${file}.0","description":"${'lorem ipsum '.repeat(200 + (file % 300))}"}`;
    pack.entry({ name, mode: 0o644 }, text);
  }
  for (let bin = 0; bin < BINARIES; bin += 1) {
    pack.entry({ name: `usr/bin/tool${index}-${bin}`, mode: 0o755 }, randomBytes(BINARY_BYTES));
  }
  if (index > 0) pack.entry({ name: `usr/share/doc/l${index - 1}/.wh.f1.txt`, mode: 0o644 }, '');
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

async function generate(file: string): Promise<void> {
  const outer = tar.pack();
  const writing = pipeline(outer, createWriteStream(file));
  const diffIds: string[] = [];
  const names: string[] = [];
  for (let index = 0; index < LAYERS; index += 1) {
    const raw = await layerTar(index);
    diffIds.push(`sha256:${createHash('sha256').update(raw).digest('hex')}`);
    names.push(`l${index}/layer.tar`);
    outer.entry({ name: `l${index}/layer.tar` }, gzipSync(raw, { level: 1 }));
  }
  const config = JSON.stringify({
    os: 'linux',
    architecture: 'amd64',
    rootfs: { type: 'layers', diff_ids: diffIds },
  });
  outer.entry({ name: 'config.json' }, config);
  outer.entry(
    { name: 'manifest.json' },
    JSON.stringify([{ Config: 'config.json', RepoTags: ['bench:1'], Layers: names }]),
  );
  outer.finalize();
  await writing;
}

/**
 * Peak RSS of this process in MB. Linux's `VmHWM` belongs to the address space, so it starts afresh
 * at exec; `resourceUsage().maxRSS` does not (exec keeps the larger of the parent's peak at fork
 * time and its own), which made the child report the generating parent's ~340 MB.
 */
function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function measure(file: string): Promise<void> {
  const start = performance.now();
  const tree = await openTarget(`docker-archive:${file}`);
  const opened = performance.now();
  const openRssMb = peakRssMb();
  const inventory = await catalogTree(tree);
  await tree.close();
  const end = performance.now();
  console.log(
    `image catalog: ${tree.entries.size} entries, ${inventory.packages.length} packages (all catalogers); open ${(opened - start).toFixed(0)} ms, catalog ${(end - opened).toFixed(0)} ms, total ${((end - start) / 1000).toFixed(2)} s (target <= 3 s); peak RSS ${peakRssMb().toFixed(0)} MB (after open ${openRssMb.toFixed(0)} MB; target <= 300 MB)`,
  );
}

if (process.argv[2] === '--measure' && process.argv[3] !== undefined) {
  await measure(process.argv[3]);
} else {
  const work = mkdtempSync(join(tmpdir(), 'cubecape-bench-image-'));
  try {
    const file = join(work, 'image.tar');
    const start = performance.now();
    await generate(file);
    console.log(
      `generated ${(statSync(file).size / 1e6).toFixed(0)} MB, ${LAYERS} layers in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    spawnSync(
      process.execPath,
      ['--import', 'tsx', new URL(import.meta.url).pathname, '--measure', file],
      { stdio: 'inherit' },
    );
  } finally {
    if (process.env.KEEP_BENCH_IMAGE === undefined) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}
