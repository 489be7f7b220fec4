// API methods of the viewing module: method name → input schema, and their result types.
// Merged into the one allow-listed map in methods.ts.
export const viewingInputs = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ViewingResults {}
