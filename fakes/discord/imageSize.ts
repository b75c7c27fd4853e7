// Reads width and height of PNG, JPEG, GIF and WebP bytes, as Discord reports them on image attachments.

export interface ImageSize {
	width: number;
	height: number;
}

/** Returns the pixel size of an image, or undefined when the bytes are not a known image format. */
export function imageSize(data: Buffer): ImageSize | undefined {
	if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
		return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
	}
	if (data.length >= 10 && data.toString("latin1", 0, 4) === "GIF8") {
		return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
	}
	if (data.length >= 30 && data.toString("latin1", 0, 4) === "RIFF" && data.toString("latin1", 8, 12) === "WEBP") {
		return webpSize(data);
	}
	if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return jpegSize(data);
	return undefined;
}

function webpSize(data: Buffer): ImageSize | undefined {
	const chunk = data.toString("latin1", 12, 16);
	if (chunk === "VP8X") return { width: data.readUIntLE(24, 3) + 1, height: data.readUIntLE(27, 3) + 1 };
	if (chunk === "VP8 ") return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
	if (chunk === "VP8L") {
		const bits = data.readUInt32LE(21);
		return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
	}
	return undefined;
}

function jpegSize(data: Buffer): ImageSize | undefined {
	let offset = 2;
	while (offset + 9 < data.length) {
		if (data[offset] !== 0xff) return undefined;
		const marker = data[offset + 1] ?? 0;
		const length = data.readUInt16BE(offset + 2);
		const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isStartOfFrame) return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
		offset += 2 + length;
	}
	return undefined;
}
