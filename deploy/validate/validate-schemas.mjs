// Validates Kubernetes objects against the schemas of the npm packages kubernetes-models and
// @kubernetes-models/prometheus-operator. Reads a JSON array of objects on stdin (the build
// renders `kubectl kustomize` and converts it), prints one line per object, and exits 1 when
// any object is invalid or of a kind these packages do not know. These models check types and
// values (concurrencyPolicy: Sometimes) but accept fields they do not know; the strict check of
// unknown fields is the console module's StrictSchemas (fabric8's JSON schemas, from Maven).
//   TASKER_VALIDATOR_MODULES=build/deploy-validator node validate-schemas.mjs < objects.json
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modules = process.env.TASKER_VALIDATOR_MODULES;
if (!modules) {
  console.error("TASKER_VALIDATOR_MODULES must name the folder holding node_modules (bin/test installs it)");
  process.exit(2);
}

// The package folder holding each API group's models. The packages export ES modules only, so
// the model's file is imported by its path.
function modelPath(apiVersion) {
  if (apiVersion.startsWith("monitoring.coreos.com/")) {
    return "@kubernetes-models/prometheus-operator/" + apiVersion;
  }
  return "kubernetes-models/" + apiVersion;
}

async function validate(object) {
  const name = `${object.kind} ${object.metadata?.name}`;
  const file = join(modules, "node_modules", modelPath(object.apiVersion), object.kind + ".js");
  if (!existsSync(file)) {
    return `${name}: no schema for ${object.apiVersion} ${object.kind} (no ${file})`;
  }
  const Model = (await import(pathToFileURL(file).href))[object.kind];
  try {
    new Model(object).validate();
    return null;
  } catch (e) {
    return `${name}: ${e.message}`;
  }
}

const objects = JSON.parse(readFileSync(0, "utf8"));
let failures = 0;
for (const object of objects) {
  const error = await validate(object);
  if (error) {
    failures++;
    console.log("INVALID " + error);
  } else {
    console.log(`valid ${object.apiVersion} ${object.kind} ${object.metadata.name}`);
  }
}
process.exit(failures === 0 ? 0 : 1);
