import type { Cataloger } from '../inventory/types.js';
import type { CatalogContext } from './found.js';
import { apkCataloger } from './os/apk.js';
import { dpkgCataloger } from './os/dpkg.js';
import { rpmCataloger } from './os/rpm.js';
import { goBinaryCataloger } from './lang/go-binary.js';
import { javaCataloger } from './lang/java.js';
import { npmCataloger } from './lang/npm.js';
import { pnpmCataloger } from './lang/pnpm.js';
import { pythonCataloger } from './lang/python.js';
import { requirementsCataloger } from './lang/requirements.js';
import { rustBinaryCataloger } from './lang/rust-binary.js';
import {
  dotnetCataloger,
  goModCataloger,
  phpCataloger,
  rubyCataloger,
  rustCataloger,
} from './lang/simple-locks.js';
import { yarnCataloger } from './lang/yarn.js';

/**
 * Every cataloger by name, created afresh for each run (they hold state between `visit` and
 * `finish`).
 */
export const CATALOGERS = {
  dpkg: dpkgCataloger,
  apk: apkCataloger,
  rpm: rpmCataloger,
  npm: npmCataloger,
  yarn: yarnCataloger,
  pnpm: pnpmCataloger,
  python: pythonCataloger,
  'python-requirements': requirementsCataloger,
  go: goModCataloger,
  'go-binary': goBinaryCataloger,
  java: javaCataloger,
  rust: rustCataloger,
  'rust-binary': rustBinaryCataloger,
  ruby: rubyCataloger,
  php: phpCataloger,
  dotnet: dotnetCataloger,
} satisfies Record<string, (context: CatalogContext) => Cataloger>;

export type CatalogerName = keyof typeof CATALOGERS;

/** The names `catalogTree`'s `catalogers` option accepts. */
export const CATALOGER_NAMES = Object.keys(CATALOGERS) as readonly CatalogerName[];
