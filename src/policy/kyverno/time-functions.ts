import { CubecapeError } from '../../core/errors.js';
import { parseDuration } from './quantities.js';

let clock: () => number = () => Date.now();

/** Replaces the clock `time_now*` functions read (tests pin it). Returns the previous one. */
export function setKyvernoClock(now: () => number): () => number {
  const previous = clock;
  clock = now;
  return previous;
}

export function nowMillis(): number {
  return clock();
}

/** RFC 3339 in UTC without fractional seconds, as Go prints it. */
export function formatTime(millis: number): string {
  return new Date(Math.floor(millis / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function parseTime(text: unknown): number {
  if (typeof text !== 'string') throw new CubecapeError('CONTROL_ERROR', 'expected a time string');
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) throw new CubecapeError('CONTROL_ERROR', `invalid time ${text}`);
  return millis;
}

/** Seconds as a Go duration string (`1h2m3s`, `0s`). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  rest = Math.round((rest - minutes * 60) * 1e9) / 1e9;
  let out = sign;
  if (hours > 0) out += `${hours}h`;
  if (hours > 0 || minutes > 0) out += `${minutes}m`;
  return `${out}${rest}s`;
}

export function durationSeconds(text: unknown): number {
  const seconds = parseDuration(text);
  if (seconds === undefined) throw new CubecapeError('CONTROL_ERROR', 'expected a duration');
  return seconds;
}

/** `minute hour day month weekday` of a time, in UTC. */
export function timeToCron(text: unknown): string {
  const date = new Date(parseTime(text));
  return `${date.getUTCMinutes()} ${date.getUTCHours()} ${date.getUTCDate()} ${date.getUTCMonth() + 1} ${date.getUTCDay()}`;
}
