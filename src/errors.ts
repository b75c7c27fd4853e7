// src/errors.ts: the one error class for bad input; its code keys a message in src/discord/messages.ts.
export type UserInputDetails = {
	tooManyImages: { max: number; got: number };
	imageTooLarge: { name: string; maxMb: number };
	notAnImage: { name: string };
	imageUnreadable: { name: string };
	imageDownloadFailed: { name: string };
	imageDownloadTimeout: { name: string; seconds: number };
	promptEmpty: Record<string, never>;
	promptTooLong: { max: number; got: number };
	sizeUnsupported: { size: string; model: string; sizes: readonly string[] };
	aspectUnsupported: { aspect: string; model: string };
};
export type UserInputCode = keyof UserInputDetails;

/** A member's input the bot cannot use; shown to that member, never a crash, never a change to stored history. */
export class UserInputError<Code extends UserInputCode = UserInputCode> extends Error {
	constructor(
		readonly code: Code,
		readonly details: UserInputDetails[Code],
	) {
		super(code);
		this.name = "UserInputError";
	}
}
