import type { ResourceBounds } from '../config/controls-settings.js';
import { parseQuantity } from '../config/quantity.js';

/** How a set quantity compares with its configured bounds. */
export type BoundVerdict =
  { readonly verdict: 'below' | 'above'; readonly bound: string } | { readonly verdict: 'invalid' };

/**
 * Judges one CPU or memory quantity against configured bounds; undefined when no bound is
 * configured for it or it lies within them.
 */
export function judgeBounds(
  value: unknown,
  resource: 'cpu' | 'memory',
  bounds: ResourceBounds,
): BoundVerdict | undefined {
  const range = bounds[resource];
  if (range?.min === undefined && range?.max === undefined) return undefined;
  const quantity = parseQuantity(value);
  if (quantity === undefined) return { verdict: 'invalid' };
  if (range.min !== undefined && quantity < range.min.value)
    return { verdict: 'below', bound: range.min.text };
  if (range.max !== undefined && quantity > range.max.value)
    return { verdict: 'above', bound: range.max.text };
  return undefined;
}

/** A quantity as text for messages and evidence. */
export function quantityText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : typeof value;
}
