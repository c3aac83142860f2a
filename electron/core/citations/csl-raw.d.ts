// Bundled CSL styles and locales are imported as text (Vite's `?raw`, also under vitest).
declare module '*.csl?raw' {
  const xml: string;
  export default xml;
}
declare module '*.xml?raw' {
  const xml: string;
  export default xml;
}
