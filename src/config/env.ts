// The environment the server reads: the process environment over a .env file (the process wins),
// so that `npm start` works with no file at all and a deployment can override any line of it.
// A blank value counts as unset.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';

export type Env = Record<string, string | undefined>;

export function readEnv(processEnv: Env = process.env, cwd = process.cwd()): Env {
  const file = resolve(cwd, processEnv.ENV_FILE ?? '.env');
  const fromFile = existsSync(file) ? parse(readFileSync(file)) : {};
  return withoutBlanks({ ...fromFile, ...processEnv });
}

/** `KEY=` (as in .env.example) means "not set": every part of the config then applies its default. */
export function withoutBlanks(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}
