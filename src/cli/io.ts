// The streams and environment a CLI command works with; tests pass their own.
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export type CommandRun = (args: string[], io: CliIO) => Promise<number>;
