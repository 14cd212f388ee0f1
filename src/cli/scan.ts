import { Command, Option } from '@commander-js/extra-typings';
import { CubecapeError, locationPrefix } from '../core/errors.js';
import type { Severity } from '../core/severity.js';
import { TOOL_VERSION } from '../core/version.js';
import { builtinControls } from '../controls/index.js';
import { applyBaseline } from '../engine/baseline.js';
import { evaluate } from '../engine/evaluate.js';
import { applyExceptions, loadExceptions } from '../engine/exceptions/index.js';
import { judge, type GateVerdict } from '../engine/gate.js';
import { selectControls, selectResources, type Selection } from '../engine/select.js';
import { builtinFrameworks } from '../frameworks/index.js';
import { readScanInputs, skipUnreadable } from '../cluster/scan-inputs.js';
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/types.js';
import type { PssVersion } from '../pss/index.js';
import { buildScanContext } from '../model/build-context.js';
import { buildReport } from '../report/build.js';
import { FORMAT_NAMES } from '../report/formatters/names.js';
import type { ScanReport } from '../report/scan-report.js';
import type { VulnDb } from '../vuln/db/index.js';
import { loadControlsSettings } from './controls-config.js';
import { readPolicies } from './policy-inputs.js';
import { emitReport } from './emit.js';
import { readExceptionFiles, readReportFile } from './governance-inputs.js';
import type { CliIO } from './io.js';
import {
  collectList,
  collectRepeat,
  parseFormats,
  parseGateSeverity,
  parseScore,
  parseSeverity,
  parsePssVersionOption,
  parseSize,
} from './options.js';
import { phaseTimer, type PhaseTimer } from './phase-timer.js';
import { createProgress } from './progress.js';
import { clusterOptionsOf, helmOptionsOf, targetOptionsFrom } from './input-options.js';

/** Parsed `cubecape scan` options, as commander types them from {@link scanCommand}. */
export type ScanOptions = ReturnType<ReturnType<typeof scanCommand>['opts']>;

function selectionOf(options: ScanOptions): Selection {
  return {
    ...(options.framework ? { frameworks: options.framework } : {}),
    ...(options.control ? { controls: options.control } : {}),
    ...(options.excludeControl ? { excludeControls: options.excludeControl } : {}),
    ...(options.includeKinds ? { includeKinds: options.includeKinds } : {}),
    ...(options.excludeKinds ? { excludeKinds: options.excludeKinds } : {}),
    ...(options.namespace ? { namespaces: options.namespace } : {}),
    ...(options.minSeverity ? { minSeverity: options.minSeverity } : {}),
  };
}

/**
 * Reads and checks everything a scan needs besides its inputs — policies, baseline, controls
 * configuration, exceptions — so a typo fails in a second, not after a long scan.
 */
async function prepareScan(options: ScanOptions, io: CliIO) {
  const selection = selectionOf(options);
  const policies = options.policy === undefined ? undefined : await readPolicies(options.policy);
  const allControls = [...builtinControls, ...(policies?.controls ?? [])];
  const allFrameworks =
    policies?.framework === undefined
      ? builtinFrameworks
      : [...builtinFrameworks, policies.framework];
  const { controls, frameworks } = selectControls(allControls, allFrameworks, selection);
  if (options.failOnNew && options.baseline === undefined) {
    throw new CubecapeError(
      'USAGE',
      '--fail-on-new needs --baseline FILE (a JSON report of an earlier scan)',
    );
  }
  const baseline =
    options.baseline === undefined
      ? undefined
      : await readReportFile(options.baseline, io.cwd, 'baseline');
  const imageFlags = (['db', 'platform', 'insecure', 'username', 'password'] as const).filter(
    (flag) => options[flag] !== undefined,
  );
  if (!options.images && imageFlags.length > 0) {
    throw new CubecapeError(
      'USAGE',
      `--${imageFlags.join(', --')} only apply with --images (scan the images the workloads run)`,
    );
  }
  const controlsSettings = await loadControlsSettings(options.config, io);
  const catalog = { controls: allControls, frameworks: allFrameworks };
  const exceptionRules = loadExceptions(
    await readExceptionFiles(options.exceptions ?? [], io.cwd),
    catalog,
  );
  return {
    selection,
    controls,
    frameworks,
    allFrameworks,
    catalog,
    baseline,
    controlsSettings,
    exceptionRules,
  };
}

/** Runs a scan and returns the report; throws CubecapeError on usage errors. */
export async function runScan(
  paths: readonly string[],
  options: ScanOptions,
  io: CliIO,
  timer: PhaseTimer = phaseTimer(false),
): Promise<ScanReport> {
  timer.mark('start-up');
  const started = performance.now();
  const scannedAt = new Date();
  const {
    selection,
    controls,
    frameworks,
    allFrameworks,
    catalog,
    baseline,
    controlsSettings,
    exceptionRules,
  } = await prepareScan(options, io);
  // Opened before the inputs are read, so a missing database fails in a second.
  // The database code (SQLite) loads only with --images.
  const db = options.images ? (await import('./vuln.js')).openDb(options.db, io) : undefined;
  try {
    return await scanWith(paths, options, io, db, timer, {
      started,
      scannedAt,
      selection,
      controls,
      frameworks,
      allFrameworks,
      catalog,
      baseline,
      controlsSettings,
      exceptionRules,
    });
  } finally {
    db?.close();
  }
}

async function scanWith(
  paths: readonly string[],
  options: ScanOptions,
  io: CliIO,
  db: VulnDb | undefined,
  timer: PhaseTimer,
  prepared: Awaited<ReturnType<typeof prepareScan>> & { started: number; scannedAt: Date },
): Promise<ScanReport> {
  const {
    started,
    scannedAt,
    selection,
    controls,
    frameworks,
    allFrameworks,
    catalog,
    baseline,
    controlsSettings,
    exceptionRules,
  } = prepared;
  const showProgress = io.stderr.isTTY === true && io.env['CI'] === undefined;
  const progress = createProgress(io.stderr, showProgress);
  const ingested = await readScanInputs(paths, controls, {
    ...clusterOptionsOf(options, io, progress),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    maxFileBytes: options.maxFileSize,
    readStdin: io.readStdin,
    helm: helmOptionsOf(options),
    onProgress: (done, total) => {
      progress.update('Reading files', done, total);
    },
  });
  timer.mark('read and parse');
  const resources = selectResources(ingested.resources, selection);
  const context = buildScanContext(resources, {
    source: ingested.source,
    settings: {
      pssVersion: options.pssVersion,
      ...(controlsSettings === undefined ? {} : { controls: controlsSettings }),
    },
  });
  timer.mark('index');
  const evaluation = skipUnreadable(
    evaluate(resources, controls, context, {
      onProgress: (done, total) => {
        progress.update('Running controls', done, total);
      },
    }),
    ingested.unreadable,
  );
  timer.mark('controls');
  // Image scanning (registry clients, catalogers, matching) loads only with --images.
  const imageScan = db === undefined ? undefined : await import('../vuln/scan-images.js');
  const images =
    db === undefined || imageScan === undefined
      ? undefined
      : await imageScan.scanImages(imageScan.imageUses(resources), db, {
          target: targetOptionsFrom(options, io),
          onProgress: (done, total) => {
            progress.update('Scanning images', done, total);
          },
        });
  if (images !== undefined) timer.mark('images');
  progress.done();
  const exceptions = applyExceptions(evaluation, exceptionRules.rules, {
    now: scannedAt,
    inline: options.inlineExceptions,
    catalog,
  });
  timer.mark('exceptions');
  const report = buildReport({
    toolVersion: TOOL_VERSION,
    scannedAt,
    durationMs: Math.round(performance.now() - started),
    inputs: ingested.inputs,
    resources,
    evaluation,
    frameworks,
    allFrameworks,
    issues: [...ingested.issues, ...exceptionRules.warnings, ...exceptions.warnings],
    exceptions,
  });
  const withImages =
    images === undefined || imageScan === undefined
      ? report
      : imageScan.withImageScan(report, images);
  const final = baseline === undefined ? withImages : applyBaseline(withImages, baseline);
  timer.mark('report');
  return final;
}

/**
 * Expired exceptions and annotations not honoured change what the gate sees, so they are said on
 * stderr whatever the output format, not only inside the report.
 */
function warnAboutExceptions(report: ScanReport, io: CliIO): void {
  for (const error of report.errors) {
    if (!error.code.startsWith('EXCEPTION_')) continue;
    // The line is enough to find an exception entry; columns would only add noise here.
    const where = locationPrefix({ file: error.file, line: error.line });
    io.stderr.write(`${where}warning: ${error.message} [${error.code}]\n`);
  }
}

/** Scans and emits; the verdict's code is the process exit code. */
export async function scanAction(
  paths: readonly string[],
  options: ScanOptions,
  io: CliIO,
): Promise<GateVerdict> {
  const timer = phaseTimer(io.env['CUBECAPE_DEBUG'] !== undefined);
  const report = await runScan(
    paths.length === 0 && !options.cluster ? ['.'] : paths,
    options,
    io,
    timer,
  );
  await emitReport(
    report,
    {
      formats: options.format ?? ['pretty'],
      output: options.output,
      color: options.color,
      verbose: options.verbose || options.showExcepted,
      junitBy: options.junitBy,
    },
    io,
  );
  timer.mark('output');
  const timings = timer.summary();
  if (timings !== undefined) io.stderr.write(`${timings}\n`);
  warnAboutExceptions(report, io);
  return judge(report, {
    failOn: options.failOn,
    allowIncomplete: options.allowIncomplete,
    newOnly: options.failOnNew,
    ...(options.failUnder === undefined ? {} : { failUnder: options.failUnder }),
  });
}

export function scanCommand() {
  return new Command('scan')
    .description(
      'Scan Kubernetes manifests (files, directories, globs, or - for stdin) with the built-in controls',
    )
    .argument('[paths...]', 'files, directories or globs to scan; - reads stdin', [])
    .option(
      '-f, --format <formats>',
      `output formats, comma-separated: ${FORMAT_NAMES.join(', ')}`,
      parseFormats,
    )
    .option(
      '-o, --output <path>',
      'write the report to this file (one format) or directory (several formats)',
    )
    .option(
      '--exclude <glob>',
      'skip paths matching a glob (repeatable; also read from .cubecapeignore)',
      collectRepeat,
    )
    .option(
      '--framework <ids>',
      'only controls of these frameworks (comma-separated, repeatable)',
      collectList,
    )
    .option('--control <ids>', 'only these controls', collectList)
    .option('--exclude-control <ids>', 'skip these controls', collectList)
    .option('--include-kinds <kinds>', 'only resources of these kinds', collectList)
    .option('--exclude-kinds <kinds>', 'skip resources of these kinds', collectList)
    .option(
      '--namespace <names>',
      'only resources in these namespaces (no namespace counts as default)',
      collectList,
    )
    .option('--cluster', 'scan the live cluster of the kubeconfig context (no paths)', false)
    .option('--kubeconfig <file>', 'cluster: kubeconfig file (default: KUBECONFIG, ~/.kube/config)')
    .option('--context <name>', 'cluster: kubeconfig context (default: the current context)')
    .option('--include-namespaces <names>', 'cluster: only list these namespaces', collectList)
    .option('--exclude-namespaces <names>', 'cluster: do not list these namespaces', collectList)
    .option('--min-severity <severity>', 'only controls at or above this severity', parseSeverity)
    .option(
      '--fail-on <severity>',
      'exit 1 when a finding is at or above this severity (or none)',
      parseGateSeverity,
      'high' as Severity | 'none',
    )
    .option(
      '--fail-under <score>',
      'exit 1 when the overall score is below this (0-100)',
      parseScore,
    )
    .option(
      '--baseline <file>',
      'mark findings new or existing against an earlier JSON report (cubecape scan -f json)',
    )
    .option('--fail-on-new', 'apply --fail-on only to findings not in --baseline', false)
    .option(
      '--exceptions <path>',
      'accepted risks: an exceptions file or directory (repeatable; Kubescape JSON too)',
      collectRepeat,
    )
    .option('--no-inline-exceptions', 'ignore cubecape.io/ignore annotations on resources')
    .option('--show-excepted', 'also list excepted (and skipped) findings', false)
    .option(
      '--allow-incomplete',
      'do not exit 3 when part of the input could not be read or nothing was scanned',
      false,
    )
    .option(
      '--max-file-size <size>',
      'skip files larger than this (e.g. 32MiB)',
      parseSize,
      DEFAULT_MAX_FILE_BYTES,
    )
    .option('--values <file>', 'Helm charts: values file (repeatable)', collectRepeat)
    .option('--set <values>', 'Helm charts: set values, a.b=c,d={x,y} (repeatable)', collectRepeat)
    .option('--set-string <values>', 'Helm charts: like --set, values as strings', collectRepeat)
    .option('--set-file <values>', 'Helm charts: like --set, values read from files', collectRepeat)
    .option('--release-name <name>', 'Helm charts: release name', 'release-name')
    .option('--release-namespace <namespace>', 'Helm charts: release namespace', 'default')
    .option('--kube-version <version>', 'Helm charts: Kubernetes version for .Capabilities')
    .option(
      '--config <file>',
      'controls configuration (kind: ControlsConfig); default: .cubecape.yaml in the working directory',
    )
    .option('--no-config', 'ignore .cubecape.yaml in the working directory')
    .option(
      '--policy <path>',
      'user policies: ValidatingAdmissionPolicy or Kyverno YAML (file or directory, repeatable)',
      collectRepeat,
    )
    .option(
      '--images',
      'also find vulnerabilities in the images the workloads run (pulled from their registries)',
      false,
    )
    .option(
      '--db <file>',
      'images: vulnerability database (default: $CUBECAPE_DB or $XDG_DATA_HOME/cubecape/vuln.db)',
    )
    .option('--platform <os/arch>', 'images: platform to pick from a multi-platform index')
    .option('--insecure', 'images: allow plain-HTTP registries on loopback')
    .option('--username <user>', 'images: registry user name')
    .option(
      '--password <password>',
      'images: registry password or token ($CUBECAPE_REGISTRY_PASSWORD)',
    )
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output (also NO_COLOR=1)')
    .option(
      '--pss-version <version>',
      'Kubernetes version whose Pod Security Standards the pss-* controls apply (v1.0 … v1.37, latest)',
      parsePssVersionOption,
      'latest' as PssVersion,
    )
    .option('-v, --verbose', 'also list skipped findings', false)
    .addOption(
      new Option('--junit-by <grouping>', 'JUnit test suites per control or per resource')
        .choices(['control', 'resource'] as const)
        .default('control' as const),
    );
}
