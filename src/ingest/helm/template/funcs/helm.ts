/**
 * Helm's additions to sprig: YAML/JSON/TOML conversions, `include`, `tpl`, `required`, `fail`
 * and an offline `lookup`.
 */
import { posix } from 'node:path';
import { parseToml, TomlError } from '../../../../core/toml.js';
import { kubernetesYamlSchema } from '../../../yaml-schema.js';
import { fn, FunctionError, type FunctionMap, str } from '../functions.js';
import { isGoMap, mapGet, mapSet, newMap, type GoMap, type GoValue } from '../values.js';
import { fromJsValue, parseGoJson, toGoJson } from './go-json.js';
import { toToml } from './toml-emit.js';
import { toGoYaml } from './yaml-emit.js';
import { jsYaml } from '../../../../core/lazy-require.js';

function errorMap(message: string): GoMap {
  const out = newMap();
  mapSet(out, 'Error', message);
  return out;
}

/** encoding/json's name for a JSON value's kind in unmarshal errors. */
function jsonKind(value: GoValue): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  return 'number';
}

/** go-yaml's error shape, `yaml: line N: reason`, from a js-yaml exception. */
function yamlErrorText(error: unknown): string {
  if (error instanceof jsYaml().YAMLException) {
    return `yaml: line ${String(error.mark.line + 1)}: ${error.reason}`;
  }
  return `yaml: ${error instanceof Error ? error.message : String(error)}`;
}

function loadFirstYaml(text: string): GoValue {
  const docs = jsYaml().loadAll(text, undefined, { schema: kubernetesYamlSchema() });
  return fromJsValue(docs[0] ?? null);
}

function fromYaml(text: string): GoValue {
  try {
    const value = loadFirstYaml(text);
    if (value === null) return newMap();
    if (!isGoMap(value)) {
      return errorMap(
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(value)} into Go value of type map[string]interface {}`,
      );
    }
    return value;
  } catch (error) {
    return errorMap(`error converting YAML to JSON: ${yamlErrorText(error)}`);
  }
}

function fromYamlArray(text: string): GoValue {
  try {
    const value = loadFirstYaml(text);
    if (value === null) return [];
    if (!Array.isArray(value))
      return [
        `error unmarshaling JSON: json: cannot unmarshal object into Go value of type []interface {}`,
      ];
    return value;
  } catch (error) {
    return [`error converting YAML to JSON: ${yamlErrorText(error)}`];
  }
}

function fromJsonMap(text: string): GoValue {
  try {
    const value = parseGoJson(text);
    return isGoMap(value)
      ? value
      : errorMap(
          `json: cannot unmarshal ${jsonKind(value)} into Go value of type map[string]interface {}`,
        );
  } catch (error) {
    return errorMap(error instanceof Error ? error.message : String(error));
  }
}

function fromJsonArray(text: string): GoValue {
  try {
    const value = parseGoJson(text);
    return Array.isArray(value)
      ? value
      : ['json: cannot unmarshal object into Go value of type []interface {}'];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * Helm's `fromToml`: the document as a map, or a map holding only `Error` when it does not parse
 * (the message is ours, not BurntSushi/toml's). Integers become int64, date-times strings.
 */
function fromToml(text: string): GoValue {
  try {
    return fromJsValue(parseToml(text, { bigints: true }));
  } catch (error) {
    return errorMap(error instanceof TomlError ? `toml: ${error.message}` : String(error));
  }
}

function toYaml(value: GoValue): string {
  try {
    return toGoYaml(value).replace(/\n$/, '');
  } catch {
    return '';
  }
}

/** Helm's function additions; `include` and `tpl` run through the executing template set. */
export const helmFunctions: FunctionMap = {
  toYaml: fn(['any'], ([v]) => toYaml(v)),
  toYamlPretty: fn(['any'], ([v]) => toYaml(v)),
  fromYaml: fn(['string'], ([s]) => fromYaml(str(s))),
  fromYamlArray: fn(['string'], ([s]) => fromYamlArray(str(s))),
  toJson: fn(['any'], ([v]) => {
    try {
      return toGoJson(v);
    } catch {
      return '';
    }
  }),
  fromJson: fn(['string'], ([s]) => fromJsonMap(str(s))),
  fromJsonArray: fn(['string'], ([s]) => fromJsonArray(str(s))),
  toToml: fn(['any'], ([v]) => {
    try {
      return toToml(v);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }),
  fromToml: fn(['string'], ([s]) => fromToml(str(s))),
  include: fn(['string', 'any'], ([name, data], ctx) => ctx.executeTemplate(str(name), data)),
  tpl: fn(['string', 'any'], ([text, data], ctx) =>
    ctx.executeText(str(text), data).replaceAll('<no value>', ''),
  ),
  required: fn(['string', 'any'], ([warn, value]) => {
    if (value === null || value === undefined || value === '') throw new FunctionError(str(warn));
    return value;
  }),
  fail: fn(['string'], ([msg]) => {
    throw new FunctionError(str(msg));
  }),
  lookup: fn(['string', 'string', 'string', 'string'], () => newMap()),
};

/** sprig's urlJoin: a URL from urlParse-style parts. */
function urlJoin(d: GoMap): string {
  const part = (key: string): string => {
    const v = mapGet(d, key);
    return typeof v === 'string' ? v : '';
  };
  const scheme = part('scheme');
  const userinfo = part('userinfo');
  const host = part('host');
  const authority =
    host === '' && userinfo === '' ? '' : `//${userinfo === '' ? '' : `${userinfo}@`}${host}`;
  const query = part('query');
  const fragment = part('fragment');
  return `${scheme === '' ? '' : `${scheme}:`}${authority}${part('path')}${query === '' ? '' : `?${query}`}${fragment === '' ? '' : `#${fragment}`}`;
}

function urlParse(text: string): GoValue {
  const m =
    /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/(?:([^@/?#]*)@)?([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(
      text,
    );
  const out = newMap();
  const host = m?.[3] ?? '';
  const fields: [string, string][] = [
    ['scheme', m?.[1] ?? ''],
    ['userinfo', m?.[2] ?? ''],
    ['host', host],
    ['hostname', host.replace(/:\d*$/, '').replace(/^\[(.*)\]$/, '$1')],
    ['path', m?.[4] ?? ''],
    ['query', m?.[5] ?? ''],
    ['fragment', m?.[6] ?? ''],
    ['opaque', ''],
  ];
  for (const [k, v] of fields) mapSet(out, k, v);
  return out;
}

/** sprig's path and URL helpers (POSIX paths, as Go's `path` package). */
const pathBase: FunctionMap = {
  base: fn(['string'], ([p]) => (str(p) === '' ? '.' : posix.basename(str(p)) || '/')),
  dir: fn(['string'], ([p]) => posix.dirname(str(p))),
  clean: fn(['string'], ([p]) =>
    str(p) === '' ? '.' : posix.normalize(str(p)).replace(/(.)\/$/, '$1'),
  ),
  ext: fn(['string'], ([p]) => posix.extname(str(p))),
  isAbs: fn(['string'], ([p]) => str(p).startsWith('/')),
  urlParse: fn(['string'], ([s]) => urlParse(str(s))),
  urlJoin: fn(['map'], ([d]) => urlJoin(isGoMap(d) ? d : newMap())),
  hello: fn([], () => 'Hello!'),
};

/** Path helpers plus sprig's `os*` aliases (Linux semantics, matching a Linux Helm binary). */
export const pathFunctions: FunctionMap = {
  ...pathBase,
  osBase: pathBase.base ?? fn(['string'], () => ''),
  osClean: pathBase.clean ?? fn(['string'], () => ''),
  osDir: pathBase.dir ?? fn(['string'], () => ''),
  osExt: pathBase.ext ?? fn(['string'], () => ''),
  osIsAbs: pathBase.isAbs ?? fn(['string'], () => false),
};
