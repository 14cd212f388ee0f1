/**
 * Start-up cost control. The CLI bundle keeps its dependencies external, so a static import of a
 * package loads it for every command, `--version` included. The packages below are needed only
 * by some commands (js-yaml and picomatch only for some inputs), and all of them ship CommonJS,
 * so they are required synchronously on first use instead: call sites stay synchronous, and a
 * command that never reaches one never pays for it. Use the accessors here for values, and
 * `import type` for types.
 *
 * Every use in src goes through these accessors, so the process holds one copy of each package:
 * packages with separate ESM and CommonJS builds (re2js, jmespath, fzstd, js-yaml) would
 * otherwise load twice, with two JMESPath function registries and two sets of classes for
 * `instanceof` (js-yaml's YAMLException among them).
 *
 * ESM-only packages (@marcbachmann/cel-js) load the same way through require(esm), which Node
 * runs without a flag from 20.19 on (the `engines` floor in package.json) and which returns the
 * one module instance that an `import` would.
 */
import { createRequire } from 'node:module';
import type * as Jmespath from '@jmespath-community/jmespath';
import type * as Cel from '@marcbachmann/cel-js';
import type * as AjvModule from 'ajv';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type * as Fzstd from 'fzstd';
import type * as JsYaml from 'js-yaml';
import type * as KubernetesClient from '@kubernetes/client-node';
import type * as PackageUrl from 'packageurl-js';
import type PicomatchFn from 'picomatch';
import type * as Re2js from 're2js';
import type * as TarStream from 'tar-stream';
import type * as Tinyglobby from 'tinyglobby';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);

/**
 * A memoised accessor that `require`s module `id` on its first call. The module's type is the
 * caller's to assert, as `() => typeof Module` from an `import type * as Module`.
 */
export function lazyModule(id: string): () => unknown {
  let loaded: unknown;
  return () => (loaded ??= require(id) as unknown);
}

export const yaml = lazyModule('yaml') as () => typeof Yaml;
export const ajv = lazyModule('ajv') as () => typeof AjvModule;
export const ajv2020 = lazyModule('ajv/dist/2020.js') as () => typeof Ajv2020Module;
export const jmespath = lazyModule('@jmespath-community/jmespath') as () => typeof Jmespath;
export const re2js = lazyModule('re2js') as () => typeof Re2js;
export const packageUrl = lazyModule('packageurl-js') as () => typeof PackageUrl;
export const tarStream = lazyModule('tar-stream') as () => typeof TarStream;
export const fzstd = lazyModule('fzstd') as () => typeof Fzstd;
export const cel = lazyModule('@marcbachmann/cel-js') as () => typeof Cel;
export const tinyglobby = lazyModule('tinyglobby') as () => typeof Tinyglobby;
/** Manifests go through cubecape's own YAML reader; js-yaml reads only what that reader leaves. */
export const jsYaml = lazyModule('js-yaml') as () => typeof JsYaml;
/** picomatch: needed only for glob arguments, `--exclude`, ignore files and exception patterns. */
export const picomatch = lazyModule('picomatch') as () => typeof PicomatchFn;
/**
 * The Kubernetes client (an ES module), only for live clusters: loading it costs several hundred
 * milliseconds and some 40 MB. Required, not imported: the bundled CLI runs as a vm.Script whose
 * code comes from a V8 code cache, and such code cannot reach Node.js's loader through import().
 */
export const kubernetesClient = lazyModule(
  '@kubernetes/client-node',
) as () => typeof KubernetesClient;
