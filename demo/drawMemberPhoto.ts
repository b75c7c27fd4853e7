// demo/drawMemberPhoto.ts: the "photo" the demo's member attaches: a surfboard on a beach, drawn with sharp.
import sharp from "sharp";

export const MEMBER_PHOTO = { width: 640, height: 480, filename: "surfboard.jpg" } as const;

/** A JPEG of a striped surfboard lying on sand by the sea, as a phone would send it. */
export async function drawMemberPhoto(): Promise<Buffer> {
	const { width, height } = MEMBER_PHOTO;
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7cc6f2"/><stop offset="1" stop-color="#d8f0fb"/></linearGradient>
<clipPath id="board"><ellipse cx="320" cy="370" rx="230" ry="46"/></clipPath>
<linearGradient id="sand" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f1d9a4"/><stop offset="1" stop-color="#d9b877"/></linearGradient>
</defs>
<rect width="100%" height="45%" fill="url(#sky)"/>
<circle cx="520" cy="70" r="38" fill="#fff6c2"/>
<rect y="45%" width="100%" height="17%" fill="#2f8fbf"/>
<path d="M0 290 Q 80 278 160 290 T 320 290 T 480 290 T 640 290 V 300 H 0 Z" fill="#e9f7fb"/>
<rect y="62%" width="100%" height="38%" fill="url(#sand)"/>
<g transform="rotate(-18 320 370)">
<ellipse cx="320" cy="370" rx="230" ry="46" fill="#ff7a3d" stroke="#7a2f10" stroke-width="4"/>
<rect x="80" y="362" width="480" height="16" fill="#ffffff" clip-path="url(#board)"/>
<ellipse cx="320" cy="370" rx="230" ry="46" fill="none" stroke="#7a2f10" stroke-width="4"/>
</g>
</svg>`;
	return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
