import os from 'node:os';

/** The machine a report was measured on, as every report states it. */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  platform: string;
}

export function describeMachine(): Machine {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
}
