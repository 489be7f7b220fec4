// Samples the memory of a set of processes every 0.25 s: the sum of their PSS (proportional set
// size, so shared pages are not counted twice across PostgreSQL's backends), from /proc.
import { readFileSync } from 'node:fs';

function pssKB(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // gone between listing and reading
  }
}

export class MemorySampler {
  peakKB = 0;
  private timer?: NodeJS.Timeout;
  constructor(private pids: () => number[], private everyMs = 250) {}
  sample(): void {
    const kb = this.pids().reduce((s, p) => s + pssKB(p), 0);
    if (kb > this.peakKB) this.peakKB = kb;
  }
  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
  get peakMB(): number {
    return Math.round(this.peakKB / 1024);
  }
}
