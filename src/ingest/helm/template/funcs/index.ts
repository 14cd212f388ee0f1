/** The function registries: Go's builtins, sprig's library, and Helm's additions. */
import { builtinFunctions } from '../builtins.js';
import type { FunctionMap } from '../functions.js';
import { dateFunctions } from './dates.js';
import { dictFunctions } from './dicts.js';
import { encodingFunctions } from './encoding.js';
import { helmFunctions, pathFunctions } from './helm.js';
import { listFunctions } from './lists.js';
import { mathFunctions } from './math.js';
import { regexFunctions } from './regex.js';
import { semverFunctions } from './semver.js';
import { stringFunctions } from './strings.js';
import { typeFunctions } from './types.js';

/** sprig's TxtFuncMap as Helm uses it (without `env`/`expandenv`). */
export const sprigFunctions: FunctionMap = {
  ...stringFunctions,
  ...listFunctions,
  ...dictFunctions,
  ...mathFunctions,
  ...typeFunctions,
  ...encodingFunctions,
  ...regexFunctions,
  ...semverFunctions,
  ...dateFunctions,
  ...pathFunctions,
};

/** Go builtins plus sprig: what a plain `template.New(...).Funcs(sprig.TxtFuncMap())` offers. */
export const goSprigFunctions: FunctionMap = { ...builtinFunctions, ...sprigFunctions };

/** Everything a Helm chart template may call. */
export const helmTemplateFunctions: FunctionMap = { ...goSprigFunctions, ...helmFunctions };

export { builtinFunctions, helmFunctions };
