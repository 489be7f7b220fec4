// Every message a planner may see exists in Korean and English.
export interface Msg {
  ko: string;
  en: string;
}

/** An import or study problem the user can act on (bad file, unknown CRS…). */
export class GeoInputError extends Error {
  constructor(
    readonly code: string,
    readonly msg: Msg,
    /** Extra data for callers, e.g. the CRS candidates to ask about. */
    readonly detail?: Record<string, unknown>,
  ) {
    super(msg.en);
    this.name = 'GeoInputError';
  }
}

export const fail = (code: string, ko: string, en: string, detail?: Record<string, unknown>): never => {
  throw new GeoInputError(code, { ko, en }, detail);
};

/** A warning recorded during import: code + both languages. */
export interface GeoWarning extends Msg {
  code: string;
}

export const warn = (code: string, ko: string, en: string): GeoWarning => ({ code, ko, en });
