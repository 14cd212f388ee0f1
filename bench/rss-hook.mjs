// Preloaded into the benchmarked process: records its peak RSS (KiB) in the file named by
// CUBECAPE_BENCH_RSS when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.CUBECAPE_BENCH_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
