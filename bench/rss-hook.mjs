// Preloaded into the benchmarked process: records its peak RSS (KiB) and CPU time (µs) as JSON
// in the file named by CUBECAPE_BENCH_RSS when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.CUBECAPE_BENCH_RSS;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(
    file,
    JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }),
  );
});
