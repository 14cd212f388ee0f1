import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invocationsOf, type Component } from '../../src/controls/control-plane/components.js';
import { makeResource, workloadOf } from '../model/make-resource.js';

/** The components a Deployment whose only container is `container` is found to run. */
function componentsRun(container: Record<string, unknown>): Component[] {
  const resource = makeResource(
    workloadOf('Deployment', { containers: [{ name: 'c', ...container }] }, 'cp', 'ns'),
  );
  const all: Component[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'];
  return all.filter((component) => invocationsOf(resource, component).length > 0);
}

describe('invocationsOf: which control-plane component a container runs', () => {
  it('finds the binary by its path in command, args or a shell string', () => {
    assert.deepEqual(componentsRun({ command: ['/usr/local/bin/kube-apiserver', '--v=2'] }), [
      'kube-apiserver',
    ]);
    assert.deepEqual(componentsRun({ image: 'busybox', args: ['etcd', '--name=a'] }), ['etcd']);
    assert.deepEqual(
      componentsRun({ command: ['/bin/sh', '-c', 'exec "kube-scheduler" --profiling=false'] }),
      ['kube-scheduler'],
    );
  });

  it("finds hyperkube's sub-commands, whose names are shorter than the binaries'", () => {
    assert.deepEqual(componentsRun({ command: ['/hyperkube', 'controller-manager', '--v=2'] }), [
      'kube-controller-manager',
    ]);
    assert.deepEqual(componentsRun({ command: ['hyperkube', 'apiserver'] }), ['kube-apiserver']);
  });

  it("finds the image's entrypoint when there is no command", () => {
    assert.deepEqual(
      componentsRun({ image: 'registry.k8s.io/kube-scheduler-amd64:v1.30.1', args: ['--v=2'] }),
      ['kube-scheduler'],
    );
    // With a command, the image's entrypoint does not run.
    assert.deepEqual(
      componentsRun({ image: 'registry.k8s.io/kube-scheduler:v1.30.1', command: ['sleep'] }),
      [],
    );
  });

  it('does not take a mere mention of a name for the component', () => {
    assert.deepEqual(
      componentsRun({ image: 'nginx', command: ['nginx', '-g', 'daemon off;'] }),
      [],
    );
    assert.deepEqual(
      componentsRun({ image: 'example.com/apiserver-proxy:1', args: ['--etcd-servers=x'] }),
      [],
    );
    assert.deepEqual(componentsRun({ command: ['/bin/kube-apiserver-proxy', 'etcd.yaml'] }), []);
  });
});
