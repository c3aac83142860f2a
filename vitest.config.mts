import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Deadlines, not waits: a test ends as soon as it is done. Generous because at load ~20 on two
    // cores a migration test over a real library took 28 s of the old 30 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
