import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// kubernetes-models' validators accept unknown fields, so a misspelt key would pass unnoticed.
// Its type declarations list every field of every kind: this walks an object against them.

const declarations = new Map();

/** A package's declaration file as Node would find the package from the importing file. */
function packageDeclaration(from, specifier) {
  for (let folder = dirname(from); ; folder = dirname(folder)) {
    const candidate = join(folder, "node_modules", `${specifier}.d.ts`);
    if (existsSync(candidate)) {
      return candidate;
    }
    if (folder === dirname(folder)) {
      throw new Error(`no declarations for ${specifier} from ${from}`);
    }
  }
}

function declarationsOf(file) {
  if (!declarations.has(file)) {
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    const imports = new Map(
      [...text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)].map(([, name, from]) => [
        name,
        from.startsWith(".") ? resolve(dirname(file), `${from}.d.ts`) : packageDeclaration(file, from),
      ]),
    );
    const start = text.match(/export interface \w+(?: extends \w+)? \{/);
    declarations.set(file, { imports, fields: start ? fieldsOf(text, start.index + start[0].length) : undefined });
  }
  return declarations.get(file);
}

/** The `"name"?: type;` members of an interface body, types kept as text (they may span lines and nest braces). */
function fieldsOf(text, from) {
  const fields = new Map();
  let position = from;
  for (;;) {
    const member = /\s*(?:"([^"]+)"\??: |\})/y;
    member.lastIndex = position;
    const found = member.exec(text);
    if (!found[1]) {
      return fields;
    }
    let depth = 0;
    let end = member.lastIndex;
    for (; !(depth === 0 && text[end] === ";"); end++) {
      depth += "{<".includes(text[end]) ? 1 : "}>".includes(text[end]) ? -1 : 0;
    }
    fields.set(found[1], text.slice(member.lastIndex, end).trim());
    position = end + 1;
  }
}

function walk(value, type, file, path, problems) {
  if (value === null || value === undefined) {
    return;
  }
  const array = type.match(/^Array<(.+)>$/s);
  if (array) {
    value.forEach((item, index) => walk(item, array[1], file, `${path}[${index}]`, problems));
    return;
  }
  const map = type.match(/^\{\s*\[key: string\]: (.+?);?\s*\}$/s);
  if (map) {
    Object.entries(value).forEach(([key, item]) => walk(item, map[1], file, `${path}.${key}`, problems));
    return;
  }
  const { imports } = declarationsOf(file);
  if (!imports.has(type)) {
    return;
  }
  const target = imports.get(type);
  const { fields } = declarationsOf(target);
  if (fields) {
    walkObject(value, fields, target, path, problems);
  }
}

function walkObject(value, fields, file, path, problems) {
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) {
      problems.push(`${path}.${key}`);
    } else {
      walk(item, fields.get(key), file, `${path}.${key}`, problems);
    }
  }
}

/** The paths of fields the object's kind does not have, e.g. ["spec.template.spec.terminationGracePeriod"]. */
export function unknownFields(object) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const file = packageDeclaration(fileURLToPath(import.meta.url), `kubernetes-models/${group ? `${group}/` : ""}${version}/${object.kind}`);
  const problems = [];
  walkObject(object, declarationsOf(file).fields, file, object.kind, problems);
  return problems.map((problem) => problem.slice(object.kind.length + 1));
}
