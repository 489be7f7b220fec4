// `ansim checklist list` and `ansim checklist validate FILE`: the checklist templates from the
// command line. The engine in checklists/ is pure; reading the file happens here.
import { readFile } from 'node:fs/promises';
import { builtInTemplates, listTemplates, templateSummary, validateTemplateData, type Template } from '../../checklists/engine/index.js';
import { BadInput, printJson, type CliIO, type ExitCode } from './io.js';

const USAGE = 'expected a subcommand: list | validate FILE';

function refTables(t: Template): string[] {
  return [...new Set(t.sections.flatMap((s) => s.items.flatMap((i) => (i.refTable ? [i.refTable] : []))))].sort();
}

async function readTemplateFile(file: string): Promise<unknown> {
  if (/\.ya?ml$/i.test(file)) {
    throw new BadInput(`${file}: YAML templates are not supported yet; save the template as JSON (YAML은 아직 지원하지 않습니다. JSON으로 저장하세요)`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput(code === 'ENOENT' ? `${file}: file not found (파일이 없습니다)` : `${file}: cannot read (${(e as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BadInput(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

export async function main(args: string[], io: CliIO): Promise<ExitCode> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list': {
      if (rest.length > 0) throw new BadInput(`list: unexpected argument "${rest[0]}"`);
      printJson(io, listTemplates().map(templateSummary));
      return 0;
    }
    case 'validate': {
      const [file, extra] = rest;
      if (!file) throw new BadInput('validate: expected FILE (a template .json file)');
      if (extra !== undefined) throw new BadInput(`validate: unexpected argument "${extra}"`);
      const data = await readTemplateFile(file);
      const check = validateTemplateData(data);
      if (!check.ok) {
        for (const line of check.errors) io.err(`${file}: ${line}\n`);
        io.err(`${file}: ${check.errors.length} error${check.errors.length === 1 ? '' : 's'} (템플릿 오류 ${check.errors.length}건)\n`);
        return 2;
      }
      const t = check.template;
      printJson(io, {
        file,
        valid: true,
        ...templateSummary(t),
        refTables: refTables(t),
        // A file that repeats a published (id, version) would be refused when imported.
        alreadyPublished: builtInTemplates().some((b) => b.id === t.id && b.version === t.version),
      });
      return 0;
    }
    default:
      throw new BadInput(sub ? `unknown subcommand "${sub}"; ${USAGE}` : USAGE);
  }
}
