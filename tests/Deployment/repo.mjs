import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const read = (path) => readFileSync(join(root, path), "utf8");

export const exists = (path) => existsSync(join(root, path));

export const k8sFiles = () =>
  readdirSync(join(root, "k8s")).filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"));

/** Every document of a YAML text; a syntax error or a warning fails, as kubectl would refuse the file. */
export function parseYaml(text, source) {
  return parseAllDocuments(text)
    .map((document) => {
      const problems = [...document.errors, ...document.warnings];
      if (problems.length > 0) {
        throw new Error(`${source}: ${problems.map((problem) => problem.message).join("; ")}`);
      }
      return document.toJS();
    })
    .filter((value) => value !== null);
}

export const k8sObjects = (name) => parseYaml(read(`k8s/${name}`), `k8s/${name}`);

/** The objects kustomize builds from k8s/, exactly what `kubectl apply -k k8s/` would send. */
export function rendered() {
  const output = execFileSync("kubectl", ["kustomize", join(root, "k8s")], { encoding: "utf8" });
  return parseYaml(output, "kubectl kustomize k8s/");
}

export const named = (objects, kind, name) => {
  const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}/${name}, found ${found.length}`);
  }
  return found[0];
};

export const ofKind = (objects, kind) => objects.filter((object) => object.kind === kind);

/** The kubernetes-models class for an object, e.g. apps/v1 Deployment → kubernetes-models/apps/v1/Deployment. */
export async function modelOf(object) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const module = await import(`kubernetes-models/${group ? `${group}/` : ""}${version}/${object.kind}`);
  return module[object.kind];
}

/** Whether a label selector (matchLabels and matchExpressions In/NotIn/Exists/DoesNotExist) selects these labels. */
export function selects(selector, labels = {}) {
  const matchLabels = selector.matchLabels ?? {};
  const expressions = selector.matchExpressions ?? [];
  return (
    Object.entries(matchLabels).every(([key, value]) => labels[key] === value) &&
    expressions.every(({ key, operator, values = [] }) => {
      switch (operator) {
        case "In":
          return values.includes(labels[key]);
        case "NotIn":
          return !values.includes(labels[key]);
        case "Exists":
          return key in labels;
        case "DoesNotExist":
          return !(key in labels);
        default:
          throw new Error(`unknown selector operator ${operator}`);
      }
    })
  );
}

/** Dockerfile instructions in order: comments dropped, continuation lines joined. */
export function dockerInstructions(text) {
  const instructions = [];
  let pending = "";
  for (const line of text.split("\n")) {
    if (pending === "" && /^\s*#/.test(line)) {
      continue;
    }
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, " ");
      continue;
    }
    const whole = (pending + line).trim();
    pending = "";
    if (whole === "") {
      continue;
    }
    const [, keyword, rest] = whole.match(/^(\S+)\s*(.*)$/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest });
  }
  return instructions;
}

/** The Dockerfile's stages: base image, name and the instructions after each FROM. */
export function dockerStages(text) {
  const stages = [];
  for (const instruction of dockerInstructions(text)) {
    if (instruction.keyword === "FROM") {
      const [, image, name] = instruction.args.match(/^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i);
      stages.push({ image, name, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1).instructions.push(instruction);
    }
  }
  return stages;
}

/** The source paths and destination of a COPY, with its --from stage if any. */
export function copyOf(args) {
  const words = args.trim().split(/\s+/);
  const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
  const paths = words.filter((word) => !word.startsWith("--"));
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1) };
}
