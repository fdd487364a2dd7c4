import { execFile } from 'node:child_process';
import path from 'node:path';

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

const NODE_MODULES = path.resolve('node_modules');

/** Runs a package's Node entry point (such as `typescript/bin/tsc`) in `cwd` with this Node; never rejects. */
export function runNodeTool(
  entry: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(NODE_MODULES, entry), ...args],
      { cwd, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
