// Where the viewing module keeps its files in the shared encrypted file store
// (data/crypto/file-store.ts): stop photos (full and `.thumb`) and tenants' signatures,
// each named by its keyed content hash.
export const PHOTO_KIND = 'viewing-photos';
export const SIGNATURE_KIND = 'signatures';
