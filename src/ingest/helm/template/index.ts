/**
 * A Go `text/template` engine with sprig's and Helm's functions, for rendering Helm charts
 * in-process. Entry points: `parseTemplates` / `TemplateSet` to parse and execute,
 * `helmTemplateFunctions` as the function registry, `fromJsValue` to turn decoded values into the
 * engine's Go value model (numbers become float64, as Helm's values do).
 */
export { parseTemplates, TemplateSet, helmTemplateOrder, seededRandom } from './template-set.js';
export type { ExecuteOptions } from './template-set.js';
export {
  builtinFunctions,
  goSprigFunctions,
  helmFunctions,
  helmTemplateFunctions,
  sprigFunctions,
} from './funcs/index.js';
export { fn, FunctionError, str } from './functions.js';
export type {
  CallContext,
  FunctionEnvironment,
  FunctionMap,
  ParamType,
  TemplateFunction,
} from './functions.js';
export { TemplateError } from './template-error.js';
export type { WriteTrace } from './exec.js';
export type { TemplateErrorCode } from './template-error.js';
export { fromJsValue, parseGoJson, toGoJson } from './funcs/go-json.js';
export { toGoYaml } from './funcs/yaml-emit.js';
export { GoObject, isGoMap, mapGet, mapSet, newMap } from './values.js';
export type { GoList, GoMap, GoValue } from './values.js';
export type { MissingKey } from './eval.js';
