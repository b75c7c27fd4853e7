// src/deployCommands.ts: `npm run deploy-commands` entry point.
import "dotenv/config";
import { ConfigError, loadDeployConfig } from "./config.js";
import { deployCommands } from "./discord/deployCommands.js";

try {
	const { count, scope } = await deployCommands(loadDeployConfig(process.env));
	console.log(
		`Registered ${count} commands (${scope}).${scope === "global" ? " Global commands can take up to an hour to appear; set DISCORD_GUILD_ID to test instantly." : ""}`,
	);
} catch (err) {
	console.error(err instanceof ConfigError ? err.message : `Could not register commands: ${(err as Error).message}`);
	process.exitCode = 1;
}
