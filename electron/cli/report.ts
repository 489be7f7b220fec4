// `ansim report sample --out FILE.pdf [--kind tenant|viewing]`: renders the demo tenant report
// (or the demo viewing log) for checks and for the README's screenshots.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BadInput, printJson, type Subcommand } from './io.js';

const USAGE = 'usage: ansim report sample --out FILE.pdf [--kind tenant|viewing]';

function parseArgs(args: string[]): { action: string; out: string; kind: 'tenant' | 'viewing' } {
  const [action, ...rest] = args;
  if (action !== 'sample') {
    throw new BadInput(`${action ? `unknown action "${action}"` : 'missing action'} (동작은 sample만 있습니다) — ${USAGE}`);
  }
  let out: string | undefined;
  let kind: 'tenant' | 'viewing' = 'tenant';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = inline ?? rest[i + 1];
    if (flag === '--out') {
      if (!value || value.startsWith('--')) throw new BadInput('--out: 저장할 PDF 파일 경로가 필요합니다 (a PDF file path is required)');
      out = value;
    } else if (flag === '--kind') {
      if (value !== 'tenant' && value !== 'viewing') {
        throw new BadInput('--kind: tenant 또는 viewing 이어야 합니다 (must be tenant or viewing)');
      }
      kind = value;
    } else {
      throw new BadInput(`${a}: 알 수 없는 옵션입니다 (unknown option) — ${USAGE}`);
    }
    if (inline === undefined) i++;
  }
  if (!out) throw new BadInput(`--out: 저장할 PDF 파일 경로가 필요합니다 (a PDF file path is required) — ${USAGE}`);
  return { action, out, kind };
}

export const main: Subcommand = async (args, io) => {
  const { out, kind } = parseArgs(args);
  const reports = await import('../backend/reports/index.js');
  const started = performance.now();
  io.err(`report: rendering the demo ${kind === 'tenant' ? 'tenant report (상담 결과 보고서)' : 'viewing log (동행 기록지)'}…\n`);
  const bytes =
    kind === 'tenant'
      ? await reports.renderTenantReport(await reports.sampleTenantReportModel())
      : await reports.renderViewingLog(await reports.sampleViewingLogModel());
  const file = path.resolve(out);
  try {
    await writeFile(file, bytes);
  } catch (e) {
    throw new BadInput(`--out: ${file}: 쓸 수 없습니다 (cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  printJson(io, { file, kind, bytes: bytes.length, ms: Math.round(performance.now() - started) });
  return 0;
};
