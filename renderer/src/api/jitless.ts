/**
 * Must be the first import of the renderer entry. The contract's zod schemas probe for
 * `new Function` support when they are created; under our CSP (no 'unsafe-eval') that probe is
 * reported as a violation even though zod catches it. Jitless mode skips the probe.
 */
import { config } from 'zod';

config({ jitless: true });
