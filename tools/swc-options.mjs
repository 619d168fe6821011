// The one swc transform of the server code: legacy decorators with their metadata (Nest's dependency injection
// reads it), ES2022, ESM, class names kept. Used by the development loader (tools/esm-loader.mjs), the production
// build (tools/build.mjs) and jest (jest.preset.mjs), so the three run the same JavaScript.
export const swcJsc = {
  parser: { syntax: 'typescript', decorators: true },
  transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  target: 'es2022',
  keepClassNames: true,
};
export const swcModule = { type: 'es6' };
