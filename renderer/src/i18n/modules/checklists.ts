// The checklists module's strings: a top-level key of their own in both languages
// (i18n.test.ts checks that ko and en have the same keys).
export const ko = {};
export const en: typeof ko = {};
