/** Go's argument conversion rules for calling typed functions from templates. */
import type { LiteralNode, NumberNode } from './ast.js';
import { goParamTypeName, type ParamType } from './functions.js';
import { sprintOne } from './go-fmt.js';
import { GoObject, goTypeName, isGoMap, type GoValue } from './values.js';

/** An execution failure before it is located in the template. */
export class ExecFailure extends Error {}

function typeMatches(value: GoValue, type: ParamType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'bigint';
    case 'float64':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'map':
      return isGoMap(value);
    case 'list':
      return Array.isArray(value);
    case 'time':
      return value instanceof GoObject && value.goType === 'time.Time';
  }
}

function canBeNil(type: ParamType): boolean {
  return type === 'any' || type === 'map' || type === 'list';
}

/** Go's validateType: checks a computed value against a parameter type. */
export function validateArg(value: GoValue, type: ParamType): GoValue {
  if (value === undefined || value === null) {
    if (canBeNil(type)) return null;
    if (value === undefined)
      throw new ExecFailure(`invalid value; expected ${goParamTypeName(type)}`);
    throw new ExecFailure(`cannot assign nil to ${goParamTypeName(type)}`);
  }
  if (!typeMatches(value, type)) {
    throw new ExecFailure(
      `wrong type for value; expected ${goParamTypeName(type)}; got ${goTypeName(value)}`,
    );
  }
  return value;
}

/** A number constant in an untyped (`interface{}`) position. */
export function idealConstant(node: NumberNode): GoValue {
  if (node.preferFloat && node.float !== undefined) return node.float;
  if (node.int !== undefined) return node.int;
  throw new ExecFailure(`${node.text} overflows int`);
}

/** A literal argument converted to a parameter type, as Go's evalArg does. */
export function literalArg(node: NumberNode | LiteralNode, type: ParamType): GoValue {
  if (node.kind === 'literal') {
    if (type === 'any') return node.value;
    if (type === 'bool' && typeof node.value === 'boolean') return node.value;
    if (type === 'string' && typeof node.value === 'string') return node.value;
    const found =
      typeof node.value === 'string' ? JSON.stringify(node.value) : sprintOne(node.value);
    const want =
      type === 'bool' ? 'bool' : type === 'string' ? 'string' : type === 'int' ? 'integer' : type;
    throw new ExecFailure(`expected ${want}; found ${found}`);
  }
  switch (type) {
    case 'any':
      return idealConstant(node);
    case 'string':
    case 'bool':
      throw new ExecFailure(`expected ${type}; found ${node.text}`);
    case 'int':
      if (node.int !== undefined) return node.int;
      throw new ExecFailure(`expected integer; found ${node.text}`);
    case 'float64':
      if (node.float !== undefined) return node.float;
      throw new ExecFailure(`expected float; found ${node.text}`);
    default:
      throw new ExecFailure(`can't handle ${node.text} for arg of type ${goParamTypeName(type)}`);
  }
}
