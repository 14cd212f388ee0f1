import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMessage } from '../../src/controls/define.js';

describe('formatMessage', () => {
  it('fills every placeholder, including repeated ones and ones at the edges', () => {
    assert.equal(formatMessage('{a} and {b}, again {a}', { a: 'x', b: 2 }), 'x and 2, again x');
    assert.equal(formatMessage('{only}', { only: 'whole' }), 'whole');
  });

  it('keeps unknown placeholders and non-placeholder braces as written', () => {
    assert.equal(
      formatMessage('{known} {unknown} {not a name} {}', { known: 'k' }),
      'k {unknown} {not a name} {}',
    );
  });

  it('returns the template unchanged without data, and does not read inherited properties', () => {
    assert.equal(formatMessage('hello {name}', undefined), 'hello {name}');
    assert.equal(formatMessage('{toString} {constructor}', {}), '{toString} {constructor}');
  });

  it('gives the same text for a template met again (templates are split once and cached)', () => {
    const data = { container: 'web' };
    const first = formatMessage('Container {container} runs as root.', data);
    assert.equal(formatMessage('Container {container} runs as root.', data), first);
    assert.equal(
      formatMessage('Container {container} runs as root.', { container: 'db' }),
      'Container db runs as root.',
    );
  });

  it('still formats correctly once the template cache is full', () => {
    for (let i = 0; i < 5000; i += 1) {
      assert.equal(formatMessage(`message ${i}: {value}`, { value: i }), `message ${i}: ${i}`);
    }
  });
});
