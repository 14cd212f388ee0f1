import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CLI_V8_FLAGS, v8FlagsFor } from '../../bin/v8-tuning.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('V8 tuning of the launcher', () => {
  it('limits inlining, relaxes heap growth and raises the tier-up budget when node was started without such flags', () => {
    assert.deepEqual(v8FlagsFor([]), [
      '--max-inlined-bytecode-size=60',
      '--heap-growing-percent=900',
      '--interrupt-budget=135168',
    ]);
    assert.deepEqual(
      v8FlagsFor(['--max-old-space-size=512', '--enable-source-maps']),
      CLI_V8_FLAGS,
    );
  });

  it("leaves the user's own inlining choice alone, in either spelling", () => {
    for (const flag of [
      '--max-inlined-bytecode-size=460',
      '--max_inlined_bytecode_size=100',
      '--no-turbo-inlining',
      '--noturbo-inlining',
      '--turbo-inlining',
    ])
      assert.deepEqual(
        v8FlagsFor([flag]),
        ['--heap-growing-percent=900', '--interrupt-budget=135168'],
        flag,
      );
  });

  it("leaves the user's own heap growth alone and still limits inlining", () => {
    for (const flag of ['--heap-growing-percent=0', '--heap_growing_percent=50'])
      assert.deepEqual(
        v8FlagsFor([flag]),
        ['--max-inlined-bytecode-size=60', '--interrupt-budget=135168'],
        flag,
      );
  });

  it("leaves the user's own tier-up budget alone", () => {
    for (const flag of ['--interrupt-budget=67584', '--interrupt_budget=1000'])
      assert.deepEqual(
        v8FlagsFor([flag]),
        ['--max-inlined-bytecode-size=60', '--heap-growing-percent=900'],
        flag,
      );
    assert.deepEqual(
      v8FlagsFor([
        '--heap-growing-percent=100',
        '--max-inlined-bytecode-size=460',
        '--interrupt-budget=67584',
      ]),
      [],
    );
  });

  // setFlagsFromString ignores names V8 does not know, so a renamed flag would silently stop
  // working; node itself refuses an unknown flag on its command line.
  it('sets only flags this V8 knows', () => {
    for (const flag of CLI_V8_FLAGS) {
      const result = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${flag}: ${result.stderr}`);
      assert.equal(result.stderr, '');
    }
  });

  it('runs the built CLI when the user chose an inlining flag', () => {
    const result = spawnSync(
      process.execPath,
      ['--max-inlined-bytecode-size=100', join(root, 'bin/cubecape.js'), '--version'],
      { encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\d+\.\d+\.\d+/);
  });
});
