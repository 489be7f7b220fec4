/** A data folder problem the user can act on, in Korean and English. */
export class DataDirError extends Error {
  constructor(
    readonly ko: string,
    readonly en: string,
  ) {
    super(en);
  }
}
