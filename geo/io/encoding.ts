// Text encodings of Korean DBF/CSV files. Declared encodings (.cpg, DBF language byte) are honoured
// but verified, since real files carry wrong ones (VWorld AL_D194 .cpg says UTF-8 and is CP949).
// CP949 is decoded with iconv-lite: Node's TextDecoder('euc-kr') corrupts 8,822 Hangul syllables.
import iconv from 'iconv-lite';
import { type GeoWarning, fail, warn } from '../core/messages.js';

import type { TextEncoding } from '../core/types.js';
export type { TextEncoding };

/** Maps a user-given or .cpg label to an encoding; undefined when the label means something else. */
export function encodingFromLabel(label: string): TextEncoding | undefined {
  const l = label.trim().toUpperCase().replace(/[\s_]/g, '-');
  if (['CP949', '949', 'EUC-KR', 'EUCKR', 'KS-C-5601-1987', 'KSC5601', 'UHC', 'MS949', 'WINDOWS-949', 'ANSI-949', 'CP-949'].includes(l)) return 'CP949';
  if (['UTF-8', 'UTF8', '65001'].includes(l)) return 'UTF-8';
  return undefined;
}

export function parseEncodingOption(label: string): TextEncoding {
  return encodingFromLabel(label) ?? fail('encoding-unsupported', `지원하지 않는 인코딩입니다: ${label} (CP949 또는 UTF-8)`, `unsupported encoding: ${label} (use CP949 or UTF-8)`);
}

/** DBF language driver ids (byte 29) that name an encoding we decode. */
export function encodingFromLdid(ldid: number): TextEncoding | undefined {
  if (ldid === 0x4e) return 'CP949'; // "ANSI 949 Korean"
  return undefined;
}

const utf8Strict = () => new TextDecoder('utf-8', { fatal: true });

/** Incrementally checks whether a byte stream is valid UTF-8 and/or structurally valid CP949. */
export class EncodingProbe {
  private utf8 = utf8Strict();
  utf8Ok = true;
  cp949Ok = true;
  nonAscii = false;
  private cpPending = false; // a CP949 lead byte ended the previous chunk

  push(bytes: Uint8Array, last = false): void {
    if (this.utf8Ok) {
      try {
        this.utf8.decode(bytes, { stream: !last });
      } catch {
        this.utf8Ok = false;
      }
    }
    if (this.cp949Ok) {
      let i = 0;
      if (this.cpPending) {
        if (!isCp949Trail(bytes[0])) this.cp949Ok = false;
        i = 1;
        this.cpPending = false;
      }
      for (; i < bytes.length && this.cp949Ok; i++) {
        const b = bytes[i];
        if (b < 0x80) continue;
        this.nonAscii = true;
        if (b === 0x80 || b === 0xff) this.cp949Ok = false;
        else if (i + 1 >= bytes.length) this.cpPending = true;
        else if (!isCp949Trail(bytes[++i])) this.cp949Ok = false;
      }
      if (last && this.cpPending) this.cp949Ok = false;
    } else {
      for (let i = 0; i < bytes.length && !this.nonAscii; i++) if (bytes[i] >= 0x80) this.nonAscii = true;
    }
  }
}

const isCp949Trail = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x81 && b <= 0xfe));

export interface EncodingChoice {
  encoding: TextEncoding;
  warnings: GeoWarning[];
}

/**
 * Chooses the encoding: override > declared (verified) > strict UTF-8 > CP949.
 * `declared` names where the declaration came from (".cpg", "DBF language byte").
 */
export function chooseEncoding(
  probe: EncodingProbe,
  override: TextEncoding | undefined,
  declared: { encoding: TextEncoding; from: string } | undefined,
  file: string,
): EncodingChoice {
  const ok = (e: TextEncoding) => (e === 'UTF-8' ? probe.utf8Ok : probe.cp949Ok);
  const warnings: GeoWarning[] = [];
  if (override) {
    if (!ok(override)) {
      warnings.push(warn('encoding-override-invalid', `${file}: 지정한 인코딩 ${override}로 읽을 수 없는 바이트가 있어 일부 글자가 깨질 수 있습니다`,
        `${file}: the given encoding ${override} does not fit some bytes; some text may be garbled`));
    }
    return { encoding: override, warnings };
  }
  if (declared) {
    if (ok(declared.encoding)) return { encoding: declared.encoding, warnings };
    const other: TextEncoding = declared.encoding === 'UTF-8' ? 'CP949' : 'UTF-8';
    if (ok(other)) {
      warnings.push(warn('encoding-declared-wrong', `${file}: ${declared.from}에 ${declared.encoding}로 표시되었지만 그 인코딩으로 읽을 수 없어 ${other}로 읽었습니다`,
        `${file}: ${declared.from} says ${declared.encoding} but the text is not valid ${declared.encoding}; decoded as ${other}`));
      return { encoding: other, warnings };
    }
    warnings.push(warn('encoding-invalid', `${file}: UTF-8로도 CP949로도 올바르게 읽히지 않습니다. 표시된 ${declared.encoding}로 읽었으니 확인하세요`,
      `${file}: text is valid neither as UTF-8 nor as CP949; decoded as the declared ${declared.encoding}, please check`));
    return { encoding: declared.encoding, warnings };
  }
  if (probe.utf8Ok) return { encoding: 'UTF-8', warnings };
  if (probe.cp949Ok) {
    warnings.push(warn('encoding-fallback-cp949', `${file}: 인코딩 표시가 없고 UTF-8이 아니어서 CP949로 읽었습니다`,
      `${file}: no encoding declared and the text is not UTF-8; decoded as CP949`));
    return { encoding: 'CP949', warnings };
  }
  warnings.push(warn('encoding-invalid', `${file}: UTF-8로도 CP949로도 올바르게 읽히지 않습니다. CP949로 읽었으니 확인하세요`,
    `${file}: text is valid neither as UTF-8 nor as CP949; decoded as CP949, please check`));
  return { encoding: 'CP949', warnings };
}

const utf8Lenient = new TextDecoder('utf-8');

/** Decodes bytes in the chosen encoding (invalid bytes become U+FFFD, which callers may count). */
export function decodeText(bytes: Uint8Array, enc: TextEncoding): string {
  if (enc === 'UTF-8') return utf8Lenient.decode(bytes);
  // ASCII fast path: most DBF cells are numbers or codes.
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) { ascii = false; break; }
  if (ascii) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'cp949');
}

export function encodeText(text: string, enc: TextEncoding): Buffer {
  return enc === 'UTF-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'cp949');
}
