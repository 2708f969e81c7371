// The Kubernetes manifests (deploy/k8s): every overlay renders with `kubectl kustomize`, every
// rendered object validates offline against the Kubernetes API schemas (the kubernetes-models
// package's JSON schemas), and the platform's conventions hold: each app's Deployment has
// readiness and liveness probes on its health routes, resource requests and limits, an HPA and a
// PDB aimed at it, runs as non-root on a read-only root file system; migrations and topics run
// as Jobs; each variable set on a container is one the code reads.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';

const ROOT = join(import.meta.dirname, '..');
const OVERLAYS = join(ROOT, 'deploy/k8s/overlays');
const APPS = ['meetings', 'membership', 'performance', 'priorities', 'web', 'workflow'];
const SERVICES = APPS.filter((app) => app !== 'web');

interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface EnvVar {
  name: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface Container {
  name: string;
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  securityContext?: { readOnlyRootFilesystem?: boolean; runAsNonRoot?: boolean };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  volumes?: { name: string; emptyDir?: object; secret?: { secretName: string } }[];
}
interface Workload extends Obj {
  spec: { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
}

function render(overlay: string): Obj[] {
  const yaml = execFileSync('kubectl', ['kustomize', join(OVERLAYS, overlay)], {
    encoding: 'utf8',
  });
  return loadAll(yaml).filter((doc): doc is Obj => doc !== null && typeof doc === 'object');
}

type Models = Record<string, new (data: unknown) => { validate(): void }>;
const modelsByVersion = new Map<string, Models | undefined>();

/**
 * The kubernetes-models module of an API version (`apps/v1` -> `kubernetes-models/apps/v1`),
 * imported one at a time: Jest's ES module loader fails imports of one module made in parallel.
 */
async function modelsOf(apiVersion: string): Promise<Models | undefined> {
  if (!modelsByVersion.has(apiVersion)) {
    const models = (await import(`kubernetes-models/${apiVersion}`).catch(() => undefined)) as
      Models | undefined;
    modelsByVersion.set(apiVersion, models);
  }
  return modelsByVersion.get(apiVersion);
}

async function schemaProblems(object: Obj): Promise<string[]> {
  const name = `${object.kind}/${object.metadata.name}`;
  const Model = (await modelsOf(object.apiVersion))?.[object.kind];
  if (Model === undefined) {
    return [`${name}: no schema for ${object.apiVersion} ${object.kind}`];
  }
  // kustomize folds long base64 values over lines; the API server's decoder skips line breaks,
  // the schema's "byte" format does not.
  const data =
    object.kind === 'Secret' && object.data
      ? Object.fromEntries(
          Object.entries(object.data).map(([key, value]) => [key, value.replace(/\s+/g, '')]),
        )
      : object.data;
  try {
    new Model({ ...object, ...(data && { data }) }).validate();
    return [];
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
}

/** Every identifier-like word in the code the image runs: the variables it can read. */
function wordsInCode(): Set<string> {
  const words = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (/\.(ts|mjs|sh)$/.test(entry.name) && !entry.name.includes('spec.')) {
        for (const word of readFileSync(path, 'utf8').match(/[A-Z][A-Z0-9_]+/g) ?? []) {
          words.add(word);
        }
      }
    }
  };
  for (const dir of ['apps', 'libs', 'scripts', 'deploy/docker']) {
    walk(join(ROOT, dir));
  }
  return words;
}

const overlays = readdirSync(OVERLAYS).sort();
const codeWords = wordsInCode();

it('has a dev and a production overlay', () => {
  expect(overlays).toEqual(expect.arrayContaining(['dev', 'production']));
});

describe.each(overlays)('overlay %s', (overlay) => {
  const objects = render(overlay);
  const ofKind = <T extends Obj = Obj>(kind: string) =>
    objects.filter((object) => object.kind === kind) as T[];
  const appDeployments = ofKind<Workload>('Deployment').filter((deployment) =>
    ['service', 'web'].includes(deployment.metadata.labels?.['app.kubernetes.io/component'] ?? ''),
  );
  const jobs = ofKind<Workload>('Job');
  const platformPods = [...appDeployments, ...jobs];

  it('validates every object against the Kubernetes API schemas', async () => {
    const problems: string[] = [];
    for (const object of objects) {
      problems.push(...(await schemaProblems(object)));
    }
    expect(problems).toEqual([]);
  });

  it('has one Deployment and one Service per app', () => {
    expect(appDeployments.map((d) => d.metadata.name).sort()).toEqual(APPS);
    const services = ofKind('Service').map((s) => s.metadata.name);
    expect(services).toEqual(expect.arrayContaining(APPS));
  });

  it('probes each app on its health routes', () => {
    const probes = appDeployments.map((deployment) => {
      const [container] = deployment.spec.template.spec.containers;
      return {
        app: deployment.metadata.name,
        readiness: container?.readinessProbe?.httpGet?.path,
        liveness: container?.livenessProbe?.httpGet?.path,
      };
    });
    expect(probes).toEqual(
      APPS.map((app) => ({
        app,
        // The web app holds no connections: it has no readiness of its own.
        readiness: SERVICES.includes(app) ? '/health/ready' : '/health/live',
        liveness: '/health/live',
      })).sort((a, b) => APPS.indexOf(a.app) - APPS.indexOf(b.app)),
    );
  });

  it('gives every platform container resource requests and limits', () => {
    const missing = platformPods.flatMap((workload) =>
      workload.spec.template.spec.containers
        .filter((c) => !(c.resources?.requests?.cpu && c.resources.requests.memory))
        .concat(
          workload.spec.template.spec.containers.filter(
            (c) => !(c.resources?.limits?.cpu && c.resources.limits.memory),
          ),
        )
        .map((c) => `${workload.kind}/${workload.metadata.name}: ${c.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('runs the platform as non-root on a read-only root file system, with /tmp where it serves', () => {
    const problems = platformPods.flatMap((workload) => {
      const pod = workload.spec.template.spec;
      const where = `${workload.kind}/${workload.metadata.name}`;
      return pod.containers.flatMap((container) => {
        const found: string[] = [];
        if (
          (container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) !== true
        ) {
          found.push(`${where}: ${container.name} may run as root`);
        }
        if (container.securityContext?.readOnlyRootFilesystem !== true) {
          found.push(`${where}: ${container.name} has a writable root file system`);
        }
        const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
        const emptyDir = pod.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir;
        if (workload.kind === 'Deployment' && emptyDir === undefined) {
          found.push(`${where}: ${container.name} has no emptyDir on /tmp`);
        }
        return found;
      });
    });
    expect(problems).toEqual([]);
  });

  it('aims an HPA and a PDB at each app Deployment', () => {
    const hpas = ofKind<Obj & { spec: { scaleTargetRef: { kind: string; name: string } } }>(
      'HorizontalPodAutoscaler',
    );
    const pdbs = ofKind<Obj & { spec: { selector: { matchLabels: Record<string, string> } } }>(
      'PodDisruptionBudget',
    );
    const missing = appDeployments.flatMap((deployment) => {
      const name = deployment.metadata.name;
      const labels = deployment.spec.template.metadata.labels;
      const hpa = hpas.some(
        (h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name,
      );
      const pdb = pdbs.some((p) =>
        Object.entries(p.spec.selector.matchLabels).every(([key, value]) => labels[key] === value),
      );
      return [...(hpa ? [] : [`${name}: no HPA`]), ...(pdb ? [] : [`${name}: no PDB`])];
    });
    expect(missing).toEqual([]);
  });

  it('scales to one replica on a laptop and to two or more in production', () => {
    const minimums = ofKind<Obj & { spec: { minReplicas: number } }>('HorizontalPodAutoscaler').map(
      (hpa) => hpa.spec.minReplicas,
    );
    expect(minimums).toHaveLength(APPS.length);
    for (const minimum of minimums) {
      if (overlay === 'dev') {
        expect(minimum).toBe(1);
      } else {
        expect(minimum).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('runs migrations and topic creation as Jobs, and no service migrates at boot', () => {
    const scripts = jobs.map((job) =>
      JSON.stringify(job.spec.template.spec.containers.map((c) => c)),
    );
    expect(scripts.some((s) => s.includes('dist/scripts/migrations.js run'))).toBe(true);
    expect(scripts.some((s) => s.includes('dist/scripts/create-topics.js'))).toBe(true);
    const config = ofKind('ConfigMap').find((c) => c.metadata.name.startsWith('platform-config'));
    expect(config?.data?.['MIGRATE_ON_BOOT']).toBe('false');
  });

  it('refuses all traffic but what a policy allows', () => {
    const policies = ofKind<Obj & { spec: { podSelector: object; policyTypes: string[] } }>(
      'NetworkPolicy',
    );
    const denyAll = policies.find(
      (p) => Object.keys(p.spec.podSelector).length === 0 && p.metadata.name === 'default-deny',
    );
    expect(denyAll?.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
  });

  it('sets only variables the code reads', () => {
    const configMaps = new Map(ofKind('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));
    // ConfigMap keys read through configMapKeyRef under another name are not variables.
    const renamed = new Set(
      platformPods.flatMap((w) =>
        w.spec.template.spec.containers.flatMap((c) =>
          (c.env ?? []).flatMap((e) => e.valueFrom?.configMapKeyRef?.key ?? []),
        ),
      ),
    );
    const names = platformPods.flatMap((w) =>
      w.spec.template.spec.containers.flatMap((c) => [
        ...(c.env ?? []).map((e) => e.name),
        ...(c.envFrom ?? []).flatMap((from) =>
          Object.keys(configMaps.get(from.configMapRef?.name ?? '') ?? {}).filter(
            (key) => !renamed.has(key),
          ),
        ),
      ]),
    );
    expect(names.length).toBeGreaterThan(APPS.length);
    expect([...new Set(names.filter((name) => !codeWords.has(name)))]).toEqual([]);
  });

  it('names only Secrets the overlay makes, or those production documents', () => {
    const rendered = new Set(ofKind('Secret').map((s) => s.metadata.name));
    const referenced = new Set(
      platformPods.flatMap((w) => [
        ...w.spec.template.spec.containers.flatMap((c) =>
          (c.env ?? []).flatMap((e) => e.valueFrom?.secretKeyRef?.name ?? []),
        ),
        ...(w.spec.template.spec.volumes ?? []).flatMap((v) => v.secret?.secretName ?? []),
      ]),
    );
    expect(referenced.size).toBeGreaterThan(0);
    if (overlay === 'dev') {
      expect([...referenced].filter((name) => !rendered.has(name))).toEqual([]);
    } else {
      // Production commits no secret value; its kustomization lists the ones it expects.
      expect(rendered.size).toBe(0);
      const documented = readFileSync(join(OVERLAYS, overlay, 'kustomization.yaml'), 'utf8');
      expect([...referenced].filter((name) => !documented.includes(name))).toEqual([]);
    }
  });
});
