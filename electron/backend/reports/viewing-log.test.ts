import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithPoppler, type PopplerPdf } from './poppler.js';
import { sampleViewingLogModel } from './sample.js';
import { renderViewingLog } from './viewing-log.js';

let pdf: PopplerPdf;
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await renderViewingLog(await sampleViewingLogModel());
  pdf = await openWithPoppler(bytes);
});
afterAll(async () => pdf?.dispose());

describe('renderViewingLog (demo viewing)', () => {
  it('records the route with times and durations, masked name, impressions and confirmation', async () => {
    const text = await pdf.text();
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('동행 기록지');
    expect(text).toContain('김*지');
    expect(text).not.toContain('김민지');
    expect(text).toContain('서울대입구역 3번 출구');
    // Stop 1: 14:15–15:05 = 50분; stop 2: 15:25–16:00 = 35분.
    expect(flat).toContain('14:1515:0550분');
    expect(flat).toContain('15:2516:0035분');
    expect(text).toContain('보통');
    expect(text).toContain('좋음');
    expect(text).toContain('중개사에게 건축물대장 요청');
    expect(text).toContain('위 동행 기록의 내용을 확인했습니다.');
    expect(flat).toContain('2026.11.21.(토)16:08');
    // A correction after confirmation is added as a dated amendment; the original stays.
    expect(text).toContain('정정 기록 (원본 유지)');
    expect(flat).toContain('관리비12만원');
    expect(flat).toContain('2026.11.22.(일)10:30');
  });

  it('embeds the five photos and the signature, with fonts poppler accepts', async () => {
    const images = await pdf.images();
    expect(images).toHaveLength(6);
    expect(images.filter((i) => i.type === 'image')).toHaveLength(6);
    const { stderr } = await pdf.fonts();
    expect(stderr).toBe('');
    expect(bytes.length).toBeLessThan(1024 * 1024);
  });
});
