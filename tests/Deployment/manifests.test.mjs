import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "yaml";
import { unknownFields } from "./fields.mjs";
import { k8sFiles, k8sObjects, modelOf, named, ofKind, read, rendered, selects } from "./repo.mjs";

const objects = rendered();
const deployment = named(objects, "Deployment", "collector-shop-silo");
const pod = deployment.spec.template;
const silo = pod.spec.containers.find((container) => container.name === "silo");
const configMap = named(objects, "ConfigMap", "collector-shop-config");
const secretTemplate = named(k8sObjects("secret.template.yaml"), "Secret", "collector-shop-secrets");
const workloads = [...ofKind(objects, "Deployment"), ...ofKind(objects, "StatefulSet")];
const workload = (name) => workloads.find((candidate) => candidate.metadata.name === name);
const containerPort = (container, port) =>
  typeof port === "number" ? port : container.ports.find((candidate) => candidate.name === port)?.containerPort;
const envOf = (container) => new Map(container.env.map((variable) => [variable.name, variable]));

// The silo's settings as the process sees them: the ConfigMap through envFrom, then env on top.
function settingsOf(container) {
  const settings = new Map();
  for (const source of container.envFrom ?? []) {
    for (const [key, value] of Object.entries(named(objects, "ConfigMap", source.configMapRef.name).data)) {
      settings.set(key, { value });
    }
  }
  for (const variable of container.env ?? []) {
    settings.set(variable.name, variable);
  }
  return settings;
}

test("every manifest file parses and every object in it validates against its Kubernetes schema", async () => {
  for (const file of k8sFiles()) {
    for (const object of k8sObjects(file)) {
      if (object.kind === "Kustomization") {
        continue;
      }
      const Model = await modelOf(object);
      assert.doesNotThrow(() => new Model(object).validate(), `${file}: ${object.kind}/${object.metadata?.name}`);
    }
  }
});

test("the schema validation rejects a malformed object, so a pass means something", async () => {
  const broken = structuredClone(deployment);
  broken.spec.replicas = "three";
  const Model = await modelOf(broken);
  assert.throws(() => new Model(broken).validate(), /replicas/);
});

test("no object carries a field its kind does not have, which the schema validation lets through", () => {
  for (const object of [...objects, secretTemplate]) {
    assert.deepEqual(unknownFields(object), [], `${object.kind}/${object.metadata.name}`);
  }
  const misspelt = structuredClone(deployment);
  misspelt.spec.template.spec.terminationGracePeriod = 60;
  assert.deepEqual(unknownFields(misspelt), ["spec.template.spec.terminationGracePeriod"]);
});

test("kustomize renders every object into the collector-shop namespace, and they all validate", async () => {
  assert.ok(objects.length > 0);
  named(objects, "Namespace", "collector-shop");
  for (const object of objects) {
    if (object.kind !== "Namespace") {
      assert.equal(object.metadata.namespace, "collector-shop", `${object.kind}/${object.metadata.name}`);
    }
    const Model = await modelOf(object);
    assert.doesNotThrow(() => new Model(object).validate(), `${object.kind}/${object.metadata.name}`);
  }
});

test("the kustomization lists every manifest of k8s/ except the Secret template, which it must never apply", () => {
  const kustomization = parse(read("k8s/kustomization.yaml"));
  const manifests = k8sFiles().filter((file) => file !== "kustomization.yaml");
  assert.deepEqual(kustomization.resources.toSorted(), manifests.filter((file) => file !== "secret.template.yaml").toSorted());
  assert.equal(ofKind(objects, "Secret").length, 0);
});

test("the silo runs 3 replicas and rolls out without ever taking one away first", () => {
  assert.equal(deployment.spec.replicas, 3);
  assert.equal(deployment.spec.strategy.type, "RollingUpdate");
  assert.equal(deployment.spec.strategy.rollingUpdate.maxUnavailable, 0);
  assert.ok(deployment.spec.strategy.rollingUpdate.maxSurge >= 1, "with maxUnavailable 0 a rollout needs a surge");
  assert.ok(selects(deployment.spec.selector, pod.metadata.labels));
});

test("the probes call the app's own health routes on the HTTP port", () => {
  const source = read("src/CollectorShop.Silo/Health/HealthEndpoints.cs");
  const route = (name) => source.match(new RegExp(`MapHealthChecks\\("([^"]+)"[^;]*\\.WithName\\("${name}"\\)`, "s"))[1];
  assert.equal(route("Liveness"), "/health/live");
  assert.equal(route("Readiness"), "/health/ready");

  assert.equal(silo.livenessProbe.httpGet.path, route("Liveness"));
  assert.equal(silo.startupProbe.httpGet.path, route("Liveness"));
  assert.equal(silo.readinessProbe.httpGet.path, route("Readiness"));
  for (const probe of [silo.livenessProbe, silo.startupProbe, silo.readinessProbe]) {
    assert.equal(containerPort(silo, probe.httpGet.port), 8080);
  }
});

test("readiness waits longer than the app's own check timeout, so a slow check answers instead of timing out the probe", () => {
  const seconds = Number(read("src/CollectorShop.Silo/Health/ShopHealth.cs").match(/CheckTimeout = TimeSpan\.FromSeconds\((\d+)\)/)[1]);
  assert.ok(silo.readinessProbe.timeoutSeconds > seconds);
});

test("the grace period outlasts the preStop pause plus the host's shutdown timeout (shutdownTimeoutSeconds)", () => {
  const settings = settingsOf(silo);
  // HostOptions.ShutdownTimeout is read from this configuration key by Microsoft.Extensions.Hosting.
  const shutdown = Number(settings.get("shutdownTimeoutSeconds").value);
  const command = silo.lifecycle.preStop.exec.command;
  assert.equal(command[0], "sleep");
  const pause = Number(command[1]);
  assert.ok(shutdown > 0 && pause > 0);
  assert.ok(pod.spec.terminationGracePeriodSeconds > pause + shutdown);
});

test("the silo knows its pod through the downward API, and its Orleans identity is the pod's orleans/* labels", () => {
  const env = envOf(silo);
  assert.equal(env.get("POD_NAME").valueFrom.fieldRef.fieldPath, "metadata.name");
  assert.equal(env.get("POD_NAMESPACE").valueFrom.fieldRef.fieldPath, "metadata.namespace");
  assert.equal(env.get("POD_IP").valueFrom.fieldRef.fieldPath, "status.podIP");

  const labels = pod.metadata.labels;
  assert.ok(labels["orleans/serviceId"] && labels["orleans/clusterId"]);
  for (const [name, label] of [
    ["ORLEANS_SERVICE_ID", "orleans/serviceId"],
    ["Orleans__ServiceId", "orleans/serviceId"],
    ["ORLEANS_CLUSTER_ID", "orleans/clusterId"],
    ["Orleans__ClusterId", "orleans/clusterId"],
  ]) {
    assert.equal(env.get(name).valueFrom.fieldRef.fieldPath, `metadata.labels['${label}']`, name);
  }
});

test("the silo gets every cluster-mode setting under the names the app reads", () => {
  const settings = settingsOf(silo);
  const fixed = {
    "Storage__Provider": "Postgres",
    "Orleans__Clustering": "AdoNet",
    "Orleans__SiloPort": "11111",
    "Orleans__GatewayPort": "30000",
    "Demo__Seed": "false",
    "ASPNETCORE_ENVIRONMENT": "Production",
    "Urls": "http://+:8080",
    "ASPNETCORE_FORWARDEDHEADERS_ENABLED": "true",
  };
  for (const [name, value] of Object.entries(fixed)) {
    assert.equal(settings.get(name)?.value, value, name);
  }
  for (const name of ["ConnectionStrings__Shop", "RabbitMQ__Url", "FRONTEND_URL", "Admin__Email", "Orleans__ClusterId", "Orleans__ServiceId"]) {
    assert.ok(settings.has(name), name);
  }
  for (const name of ["Jwt__Secret", "Stripe__SecretKey", "Stripe__WebhookSecret", "Admin__Password"]) {
    assert.ok(settings.get(name)?.valueFrom?.secretKeyRef, `${name} comes from the Secret`);
  }
  assert.equal(settings.get("FRONTEND_URL").value, `http://${named(objects, "Ingress", "collector-shop").spec.rules[0].host}`);
});

test("every $(VAR) in an env value names a variable defined before it in the same container", () => {
  for (const owner of workloads) {
    for (const container of owner.spec.template.spec.containers) {
      const defined = new Set(
        (container.envFrom ?? []).flatMap((source) => Object.keys(named(objects, "ConfigMap", source.configMapRef.name).data)),
      );
      for (const variable of container.env ?? []) {
        for (const [, reference] of (variable.value ?? "").matchAll(/\$\(([^)]+)\)/g)) {
          assert.ok(defined.has(reference), `${owner.metadata.name}/${container.name}: ${variable.name} uses $(${reference}) before it is defined`);
        }
        defined.add(variable.name);
      }
    }
  }
});

test("the connection string and the broker URL point at the PostgreSQL and RabbitMQ Services and their ports", () => {
  const env = envOf(silo);
  const connection = Object.fromEntries(env.get("ConnectionStrings__Shop").value.split(";").map((part) => part.split("=")));
  const postgres = named(objects, "Service", "postgres");
  assert.equal(connection.Host, postgres.metadata.name);
  assert.equal(Number(connection.Port), postgres.spec.ports[0].port);
  assert.equal(connection.Database, envOf(workload("postgres").spec.template.spec.containers[0]).get("POSTGRES_DB").value);

  const broker = env.get("RabbitMQ__Url").value.match(/^amqp:\/\/[^@]+@([^:/]+):(\d+)\//);
  const rabbitmq = named(objects, "Service", "rabbitmq");
  assert.equal(broker[1], rabbitmq.metadata.name);
  assert.equal(Number(broker[2]), rabbitmq.spec.ports[0].port);
});

test("the autoscaler's most silos, each with its full connection pool, fit in PostgreSQL's max_connections", () => {
  const connection = Object.fromEntries(envOf(silo).get("ConnectionStrings__Shop").value.split(";").map((part) => part.split("=")));
  const pool = Number(connection["Maximum Pool Size"]);
  const args = workload("postgres").spec.template.spec.containers[0].args ?? [];
  const maxConnections = Number(args.map((arg) => arg.match(/^max_connections=(\d+)$/)?.[1]).find(Boolean));
  const silos = named(objects, "HorizontalPodAutoscaler", "collector-shop-silo").spec.maxReplicas;
  assert.ok(pool > 0 && maxConnections > 0, "both the pool size and max_connections are set");
  assert.ok(silos * pool < maxConnections, `${silos} silos x ${pool} connections must stay under ${maxConnections}`);
});

test("the app and the servers read the same credentials from the Secret template's keys", () => {
  const keys = Object.keys(secretTemplate.stringData);
  const references = workloads.flatMap((owner) =>
    owner.spec.template.spec.containers.flatMap((container) =>
      (container.env ?? []).filter((variable) => variable.valueFrom?.secretKeyRef).map((variable) => variable.valueFrom.secretKeyRef),
    ),
  );
  assert.ok(references.length > 0);
  for (const reference of references) {
    assert.equal(reference.name, secretTemplate.metadata.name);
    assert.ok(keys.includes(reference.key), `${reference.key} is missing from the Secret template`);
  }
  const siloKeys = (names) => names.map((name) => envOf(silo).get(name).valueFrom.secretKeyRef.key);
  const serverKeys = (server, names) => names.map((name) => envOf(workload(server).spec.template.spec.containers[0]).get(name).valueFrom.secretKeyRef.key);
  assert.deepEqual(siloKeys(["DB_USER", "DB_PASSWORD"]), serverKeys("postgres", ["POSTGRES_USER", "POSTGRES_PASSWORD"]));
  assert.deepEqual(siloKeys(["RABBITMQ_USER", "RABBITMQ_PASSWORD"]), serverKeys("rabbitmq", ["RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS"]));
});

test("no secret value is in the repo: the template holds placeholders, and nothing else sets a secret-looking variable literally", () => {
  assert.equal(secretTemplate.data, undefined, "base64 data would hide a value; the template uses stringData");
  for (const [key, value] of Object.entries(secretTemplate.stringData)) {
    assert.equal(value, "REPLACE_ME", key);
  }
  assert.match(read(".gitignore"), /^k8s\/secret\.yaml$/m, "the filled-in copy is git-ignored");
  const secretLooking = /(password|secret|token|key|pass)$/i;
  for (const owner of workloads) {
    for (const container of owner.spec.template.spec.containers) {
      for (const variable of container.env ?? []) {
        if (secretLooking.test(variable.name)) {
          assert.ok(variable.valueFrom?.secretKeyRef, `${variable.name} is set literally`);
        }
      }
    }
  }
  for (const key of Object.keys(configMap.data)) {
    assert.ok(!secretLooking.test(key), `the ConfigMap holds ${key}`);
  }
  for (const file of k8sFiles()) {
    assert.doesNotMatch(read(`k8s/${file}`), /sk_(live|test)_|whsec_|rk_live_|-----BEGIN/, file);
  }
});

test("every container has resource requests and limits, and none runs privileged", () => {
  for (const owner of workloads) {
    const spec = owner.spec.template.spec;
    assert.equal(spec.securityContext.runAsNonRoot, true, owner.metadata.name);
    for (const container of spec.containers) {
      const where = `${owner.metadata.name}/${container.name}`;
      for (const resource of ["cpu", "memory"]) {
        assert.ok(container.resources.requests[resource], `${where} requests ${resource}`);
        assert.ok(container.resources.limits[resource], `${where} limits ${resource}`);
      }
      assert.equal(container.securityContext.allowPrivilegeEscalation, false, where);
      assert.deepEqual(container.securityContext.capabilities.drop, ["ALL"], where);
    }
  }
});

test("the silo's service account may only get, list and watch pods, in its own namespace", () => {
  const account = pod.spec.serviceAccountName;
  named(objects, "ServiceAccount", account);
  assert.equal(ofKind(objects, "ClusterRole").length + ofKind(objects, "ClusterRoleBinding").length, 0);
  const [binding] = ofKind(objects, "RoleBinding");
  assert.deepEqual(binding.subjects, [{ kind: "ServiceAccount", name: account, namespace: "collector-shop" }]);
  assert.equal(binding.roleRef.kind, "Role");
  const role = named(objects, "Role", binding.roleRef.name);
  assert.deepEqual(role.rules, [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }]);
});

test("the Service, the Ingress and the probes agree on the silo's HTTP port", () => {
  const service = named(objects, "Service", "collector-shop-silo");
  assert.ok(selects({ matchLabels: service.spec.selector }, pod.metadata.labels));
  assert.ok(!selects({ matchLabels: service.spec.selector }, workload("postgres").spec.template.metadata.labels));
  const [http] = service.spec.ports;
  assert.equal(containerPort(silo, http.targetPort), 8080);

  const ingress = named(objects, "Ingress", "collector-shop");
  assert.equal(ingress.spec.ingressClassName, "nginx");
  const [rule] = ingress.spec.rules;
  assert.equal(rule.host, "collector-shop.local");
  const backend = rule.http.paths[0].backend.service;
  assert.equal(backend.name, service.metadata.name);
  assert.equal(backend.port.name, http.name);
  // Uploads are up to 5 MB pictures; ingress-nginx's default body limit is 1 MB.
  assert.equal(ingress.metadata.annotations["nginx.ingress.kubernetes.io/proxy-body-size"], "6m");
});

test("the silo's container ports are the ports the configuration and the image use", () => {
  const settings = settingsOf(silo);
  const ports = Object.fromEntries(silo.ports.map((port) => [port.name, port.containerPort]));
  assert.deepEqual(ports, {
    http: Number(settings.get("Urls").value.match(/:(\d+)$/)[1]),
    silo: Number(settings.get("Orleans__SiloPort").value),
    gateway: Number(settings.get("Orleans__GatewayPort").value),
  });
  const exposed = read("Dockerfile").match(/^EXPOSE\s+(.+)$/m)[1].split(/\s+/).map(Number);
  assert.deepEqual(Object.values(ports).toSorted((a, b) => a - b), exposed.toSorted((a, b) => a - b));
});

test("the disruption budget and the autoscaler act on the silo pods and never go below the Deployment's replicas", () => {
  const budget = named(objects, "PodDisruptionBudget", "collector-shop-silo");
  assert.ok(selects(budget.spec.selector, pod.metadata.labels));
  assert.equal(budget.spec.maxUnavailable, 1);

  const autoscaler = named(objects, "HorizontalPodAutoscaler", "collector-shop-silo");
  assert.deepEqual(autoscaler.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name });
  assert.equal(autoscaler.spec.minReplicas, deployment.spec.replicas);
  assert.ok(autoscaler.spec.maxReplicas > autoscaler.spec.minReplicas);
});

test("PostgreSQL and RabbitMQ are StatefulSets with a persistent volume each, behind their own Service", () => {
  for (const [name, mountPath] of [["postgres", "/var/lib/postgresql/data"], ["rabbitmq", "/var/lib/rabbitmq"]]) {
    const set = named(objects, "StatefulSet", name);
    const [claim] = set.spec.volumeClaimTemplates;
    assert.ok(claim.spec.resources.requests.storage, name);
    const [container] = set.spec.template.spec.containers;
    assert.ok(container.volumeMounts.some((mount) => mount.name === claim.metadata.name && mount.mountPath === mountPath), name);
    const service = named(objects, "Service", set.spec.serviceName);
    assert.ok(selects({ matchLabels: service.spec.selector }, set.spec.template.metadata.labels), name);
    assert.ok(!selects({ matchLabels: service.spec.selector }, pod.metadata.labels), `${name}'s Service does not select silos`);
    assert.ok(selects(set.spec.selector, set.spec.template.metadata.labels), name);
    assert.equal(containerPort(container, service.spec.ports[0].targetPort), service.spec.ports[0].port, name);
  }
});

test("the image is the one CI pushes, at the tag the kustomization pins", () => {
  const workflow = parse(read(".github/workflows/ci.yml"));
  const kustomization = parse(read("k8s/kustomization.yaml"));
  const [image] = kustomization.images;
  assert.equal(image.name, workflow.env.IMAGE);
  assert.equal(silo.image, `${workflow.env.IMAGE}:${image.newTag}`);
});
