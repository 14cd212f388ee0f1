/**
 * Bounds CEL evaluation. cel-js has no cost tracking, so compiled expressions are instrumented:
 * every comprehension step and every library call ticks the active budget, and the clock is read
 * every 1,024 ticks. Evaluation is synchronous, so one active budget per thread is enough.
 */

/** Limits of one expression evaluation. */
export interface CelLimits {
  /** Comprehension iterations plus library calls (weighted by input size). */
  readonly maxSteps: number;
  /** Wall-clock limit in milliseconds. */
  readonly maxMillis: number;
}

export const DEFAULT_CEL_LIMITS: CelLimits = { maxSteps: 1_000_000, maxMillis: 250 };

/** Thrown when an evaluation exceeds its budget; never caught by CEL's error absorption. */
export class CelBudgetExceeded extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CelBudgetExceeded';
  }
}

interface ActiveBudget {
  steps: number;
  readonly deadline: number;
  readonly limits: CelLimits;
  exceeded: string | undefined;
}

let active: ActiveBudget | undefined;

/** Charges `cost` steps to the running evaluation, throwing once the budget is spent. */
export function tick(cost = 1): void {
  const budget = active;
  if (budget === undefined) return;
  const before = budget.steps;
  budget.steps -= cost;
  if (budget.steps < 0) {
    budget.exceeded ??= `CEL cost limit exceeded (more than ${budget.limits.maxSteps} steps)`;
    throw new CelBudgetExceeded(budget.exceeded);
  }
  if (before >> 10 !== budget.steps >> 10 && performance.now() > budget.deadline) {
    budget.exceeded = `CEL time limit exceeded (more than ${budget.limits.maxMillis} ms)`;
    budget.steps = -1;
    throw new CelBudgetExceeded(budget.exceeded);
  }
}

/**
 * Runs `evaluate` under a fresh budget. The result is discarded when the budget ran out even if
 * CEL absorbed the error (`true || error`), because a partial evaluation is not a verdict.
 */
export function withBudget<T>(limits: CelLimits, evaluate: () => T): T {
  const outer = active;
  const budget: ActiveBudget = {
    steps: limits.maxSteps,
    deadline: performance.now() + limits.maxMillis,
    limits,
    exceeded: undefined,
  };
  active = budget;
  try {
    const result = evaluate();
    if (budget.exceeded !== undefined) throw new CelBudgetExceeded(budget.exceeded);
    return result;
  } finally {
    active = outer;
  }
}
