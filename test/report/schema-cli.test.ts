import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { runCli } from '../cli/run-cli.js';

const schema = JSON.parse(
  readFileSync(new URL('../../docs/report-schema.json', import.meta.url), 'utf8'),
) as object;

function validator(): (data: unknown) => boolean {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('real scan output validates against docs/report-schema.json', () => {
  for (const target of ['examples/', 'examples/secure/']) {
    it(`cubecape scan ${target} -f json`, async () => {
      const run = await runCli(['scan', target, '-f', 'json']);
      const report: unknown = JSON.parse(run.stdout);
      const validate = validator();
      const ok = validate(report);
      assert.ok(ok, JSON.stringify((validate as unknown as { errors: unknown }).errors, null, 2));
    });
  }

  it('a scan with input errors and skipped documents validates too', async () => {
    const run = await runCli(['scan', '-', '-f', 'json'], {
      stdin:
        'a: [1\n---\nnot: kubernetes\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n',
    });
    assert.equal(run.code, 3);
    const validate = validator();
    assert.ok(
      validate(JSON.parse(run.stdout)),
      JSON.stringify((validate as unknown as { errors: unknown }).errors),
    );
  });
});
