// src/withoutBlankValues.ts: the rule that an environment variable set to "" (or only spaces) is unset.

/**
 * The environment without the variables whose value is empty or only spaces: dotenv files and container platforms
 * write `NAME=`, which means "not set" (the Gemini SDK reads it so too), never "set to nothing".
 */
export function withoutBlankValues(env: Record<string, string | undefined>): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [name, value] of Object.entries(env)) if (value !== undefined && value.trim() !== "") kept[name] = value;
	return kept;
}
