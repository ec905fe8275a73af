import assert from "node:assert/strict";
import { test } from "node:test";
import { ofKind, rendered, selects } from "./repo.mjs";

const objects = rendered();
const policies = ofKind(objects, "NetworkPolicy");
const namespace = "collector-shop";
const namespaceLabels = (name) => ({ "kubernetes.io/metadata.name": name });

// The shop's own pods, as their workloads label them.
const workloads = [...ofKind(objects, "Deployment"), ...ofKind(objects, "StatefulSet")];
const own = Object.fromEntries(
  workloads.map((workload) => [
    workload.metadata.name,
    {
      namespace,
      labels: workload.spec.template.metadata.labels,
      ports: workload.spec.template.spec.containers.flatMap((container) => container.ports ?? []),
    },
  ]),
);
const silo = own["collector-shop-silo"];
const postgres = own.postgres;
const rabbitmq = own.rabbitmq;

// Pods the policies must keep apart or let through, labelled as their usual installs label them.
const ingressController = { namespace: "ingress-nginx", labels: { "app.kubernetes.io/name": "ingress-nginx" } };
const kubeDns = { namespace: "kube-system", labels: { "k8s-app": "kube-dns" }, ports: [{ containerPort: 53 }] };
const strangerInNamespace = { namespace, labels: { run: "debug" } };
const strangerElsewhere = { namespace: "default", labels: { app: "other" }, ports: [{ containerPort: 8080 }] };
const impostor = { namespace: "default", labels: ingressController.labels };
const stripe = { ip: "54.187.174.169" };

function inCidr(ip, cidr) {
  const [base, bits] = cidr.split("/");
  const number = (address) => address.split(".").reduce((total, part) => total * 256 + Number(part), 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(number(ip) / size) === Math.floor(number(base) / size);
}

function peerMatches(peer, party) {
  if (peer.ipBlock) {
    return party.ip !== undefined && inCidr(party.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((cidr) => inCidr(party.ip, cidr));
  }
  if (party.ip !== undefined) {
    return false;
  }
  const namespaceMatches = peer.namespaceSelector
    ? selects(peer.namespaceSelector, namespaceLabels(party.namespace))
    : party.namespace === namespace;
  return namespaceMatches && selects(peer.podSelector ?? {}, party.labels);
}

function portMatches(rulePorts, port, protocol, destination) {
  if (!rulePorts) {
    return true;
  }
  return rulePorts.some((rulePort) => {
    const number = typeof rulePort.port === "string"
      ? destination.ports?.find((candidate) => candidate.name === rulePort.port)?.containerPort
      : rulePort.port;
    return (rulePort.protocol ?? "TCP") === protocol && (rulePort.port === undefined || number === port);
  });
}

const governs = (policy, party, type) =>
  party.namespace === namespace && policy.spec.policyTypes.includes(type) && selects(policy.spec.podSelector, party.labels);

/** Whether a connection from one party to another's port gets through both the sender's egress and the receiver's ingress policies. */
function allowed(from, to, port, protocol = "TCP") {
  const egress = policies.filter((policy) => governs(policy, from, "Egress"));
  const egressOk = egress.length === 0 || egress.some((policy) =>
    (policy.spec.egress ?? []).some((rule) =>
      (!rule.to || rule.to.some((peer) => peerMatches(peer, to))) && portMatches(rule.ports, port, protocol, to)));
  const ingress = policies.filter((policy) => governs(policy, to, "Ingress"));
  const ingressOk = ingress.length === 0 || ingress.some((policy) =>
    (policy.spec.ingress ?? []).some((rule) =>
      (!rule.from || rule.from.some((peer) => peerMatches(peer, from))) && portMatches(rule.ports, port, protocol, to)));
  return egressOk && ingressOk;
}

test("a default-deny policy covers every pod of the namespace, both ways", () => {
  const denyAll = policies.filter((policy) =>
    Object.keys(policy.spec.podSelector).length === 0 &&
    policy.spec.policyTypes.includes("Ingress") && policy.spec.policyTypes.includes("Egress") &&
    !policy.spec.ingress && !policy.spec.egress);
  assert.equal(denyAll.length, 1);
});

test("every policy's selectors select pods that exist: the shop's own pods, or the ingress controller and DNS by their usual labels", () => {
  const ownPods = Object.values(own);
  for (const policy of policies) {
    assert.ok(ownPods.some((party) => selects(policy.spec.podSelector, party.labels)), `${policy.metadata.name} selects no pod`);
    const peers = [...(policy.spec.ingress ?? []).flatMap((rule) => rule.from ?? []), ...(policy.spec.egress ?? []).flatMap((rule) => rule.to ?? [])];
    for (const peer of peers.filter((candidate) => !candidate.ipBlock)) {
      const candidates = peer.namespaceSelector ? [ingressController, kubeDns] : ownPods;
      assert.ok(candidates.some((party) => peerMatches(peer, party)), `${policy.metadata.name}: ${JSON.stringify(peer)} matches nothing`);
    }
  }
});

test("who reaches which port: HTTP from the ingress controller only, silo and gateway ports and the databases from silos only", () => {
  const sources = { silo, postgres, rabbitmq, ingressController, strangerInNamespace, strangerElsewhere, impostor };
  const reachedBy = (target, port) =>
    Object.entries(sources).filter(([, source]) => allowed(source, target, port)).map(([name]) => name);
  const port = (party, name) => party.ports.find((candidate) => candidate.name === name).containerPort;

  assert.deepEqual(reachedBy(silo, port(silo, "http")), ["ingressController"]);
  assert.deepEqual(reachedBy(silo, port(silo, "silo")), ["silo"]);
  assert.deepEqual(reachedBy(silo, port(silo, "gateway")), ["silo"]);
  assert.deepEqual(reachedBy(postgres, port(postgres, "postgres")), ["silo"]);
  assert.deepEqual(reachedBy(rabbitmq, port(rabbitmq, "amqp")), ["silo"]);
  assert.deepEqual(reachedBy(silo, 22), []);
});

test("every pod resolves names through kube-dns, over UDP and TCP", () => {
  for (const party of [silo, postgres, rabbitmq]) {
    assert.ok(allowed(party, kubeDns, 53, "UDP"));
    assert.ok(allowed(party, kubeDns, 53, "TCP"));
  }
  assert.ok(!allowed(silo, { ...kubeDns, labels: { app: "not-dns" } }, 53, "UDP"), "only the DNS pods");
});

test("only the silos call out, and only to Stripe over HTTPS", () => {
  assert.ok(allowed(silo, stripe, 443));
  assert.ok(!allowed(silo, stripe, 80));
  assert.ok(!allowed(postgres, stripe, 443));
  assert.ok(!allowed(rabbitmq, stripe, 443));
  assert.ok(!allowed(silo, strangerElsewhere, 8080), "no plain traffic to other namespaces");
  assert.ok(!allowed(postgres, silo, 8080), "the databases open no connection to the silos");
});

test("every port a policy opens into one of the shop's pods is a port that pod listens on", () => {
  for (const policy of policies) {
    for (const party of Object.values(own).filter((candidate) => governs(policy, candidate, "Ingress"))) {
      for (const rulePort of (policy.spec.ingress ?? []).flatMap((rule) => rule.ports ?? [])) {
        assert.ok(
          party.ports.some((port) => port.containerPort === rulePort.port || port.name === rulePort.port),
          `${policy.metadata.name} opens ${rulePort.port}, which ${JSON.stringify(party.labels)} does not listen on`,
        );
      }
    }
  }
});
