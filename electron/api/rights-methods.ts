// API methods of the rights module: method name → input schema, and their result types.
// Merged into the one allow-listed map in methods.ts.
export const rightsInputs = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RightsResults {}
