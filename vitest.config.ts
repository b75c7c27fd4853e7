import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["test/**/*.test.ts"],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// e2e files each start a fake Discord, a fake Gemini and a bot; two cores, so two at a time.
		maxWorkers: 2,
	},
});
