// `npm run fuzz`: runs the TypeScript fuzz driver (electron/fuzz/run.ts) through jiti, the
// loader the suite's workers use, so no build is needed and the sources under test are current.
import { createJiti } from 'jiti';

const entry = new URL('./run.ts', import.meta.url).pathname;
createJiti(import.meta.url)(entry);
