// `advisor serve` (npm start): the web chat, the inbox, health and metrics, Slack and Teams when
// configured, in one process. A bad setting stops it with a message that names the setting.
import type { CliIO } from '../io.js';
import { ConfigError, loadConfig, readEnv } from '../../config/index.js';
import { ContentError } from '../../content/yaml.js';

const HELP = `usage: advisor serve

Starts the advisor: the web chat at http://127.0.0.1:3978/, the contact points' inbox at /inbox,
/healthz, /readyz and /metrics, and Slack and Teams when their settings are present.
Every setting comes from the environment or .env; see .env.example and docs/operations.md.
`;

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.length > 0) {
    io.stderr.write(`advisor serve: unexpected argument "${args[0]}"\n\n${HELP}`);
    return 2;
  }
  try {
    const config = loadConfig(readEnv(io.env));
    // Loaded here, not at the top, so that `advisor serve --help` and config errors stay instant.
    const { startApp } = await import('../../app.js');
    const app = await startApp(config);
    io.stdout.write(
      `Research Security Advisor is running.\n  web chat: ${app.url}/\n  inbox:    ${app.url}/inbox\n  store:    ${app.store.kind}\n  channels: ${app.channels.join(', ')}\nPress Ctrl+C to stop.\n`,
    );
    const signal = await waitForSignal();
    io.stdout.write(`\n${signal}: finishing deliveries in flight and stopping…\n`);
    await app.stop();
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof ContentError) {
      io.stderr.write(`Content error in ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
