// Size limits shared by the API schemas and the HTTP host, so they cannot drift apart: a photo
// may be 40 MB (data/photos/prepare.ts MAX_INPUT_BYTES); in JSON it travels base64-encoded
// (4/3 larger), and the request body must hold that plus the rest of the input.
export const MAX_PHOTO_BYTES = 40 * 1024 * 1024;
/** A 40 MB photo in base64 (53.4 MiB), rounded up. */
export const MAX_PHOTO_BASE64 = 56 * 1024 * 1024;
/** The largest request body the HTTP host reads: one photo in base64 plus 1 MiB for the rest. */
export const MAX_REQUEST_BODY = MAX_PHOTO_BASE64 + 1024 * 1024;
