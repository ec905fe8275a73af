// @actions/workflow-parser imports its JSON schemas without `with { type: "json" }`, which Node refuses; this supplies it.
import { register } from "node:module";

register("data:text/javascript," + encodeURIComponent(`
export async function load(url, context, nextLoad) {
  if (url.endsWith(".json") && !context.importAttributes?.type) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  }
  return nextLoad(url, context);
}`));
