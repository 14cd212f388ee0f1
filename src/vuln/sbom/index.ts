export { writeCycloneDx, TARGET_REF, type CycloneDxOptions } from './cyclonedx-write.js';
export { writeSpdx, SPDX_TARGET_ID } from './spdx-write.js';
export { readSbom, sbomFormatOf, type SbomFormat } from './read.js';
export { contentUuid, isoSeconds, type SbomStamp } from './identity.js';
export {
  purlFacts,
  purlBase,
  parsePurl,
  distroFromQualifier,
  type PurlFacts,
} from './purl-package.js';
