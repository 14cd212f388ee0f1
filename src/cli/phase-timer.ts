/**
 * Where a scan spends its time, for `CUBECAPE_DEBUG=1`: each phase's wall time, printed on stderr
 * before the exit line. A no-op unless enabled, so a normal scan pays nothing for it.
 */
export interface PhaseTimer {
  /** Ends the phase running since the previous mark (or since the process started). */
  mark(phase: string): void;
  /** One line naming every phase marked so far; undefined when the timer is off. */
  summary(): string | undefined;
}

const OFF: PhaseTimer = { mark: () => undefined, summary: () => undefined };

export function phaseTimer(enabled: boolean): PhaseTimer {
  if (!enabled) return OFF;
  // performance.now() counts from the start of the process: the first phase is Node.js and
  // cubecape starting up.
  let last = 0;
  const phases: string[] = [];
  return {
    mark(phase) {
      const now = performance.now();
      phases.push(`${phase} ${Math.round(now - last)} ms`);
      last = now;
    },
    summary: () => `cubecape: timings: ${phases.join(', ')} (${Math.round(last)} ms in all)`,
  };
}
