/**
 * The function registry: what a template may call, with Go parameter types so arguments are
 * checked and converted exactly as Go's reflection-based calls would.
 */
import { sprintOne } from './go-fmt.js';
import type { GoValue } from './values.js';

/**
 * Go parameter types the engine distinguishes. `any` is `interface{}`; `int` accepts only Go
 * integers (not float64 values from values files, as in Go); `float64` accepts only floats.
 */
export type ParamType = 'any' | 'string' | 'int' | 'float64' | 'bool' | 'map' | 'list' | 'time';

/** What a function may ask of the running engine. */
export interface CallContext {
  /** Executes a named template into a string (`include`). */
  readonly executeTemplate: (name: string, data: GoValue) => string;
  /** Parses `text` in the current template set's scope and executes it (`tpl`). */
  readonly executeText: (text: string, data: GoValue) => string;
  /** Deterministic sources for random and time functions. */
  readonly environment: FunctionEnvironment;
  /** Charges the step budget for work done inside a function (e.g. a big `until`). */
  readonly charge: (steps: number) => void;
}

/** Injectable sources of non-determinism. */
export interface FunctionEnvironment {
  /** Uniform float in [0, 1). */
  readonly random: () => number;
  /** Current time in epoch milliseconds. */
  readonly now: () => number;
  /** Local time zone name for date formatting (Go's time.Local); default UTC. */
  readonly timeZone: string;
}

/** A callable template function. */
export interface TemplateFunction {
  readonly params: readonly ParamType[];
  /** Type of trailing variadic arguments, if the function is variadic. */
  readonly variadic?: ParamType;
  /** Throw an `Error` to fail like a Go function returning an error. */
  readonly call: (args: GoValue[], ctx: CallContext) => GoValue;
}

/** Named functions; later registrations override earlier ones, as Go's Funcs does. */
export type FunctionMap = Readonly<Record<string, TemplateFunction>>;

/** Shorthand for defining a function. */
export function fn(
  params: readonly ParamType[],
  call: (args: GoValue[], ctx: CallContext) => GoValue,
  variadic?: ParamType,
): TemplateFunction {
  return variadic === undefined ? { params, call } : { params, variadic, call };
}

/** Go's spelling of a parameter type, for error messages. */
export function goParamTypeName(type: ParamType): string {
  switch (type) {
    case 'any':
      return 'interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'list':
      return '[]interface {}';
    case 'time':
      return 'time.Time';
    default:
      return type;
  }
}

/** Thrown for `fail`-style errors whose text should reach the user unchanged. */
export class FunctionError extends Error {}

/** A validated argument as a string (Go `string` params arrive as strings; others print as `%v`). */
export function str(value: GoValue): string {
  return typeof value === 'string' ? value : sprintOne(value);
}
