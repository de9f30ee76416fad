// A bare Bolt app: Bolt's own HTTPReceiver with its signature check and a message listener that does nothing, the
// yardstick `npm run bench -- slack` holds the product's ack latency against. Kept here because every @slack/*
// import lives in this folder.
import { App, LogLevel } from '@slack/bolt';

export async function startBareBoltApp(options: { signingSecret: string; slackApiUrl: string; port: number }): Promise<{ stop(): Promise<void> }> {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: options.signingSecret,
    clientOptions: { slackApiUrl: options.slackApiUrl },
    logLevel: LogLevel.ERROR,
  });
  app.message(async () => undefined);
  await app.start(options.port);
  return { stop: () => app.stop().then(() => undefined) };
}
