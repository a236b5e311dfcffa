// The address of the public pages' enhancement script, which esbuild builds
// beside the Remix build (npm run build:enhance) with a content hash in its name.
import fs from "node:fs";

type Metafile = { outputs: Record<string, { entryPoint?: string }> };

let enhanceUrl: string | undefined;

export function enhanceScriptUrl(): string | undefined {
  if (enhanceUrl !== undefined) return enhanceUrl || undefined;
  try {
    const meta = JSON.parse(fs.readFileSync(new URL("./enhance-meta.json", import.meta.url), "utf8")) as Metafile;
    const output = Object.entries(meta.outputs).find(([, value]) => value.entryPoint === "app/enhance/index.ts");
    enhanceUrl = output ? `/${output[0].replace(/^public\//, "")}` : "";
  } catch {
    enhanceUrl = "";
  }
  return enhanceUrl || undefined;
}
