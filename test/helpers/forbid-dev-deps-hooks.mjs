// Module resolve hook for forbid-dev-deps.mjs.
const FORBIDDEN = /^(tsx|esbuild)(\/|$)|\/node_modules\/(tsx|esbuild)\//;

export async function resolve(specifier, context, next) {
  if (FORBIDDEN.test(specifier)) throw new Error(`dev dependency loaded in production: ${specifier}`);
  const resolved = await next(specifier, context);
  if (FORBIDDEN.test(resolved.url)) throw new Error(`dev dependency loaded in production: ${resolved.url}`);
  return resolved;
}
