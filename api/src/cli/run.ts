/**
 * Entry-point wrapper for command-line tools: known start-up failures (bad configuration, a port in
 * use) become one line on stderr and exit code 1, never a stack trace.
 */
import { ConfigError } from '../core/config.js';
import { DataDirInUseError, PortInUseError } from '../core/db/embedded-postgres.js';

export class CliError extends Error {
  override name = 'CliError';
}

export function runCli(main: () => Promise<void | number>): void {
  main().then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`Configuration error: ${error.message}\n`);
      } else if (error instanceof PortInUseError || error instanceof DataDirInUseError || error instanceof CliError) {
        process.stderr.write(`Error: ${error.message}\n`);
      } else {
        process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
        if (process.env.DEBUG) console.error(error);
      }
      process.exitCode = 1;
    },
  );
}
