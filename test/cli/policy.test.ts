import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ScanReport } from '../../src/report/scan-report.js';
import { runCli } from './run-cli.js';

const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: max-replicas
  annotations:
    cubecape.io/severity: high
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: [apps]
        apiVersions: [v1]
        operations: [CREATE, UPDATE]
        resources: [deployments]
  validations:
    - expression: object.spec.replicas <= 2
      messageExpression: "'replicas ' + string(object.spec.replicas) + ' > 2'"
`;

function deployment(name: string, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: registry.example.com/app:1.0.0}]
`;
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-policy-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('cubecape scan --policy', () => {
  it('judges resources with user CEL policies, scored and gated like built-in controls', async () => {
    const dir = tempDir({
      'policy.yaml': POLICY,
      'app.yaml': `${deployment('big', 5)}---\n${deployment('small', 1)}`,
    });
    const run = await runCli([
      'scan',
      join(dir, 'app.yaml'),
      '--policy',
      join(dir, 'policy.yaml'),
      '--framework',
      'policies',
      '-f',
      'json',
    ]);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as ScanReport;
    const failed = report.findings.filter((f) => f.status === 'failed');
    assert.deepEqual(
      failed.map((f) => [f.controlId, f.resourceId, f.message]),
      [['vap:max-replicas', 'apps/Deployment/shop/big', 'replicas 5 > 2']],
    );
    assert.equal(failed[0]?.location?.line, 5);
    assert.deepEqual(
      report.frameworks.map((f) => [f.id, f.score]),
      [['policies', 50]],
    );
  });

  it('is a usage error (2) when a policy does not compile or nothing is a policy', async () => {
    const broken = tempDir({ 'p.yaml': POLICY.replace('<= 2', '<= ') });
    const run = await runCli(['scan', 'examples/secure', '--policy', join(broken, 'p.yaml')]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.lastStderrLine, /max-replicas/);
    const none = tempDir({ 'p.yaml': deployment('x', 1) });
    assert.equal(
      (await runCli(['scan', 'examples/secure', '--policy', join(none, 'p.yaml')])).code,
      2,
    );
  });
});

const KYVERNO = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-team-label
  annotations:
    policies.kyverno.io/severity: high
spec:
  validationFailureAction: Enforce
  rules:
    - name: check-team
      match:
        any:
          - resources:
              kinds: [Deployment]
      validate:
        message: "label 'team' is required"
        pattern:
          metadata:
            labels:
              team: "?*"
`;

describe('cubecape scan --policy with Kyverno', () => {
  it('judges resources with Kyverno ClusterPolicies next to the built-in controls', async () => {
    const dir = tempDir({ 'kyverno.yaml': KYVERNO, 'app.yaml': deployment('web', 1) });
    const run = await runCli([
      'scan',
      join(dir, 'app.yaml'),
      '--policy',
      join(dir, 'kyverno.yaml'),
      '--framework',
      'policies',
      '-f',
      'json',
    ]);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as ScanReport;
    const failed = report.findings.filter((f) => f.status === 'failed');
    assert.deepEqual(
      failed.map((f) => f.controlId),
      ['kyverno:require-team-label/check-team'],
    );
  });
});
