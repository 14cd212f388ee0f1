import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from '@commander-js/extra-typings';
import { ERROR_CODES, isCubecapeError } from '../core/errors.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import { renderChartPath, renderedText, templatePathOf } from '../ingest/helm/index.js';
import { TemplateError } from '../ingest/helm/template/index.js';
import {
  buildKustomization,
  isKustomizationPath,
  kustomizeText,
} from '../ingest/kustomize/index.js';
import type { CliIO } from './io.js';
import { helmOptionsOf } from './input-options.js';
import { collectRepeat } from './options.js';

/** Parsed `cubecape render` options. */
export type RenderCommandOptions = ReturnType<ReturnType<typeof renderOptions>['opts']>;

/** Where a render error happened, as the user would open it: `chart/templates/x.yaml:12`. */
function located(
  error: Error & { file?: string | undefined; line?: number | undefined },
  chart: string,
): string {
  if (error instanceof TemplateError) {
    const file = `${chart.replace(/\/+$/, '')}/${templatePathOf(error.templateName)}`;
    return `${file}${error.line === undefined ? '' : `:${String(error.line)}`}: ${error.message}`;
  }
  const where = [error.file, error.line].filter((part) => part !== undefined).join(':');
  return where === '' ? error.message : `${where}: ${error.message}`;
}

/**
 * Renders a chart like `helm template` (or builds a kustomization like `kustomize build`) and
 * prints (or writes) the manifests cubecape would scan. Template, values, chart and kustomization
 * errors exit 3 with their location.
 */
export async function renderAction(
  chart: string,
  options: RenderCommandOptions,
  io: CliIO,
): Promise<{ code: ExitCode; reason?: string }> {
  let text: string;
  const kustomization = await isKustomizationPath(chart);
  try {
    if (kustomization) {
      text = kustomizeText(await buildKustomization(chart));
    } else {
      const helm = helmOptionsOf({ ...options, releaseNamespace: options.namespace });
      text = renderedText(await renderChartPath(chart, helm));
    }
  } catch (error) {
    if (!isCubecapeError(error)) throw error;
    const kind = (ERROR_CODES as Record<string, string>)[error.code];
    const code = kind === 'input' ? EXIT.INCOMPLETE : EXIT.USAGE;
    io.stderr.write(`${located(error, chart)} [${error.code}]\n`);
    const what = kustomization ? 'kustomization could not be built' : 'chart could not be rendered';
    return { code, reason: `the ${what} (${error.code})` };
  }
  if (options.output === undefined) io.stdout.write(text);
  else await writeFile(resolve(io.cwd, options.output), text);
  return { code: EXIT.OK };
}

function renderOptions() {
  return new Command('render')
    .description(
      'Render a Helm chart (directory or .tgz) as `helm template` does, or build a kustomization ' +
        'directory as `kustomize build` does: what scan would read',
    )
    .argument(
      '<chart>',
      'chart directory (with Chart.yaml), packaged .tgz, or directory with a kustomization file',
    )
    .option('-f, --values <file>', 'values file (repeatable; later files win)', collectRepeat)
    .option('--set <values>', 'set values: a.b=c,d[0]=e,f={x,y} (repeatable)', collectRepeat)
    .option('--set-string <values>', 'like --set, but every value is a string', collectRepeat)
    .option(
      '--set-file <values>',
      'like --set, each value a file whose content is used',
      collectRepeat,
    )
    .option('--release-name <name>', 'release name (.Release.Name)', 'release-name')
    .option('-n, --namespace <namespace>', 'release namespace (.Release.Namespace)', 'default')
    .option('--kube-version <version>', 'Kubernetes version for .Capabilities (e.g. 1.30.0)')
    .option(
      '--api-versions <version>',
      'extra API version for .Capabilities.APIVersions (repeatable)',
      collectRepeat,
    )
    .option('--include-crds', 'also print the files of crds/ directories', false)
    .option('-o, --output <file>', 'write the manifests to this file instead of stdout');
}

/** The `render` command; its action stores the exit code and reason in `result`. */
export function renderCommand(io: CliIO, result: { code: ExitCode; reason?: string }) {
  return renderOptions().action(async (chart, options) => {
    const outcome = await renderAction(chart, options, io);
    result.code = outcome.code;
    if (outcome.reason !== undefined) result.reason = outcome.reason;
  });
}
