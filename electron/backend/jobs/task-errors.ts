// The engine's input errors become the API's validation errors (naming the field or file),
// whether they happen in a worker or on the request loop.
import type { ApiErrorBody } from '../../api/errors.js';
import { GeoInputError } from '../../../geo/core/messages.js';

export function toErrorBody(e: unknown, field = 'study'): ApiErrorBody {
  if (e instanceof GeoInputError) {
    const issues = (e.detail?.issues as { path: string; message: string }[] | undefined) ?? [];
    const candidates = e.detail?.candidates as string[] | undefined;
    const fields = issues.length
      ? issues.map((i) => ({ path: `${field}.${i.path}`, message: { ko: i.message, en: i.message } }))
      : [{ path: candidates ? 'crs' : field, message: e.msg }];
    return { code: 'VALIDATION', message: e.msg, fields };
  }
  const msg = (e as Error)?.message ?? String(e);
  return { code: 'INTERNAL', message: { ko: `작업 중 오류가 발생했습니다. 저장된 데이터는 그대로입니다. (${msg})`, en: `The job failed; saved data is unchanged. (${msg})` } };
}
