import { compileCel, isCompileError } from '../src/policy/cel/compile.js';
import { toCelValue } from '../src/policy/cel/values.js';

const object = toCelValue({
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: Array.from({ length: 3 }, (_, i) => ({
          name: `c${i}`,
          image: `registry.example.com/app:${i}`,
          securityContext: { privileged: false, runAsNonRoot: true },
        })),
      },
    },
  },
});

function bench(name: string, expression: string): void {
  const compiled = compileCel(expression);
  if (isCompileError(compiled)) throw new Error(compiled.error);
  const vars = { object };
  for (let i = 0; i < 10_000; i++) compiled.evaluate(vars);
  const n = 300_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) compiled.evaluate(vars);
  const seconds = (performance.now() - start) / 1000;
  console.log(`${name}: ${Math.round(n / seconds).toLocaleString('en')} evaluations/s`);
}

bench('simple', 'object.spec.replicas <= 5');
bench(
  'complex',
  'object.spec.template.spec.containers.all(c, has(c.securityContext) && c.securityContext.privileged == false && c.image.startsWith("registry.example.com/"))',
);
