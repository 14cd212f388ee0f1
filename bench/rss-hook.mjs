// Preloaded into the benchmarked process: records its peak RSS (KiB) and CPU time (µs) as JSON
// in the file named by CUBECAPE_BENCH_RSS when it exits. On Linux it adds the main thread's own
// CPU time and the time it spent runnable but waiting for a core (µs, from its schedstat): on a
// 2-core machine V8's compiler and GC threads compete with the scan for the CPU, and this tells
// that contention apart from the scan's own work.
import { readFileSync, writeFileSync } from 'node:fs';

/** `[running, waiting]` in µs for the main thread, or undefined where /proc has no schedstat. */
function mainThreadSchedule() {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    const running = Number(fields[0]);
    const waiting = Number(fields[1]);
    return Number.isFinite(running) && Number.isFinite(waiting)
      ? [running / 1000, waiting / 1000]
      : undefined;
  } catch {
    return undefined;
  }
}

process.on('exit', () => {
  const file = process.env.CUBECAPE_BENCH_RSS;
  if (!file) return;
  const usage = process.resourceUsage();
  const schedule = mainThreadSchedule();
  writeFileSync(
    file,
    JSON.stringify({
      maxRSS: usage.maxRSS,
      cpu: usage.userCPUTime + usage.systemCPUTime,
      ...(schedule === undefined ? {} : { mainCpu: schedule[0], mainWait: schedule[1] }),
    }),
  );
});
