// Preloaded with `node --import`: any attempt to load tsx or esbuild fails, as it would on a server
// installed with `npm ci --omit=dev`.
import { register } from 'node:module';

register(new URL('./forbid-dev-deps-hooks.mjs', import.meta.url));
