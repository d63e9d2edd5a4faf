// The deployment examples: each Kubernetes manifest validated against the Kubernetes API schemas
// (kubernetes-models, generated from the official OpenAPI definitions), and held to what the hub
// needs — probes on /health at the port serve listens on, the store on a volume (SQLite) or from a
// Secret (PostgreSQL), tokens from a Secret, SQLite kept to one replica. No container engine runs on
// the build machine, so the Dockerfile is checked as text, not built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

type Manifest = Record<string, any>;

const MODELS: Record<string, () => Promise<new (data: Manifest) => { validate(): void }>> = {
  'apps/v1/Deployment': async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment,
  'v1/Service': async () => (await import('kubernetes-models/v1/Service')).Service,
  'v1/PersistentVolumeClaim': async () => (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim,
};

function manifests(file: string): Manifest[] {
  const docs = parseAllDocuments(readFileSync(join(PROJECT_ROOT, 'deploy', file), 'utf8'));
  for (const doc of docs) expect(doc.errors).toEqual([]);
  return docs.map((doc) => doc.toJS() as Manifest);
}

async function validate(manifest: Manifest): Promise<void> {
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  const model = MODELS[key];
  if (!model) throw new Error(`no schema for ${key} in the test: add it`);
  const Model = await model();
  new Model(manifest).validate();
}

const hubContainer = (deployment: Manifest) => deployment.spec.template.spec.containers.find((c: Manifest) => c.name === 'hub');
const flag = (args: string[], name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

describe('deploy/', () => {
  it('kubernetes.yaml: valid Kubernetes objects; one SQLite replica with its store on a volume, tokens from a Secret, probes on /health', async () => {
    const all = manifests('kubernetes.yaml');
    for (const m of all) await validate(m);
    expect(all.map((m) => m.kind)).toEqual(['PersistentVolumeClaim', 'Deployment', 'Service']);
    const deployment = all[1];
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy.type).toBe('Recreate');
    const container = hubContainer(deployment);
    expect(flag(container.args, 'port')).toBe('8787');
    expect(container.ports[0]).toMatchObject({ name: 'http', containerPort: 8787 });
    for (const probe of [container.readinessProbe, container.livenessProbe]) expect(probe.httpGet).toEqual({ path: '/health', port: 'http' });
    const store = flag(container.args, 'store')!;
    const data = container.volumeMounts.find((v: Manifest) => v.name === 'data');
    expect(store.startsWith(`${data.mountPath}/`)).toBe(true);
    const volumes = deployment.spec.template.spec.volumes;
    expect(volumes.find((v: Manifest) => v.name === 'data').persistentVolumeClaim.claimName).toBe(all[0].metadata.name);
    const tokens = container.volumeMounts.find((v: Manifest) => v.name === 'tokens');
    expect(flag(container.args, 'tokens-file')).toBe(`${tokens.mountPath}/tokens`);
    expect(volumes.find((v: Manifest) => v.name === 'tokens').secret.secretName).toBe('custodian-hub-tokens');
    expect(all[2].spec.selector).toEqual(deployment.spec.template.metadata.labels);
  });

  it('kubernetes-postgres.yaml: valid Kubernetes objects; replicas on PostgreSQL with the URL and tokens from a Secret', async () => {
    const all = manifests('kubernetes-postgres.yaml');
    for (const m of all) await validate(m);
    const deployment = all.find((m) => m.kind === 'Deployment')!;
    expect(deployment.spec.replicas).toBeGreaterThan(1);
    const container = hubContainer(deployment);
    expect(flag(container.args, 'store')).toBe('$(CUSTODIAN_HUB_STORE)');
    expect(container.env.find((e: Manifest) => e.name === 'CUSTODIAN_HUB_STORE').valueFrom.secretKeyRef).toEqual({ name: 'custodian-hub', key: 'store' });
    for (const probe of [container.readinessProbe, container.livenessProbe]) expect(probe.httpGet.path).toBe('/health');
  });

  it('the schema check catches a broken manifest', async () => {
    const [, deployment] = manifests('kubernetes.yaml');
    const broken = structuredClone(deployment);
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'eighty';
    await expect(validate(broken)).rejects.toThrow();
    const missing = structuredClone(deployment);
    delete missing.spec.selector;
    await expect(validate(missing)).rejects.toThrow();
  });

  it('Dockerfile: runs serve on 8787 as an unprivileged user with the store on /data', () => {
    const text = readFileSync(join(PROJECT_ROOT, 'deploy', 'Dockerfile'), 'utf8');
    expect(text).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^EXPOSE 8787$/m);
    expect(text).toMatch(/^VOLUME \["\/data"\]$/m);
    const entry = JSON.parse(/^ENTRYPOINT (.*)$/m.exec(text)![1]);
    const cmd = JSON.parse(/^CMD (.*)$/m.exec(text)![1]);
    expect(entry).toEqual(['node', 'bin/custodian.js', 'serve']);
    expect(cmd).toEqual(['--host', '0.0.0.0', '--port', '8787', '--store', '/data/hub.sqlite', '--tokens-file', '/etc/custodian/tokens']);
  });
});
