/** A single-line progress indicator on stderr, shown only on an interactive terminal. */
export interface Progress {
  update(label: string, done: number, total: number): void;
  done(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const INTERVAL_MS = 80;
/** Fast scans finish before this and never show a spinner. */
const DELAY_MS = 250;

/** The part of a terminal stream the indicator needs. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly columns?: number | undefined;
}

export function createProgress(stream: ProgressStream, enabled: boolean): Progress {
  if (!enabled) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  let frame = 0;
  let shown = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - started < DELAY_MS || (now - last < INTERVAL_MS && done !== total)) return;
      last = now;
      frame = (frame + 1) % FRAMES.length;
      const width = stream.columns !== undefined && stream.columns > 0 ? stream.columns - 1 : 79;
      const text = `${FRAMES[frame] ?? ''} ${label} ${done}/${total}`.slice(0, width);
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
