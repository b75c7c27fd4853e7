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
	/** /background: a photo outside the pixel bounds it takes. */
	imagePixels: { name: string; width: number; height: number; minEdge: number; maxEdge: number; maxMegapixels: number };
	/** /background: the mask's shape is not the photo's. */
	maskAspect: { imageWidth: number; imageHeight: number; maskWidth: number; maskHeight: number };
	/** /background: the mask keeps everything or nothing. */
	maskUniform: { keepsAll: boolean };
	/** /background: a confirmed mask preview is gone (expired, or already used). */
	maskExpired: Record<string, never>;
	/** /background: an option outside its range (Discord's option limits already refuse these). */
	optionOutOfRange: { option: string; min: number; max: number; got: number };
};
export type UserInputCode = keyof UserInputDetails;

/** An expected refusal: a literal code that keys a message, and the structured details that message needs. */
export class CodedError<Details extends object, Code extends keyof Details & string> extends Error {
	constructor(
		readonly code: Code,
		readonly details: Details[Code],
	) {
		super(code);
		this.name = new.target.name;
	}
}

/** A member's input the bot cannot use; shown to that member, never a crash, never a change to stored history. */
export class UserInputError<Code extends UserInputCode = UserInputCode> extends CodedError<UserInputDetails, Code> {}
