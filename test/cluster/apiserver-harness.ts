/**
 * Starts a real etcd + kube-apiserver on loopback for the live-cluster tests: binaries built by
 * build-apiserver.sh (cached), certificates generated with the openssl CLI, fixtures created
 * through the API, and two kubeconfigs: an admin (system:masters) and a restricted user whose
 * RBAC cannot list secrets or networking.k8s.io objects.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ApiServer {
  readonly url: string;
  readonly adminKubeconfig: string;
  readonly restrictedKubeconfig: string;
  readonly dir: string;
  stop(): Promise<void>;
}

const BUILD_SCRIPT = new URL('./build-apiserver.sh', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
    server.on('error', reject);
  });
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function clientCert(dir: string, name: string, subject: string): void {
  openssl(dir, ['genrsa', '-out', `${name}.key`, '2048']);
  openssl(dir, ['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    `${name}.crt`,
  ]);
}

function makeCertificates(dir: string): void {
  openssl(dir, ['genrsa', '-out', 'ca.key', '2048']);
  openssl(dir, [
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-subj',
    '/CN=cubecape-test-ca',
    '-days',
    '2',
    '-out',
    'ca.crt',
  ]);
  writeFileSync(
    join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  openssl(dir, ['genrsa', '-out', 'server.key', '2048']);
  openssl(dir, [
    'req',
    '-new',
    '-key',
    'server.key',
    '-subj',
    '/CN=kube-apiserver',
    '-out',
    'server.csr',
  ]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.crt',
  ]);
  clientCert(dir, 'admin', '/O=system:masters/CN=cubecape-admin');
  clientCert(dir, 'restricted', '/CN=cubecape-restricted');
  openssl(dir, ['genrsa', '-out', 'sa.key', '2048']);
  openssl(dir, ['rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub']);
}

function kubeconfig(dir: string, url: string, user: string, context: string): string {
  const path = join(dir, `${user}.kubeconfig`);
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: test`,
      '  cluster:',
      `    server: ${url}`,
      `    certificate-authority: ${join(dir, 'ca.crt')}`,
      'users:',
      `- name: ${user}`,
      '  user:',
      `    client-certificate: ${join(dir, `${user}.crt`)}`,
      `    client-key: ${join(dir, `${user}.key`)}`,
      'contexts:',
      `- name: ${context}`,
      '  context: { cluster: test, user: ' + user + ' }',
      `current-context: ${context}`,
      '',
    ].join('\n'),
  );
  return path;
}

/** One HTTPS call as the admin; resolves with status and body. */
export function adminRequest(
  server: { url: string; dir: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        ca: readFileSync(join(server.dir, 'ca.crt')),
        cert: readFileSync(join(server.dir, 'admin.crt')),
        key: readFileSync(join(server.dir, 'admin.key')),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        timeout: 20_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timeout`)));
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

async function waitReady(
  server: { url: string; dir: string },
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`kube-apiserver exited ${child.exitCode}:\n${log().slice(-3000)}`);
    try {
      const res = await adminRequest(server, 'GET', '/readyz');
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`kube-apiserver not ready within 120 s:\n${log().slice(-3000)}`);
}

function spawnLogged(bin: string, args: string[]): { child: ChildProcess; log: () => string } {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const keep = (chunk: Buffer): void => {
    text = (text + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, log: () => text };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Builds (or reuses) the binaries and starts etcd + kube-apiserver; throws with logs on failure. */
export async function startApiServer(): Promise<ApiServer> {
  const binDir = execFileSync('bash', [BUILD_SCRIPT], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-apiserver-'));
  makeCertificates(dir);
  const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const etcd = spawnLogged(join(binDir, 'etcd'), [
    '--data-dir',
    join(dir, 'etcd'),
    '--listen-client-urls',
    `http://127.0.0.1:${etcdPort}`,
    '--advertise-client-urls',
    `http://127.0.0.1:${etcdPort}`,
    '--listen-peer-urls',
    `http://127.0.0.1:${peerPort}`,
    '--initial-advertise-peer-urls',
    `http://127.0.0.1:${peerPort}`,
    '--initial-cluster',
    `default=http://127.0.0.1:${peerPort}`,
    '--log-level',
    'error',
  ]);
  const api = spawnLogged(join(binDir, 'kube-apiserver'), [
    `--etcd-servers=http://127.0.0.1:${etcdPort}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${apiPort}`,
    `--tls-cert-file=${join(dir, 'server.crt')}`,
    `--tls-private-key-file=${join(dir, 'server.key')}`,
    `--client-ca-file=${join(dir, 'ca.crt')}`,
    `--service-account-key-file=${join(dir, 'sa.pub')}`,
    `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
    '--service-account-issuer=https://kubernetes.default.svc',
    '--service-cluster-ip-range=10.96.0.0/24',
    '--authorization-mode=RBAC',
    '--allow-privileged=true',
    '--disable-admission-plugins=ServiceAccount',
    `--cert-dir=${join(dir, 'certs')}`,
  ]);
  const url = `https://127.0.0.1:${apiPort}`;
  const stop = async (): Promise<void> => {
    await stopChild(api.child);
    await stopChild(etcd.child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady({ url, dir }, api.child, () => `${api.log()}\n--- etcd ---\n${etcd.log()}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    dir,
    adminKubeconfig: kubeconfig(dir, url, 'admin', 'test-admin'),
    restrictedKubeconfig: kubeconfig(dir, url, 'restricted', 'test-restricted'),
    stop,
  };
}

/** Collection path of a fixture object (only the kinds the fixtures use). */
function collectionOf(object: Record<string, unknown>): string {
  const kind = String(object['kind']);
  const namespace = (object['metadata'] as { namespace?: string }).namespace;
  const ns = namespace === undefined ? '' : `/namespaces/${namespace}`;
  const table: Record<string, string> = {
    Namespace: '/api/v1/namespaces',
    ServiceAccount: `/api/v1${ns}/serviceaccounts`,
    Secret: `/api/v1${ns}/secrets`,
    ConfigMap: `/api/v1${ns}/configmaps`,
    Service: `/api/v1${ns}/services`,
    Deployment: `/apis/apps/v1${ns}/deployments`,
    NetworkPolicy: `/apis/networking.k8s.io/v1${ns}/networkpolicies`,
    Role: `/apis/rbac.authorization.k8s.io/v1${ns}/roles`,
    RoleBinding: `/apis/rbac.authorization.k8s.io/v1${ns}/rolebindings`,
    ClusterRole: '/apis/rbac.authorization.k8s.io/v1/clusterroles',
    ClusterRoleBinding: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
  };
  const path = table[kind];
  if (path === undefined) throw new Error(`fixture kind ${kind} has no collection path`);
  return path;
}

/** Creates fixture objects in order as the admin; throws on any non-201 answer. */
export async function createObjects(
  server: ApiServer,
  objects: readonly Record<string, unknown>[],
): Promise<void> {
  for (const object of objects) {
    const res = await adminRequest(server, 'POST', collectionOf(object), object);
    if (res.status !== 201) {
      throw new Error(`creating ${String(object['kind'])}: HTTP ${res.status}: ${res.body}`);
    }
  }
}
