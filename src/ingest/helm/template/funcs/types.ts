/** sprig's defaults, type inspection and flow-control functions. */
import { fn, FunctionError, type FunctionMap, str } from '../functions.js';
import { goKind, goTypeName, type GoValue } from '../values.js';
import { deepEqual, isEmpty } from './cast.js';

/** The defaults/types family. */
export const typeFunctions: FunctionMap = {
  default: fn(
    ['any'],
    ([d, ...given]) => {
      const [first] = given;
      return given.length === 0 || isEmpty(first) ? d : first;
    },
    'any',
  ),
  empty: fn(['any'], ([v]) => isEmpty(v)),
  coalesce: fn([], (args) => args.find((v) => !isEmpty(v)) ?? null, 'any'),
  all: fn([], (args) => args.every((v) => !isEmpty(v)), 'any'),
  any: fn([], (args) => args.some((v) => !isEmpty(v)), 'any'),
  ternary: fn(['any', 'any', 'bool'], ([t, f, c]) => (c === true ? t : f)),
  typeOf: fn(['any'], ([v]) => goTypeName(v)),
  typeIs: fn(['string', 'any'], ([t, v]) => t === goTypeName(v)),
  typeIsLike: fn(['string', 'any'], ([t, v]) => {
    const name = goTypeName(v);
    return t === name || t === `*${name}`;
  }),
  kindOf: fn(['any'], ([v]) => goKind(v)),
  kindIs: fn(['string', 'any'], ([t, v]) => t === goKind(v)),
  deepEqual: fn(['any', 'any'], ([a, b]) => deepEqual(a, b)),
  fail: fn(['string'], ([msg]) => {
    throw new FunctionError(str(msg));
  }),
};

export type { GoValue };
