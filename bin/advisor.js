#!/usr/bin/env node
// The `advisor` command. The sources are TypeScript and run through tsx, so `npx advisor` works
// right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
