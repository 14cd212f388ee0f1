import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileCel, isCompileError } from '../../../src/policy/cel/compile.js';
import { toCelValue } from '../../../src/policy/cel/values.js';

const object = toCelValue({
  metadata: { name: 'web' },
  spec: {
    replicas: 3,
    ratio: 0.5,
    template: { spec: { containers: [{ name: 'a', image: 'nginx:1' }] } },
  },
});

function run(expression: string): unknown {
  const compiled = compileCel(expression);
  if (isCompileError(compiled)) throw new Error(compiled.error);
  return compiled.evaluate({ object });
}

const cases: readonly [string, string, unknown][] = [
  ['bigint arithmetic', 'object.spec.replicas + 1', 4n],
  ['doubles stay doubles', 'object.spec.ratio * 2.0', 1],
  ['has() on missing field', 'has(object.spec.missing)', false],
  ['optional field', 'object.spec.?missing.orValue(7)', 7n],
  ['optional.of', 'optional.of(1).hasValue()', true],
  ['all macro', 'object.spec.template.spec.containers.all(c, c.image.contains(":"))', true],
  ['RE2 case-insensitive flag', '"ABC".matches("(?i)abc")', true],
  ['RE2 no backtracking blow-up', '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!".matches("(a+)+$")', false],
  ['find', '"abc123".find("[0-9]+")', '123'],
  ['findAll with limit', '"a1b2c3".findAll("[0-9]", 2)', ['1', '2']],
  ['charAt', '"héllo".charAt(1)', 'é'],
  ['replace with limit', '"aaa".replace("a", "b", 2)', 'bba'],
  ['reverse', '"abc".reverse()', 'cba'],
  ['format', '"%s has %d".format(["x", 3])', 'x has 3'],
  ['isSorted', '[1, 2, 2, 3].isSorted()', true],
  ['sum', '[1, 2, 3].sum()', 6n],
  ['min / max', '[3, 1, 2].min() + [3, 1, 2].max()', 4n],
  ['indexOf / lastIndexOf', '[1, 2, 1].indexOf(1) + [1, 2, 1].lastIndexOf(1)', 2n],
  ['quantity compare', 'quantity("1Gi").isGreaterThan(quantity("1000Mi"))', true],
  ['quantity add', 'quantity("500m").add(quantity("1")).compareTo(quantity("1.5"))', 0n],
  ['isQuantity rejects junk', 'isQuantity("1.5.5")', false],
  ['quantity asInteger', 'quantity("2k").asInteger()', 2000n],
  ['cidr contains ip', 'cidr("10.0.0.0/8").containsIP("10.1.2.3")', true],
  ['cidr excludes ip', 'cidr("10.0.0.0/8").containsIP(ip("11.0.0.1"))', false],
  ['ipv6 loopback', 'ip("::1").isLoopback()', true],
  ['isIP rejects leading zero', 'isIP("010.0.0.1")', false],
  ['url host', 'url("https://example.com:8443/a?b=c").getHostname()', 'example.com'],
  ['url query', 'url("https://x.io/?a=1&a=2").getQuery()["a"]', ['1', '2']],
  ['semver compare', 'semver("1.2.3").isLessThan(semver("1.10.0"))', true],
  ['semver prerelease', 'semver("1.0.0-rc.1").isLessThan(semver("1.0.0"))', true],
  ['isSemver', 'isSemver("1.2")', false],
];

describe('Kubernetes CEL libraries', () => {
  for (const [name, expression, expected] of cases) {
    it(name, () => {
      assert.deepEqual(run(expression), expected);
    });
  }

  const failing: readonly [string, string][] = [
    ['int overflow', 'object.spec.replicas * 9223372036854775807'],
    ['bad quantity', 'quantity("abc")'],
    ['bad regex', '"a".matches("(")'],
    ['min of empty list', '[].min()'],
    ['bad ip', 'ip("300.1.1.1")'],
  ];
  for (const [name, expression] of failing) {
    it(`errors: ${name}`, () => {
      assert.throws(() => run(expression));
    });
  }

  it('rejects expressions that do not parse', () => {
    assert.ok(isCompileError(compileCel('object.spec.(')));
  });

  it('stops a hostile nested comprehension within 1 s', () => {
    const list = '[1,2,3,4,5,6,7,8,9,10]';
    let expression = 'f';
    for (const v of ['a', 'b', 'c', 'd', 'e', 'f']) expression = `${list}.map(${v}, ${expression})`;
    const start = performance.now();
    assert.throws(() => run(expression), /limit exceeded/);
    assert.ok(performance.now() - start < 1000);
  });

  it('records the object path an expression reads', () => {
    const compiled = compileCel('object.spec.replicas <= 5');
    assert.ok(!isCompileError(compiled));
    assert.deepEqual(compiled.objectPath, ['spec', 'replicas']);
  });
});
