import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores and the demos measure time and memory.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['test/firefox/**/*.ff.ts'],
          // Serves the built site like the e2e setup, but checks for Firefox, not Chromium.
          globalSetup: ['test/firefox/support/global-setup.ts'],
          environment: 'node',
          // One Firefox at a time (two cores); each file launches its own with a fresh profile.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
})
