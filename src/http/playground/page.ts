// src/http/playground/page.ts: the playground at GET / (static HTML, CSS and a script; no build step, no framework).

export const PLAYGROUND_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Image API playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/playground.css">
<script src="/playground.js" defer></script>
</head>
<body>
<main>
<h1>Image API playground</h1>
<p class="note">Every request goes to this server's API with your token. Generated images carry Google's invisible SynthID watermark.</p>
<form id="form">
<label>API token <input id="token" type="password" autocomplete="off" required placeholder="one of HTTP_API_TOKENS"></label>
<label>Prompt <textarea id="prompt" rows="3" placeholder="a nano banana dish in a fancy restaurant"></textarea></label>
<div class="row">
<label>Aspect ratio <select id="aspect"><option value="">model default</option></select></label>
<label>Size <select id="size"><option value="">model default</option></select></label>
<label class="check"><input id="imageOnly" type="checkbox"> image only</label>
</div>
<label>Input images <input id="images" type="file" accept="image/*" multiple></label>
<div class="row">
<button id="send" type="submit">New conversation</button>
<button id="continue" type="button" disabled>Continue this conversation</button>
<button id="reset" type="button" disabled>Start over</button>
</div>
<p id="status" role="status" aria-live="polite"></p>
</form>
<p id="conversation" class="note" hidden></p>
<div id="results"></div>
</main>
</body>
</html>
`;

export const PLAYGROUND_CSS = `body { font: 16px/1.45 system-ui, sans-serif; margin: 0; background: #f6f6f4; color: #1d1d1b; }
main { max-width: 860px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
label { display: block; margin: .6rem 0; font-weight: 600; }
input[type=password], textarea, select { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: .45rem; margin-top: .25rem; }
.row { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
.row label { flex: 1; }
.check { display: flex; gap: .4rem; align-items: center; }
.check input { width: auto; }
button { font: inherit; padding: .5rem 1rem; cursor: pointer; }
.note { color: #5d5d58; font-size: .9rem; }
.turn { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.turn .asked { color: #5d5d58; margin: 0 0 .5rem; }
.turn img { display: block; max-width: 100%; margin: .5rem 0; border-radius: 4px; }
.error { color: #9b1c1c; }
`;

/** The page's script: reads the accepted values from /openapi.json, sends turns, shows parts in the model's order. */
export const PLAYGROUND_JS = `"use strict";
const $ = (id) => document.getElementById(id);
let conversationId = null;

function fill(select, values) {
	for (const value of values || []) select.append(new Option(value, value));
}

async function loadChoices() {
	try {
		const doc = await (await fetch("/openapi.json")).json();
		const body = doc.paths["/v1/images"].post.requestBody.content["application/json"].schema.properties;
		fill($("aspect"), body.aspectRatio && body.aspectRatio.enum);
		fill($("size"), body.size && body.size.enum);
		$("size").disabled = !(body.size && body.size.enum);
	} catch {
		$("status").textContent = "Could not read /openapi.json.";
	}
}

function readFile(file) {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve({ mimeType: file.type || "image/png", data: String(reader.result).split(",")[1] });
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(file);
	});
}

function turnBox(prompt, count) {
	const box = document.createElement("section");
	box.className = "turn";
	const asked = document.createElement("p");
	asked.className = "asked";
	asked.textContent = "You: " + (prompt || "(images only)") + (count ? " [" + count + " image" + (count > 1 ? "s" : "") + "]" : "");
	box.append(asked);
	$("results").append(box);
	return box;
}

function show(box, answer, status) {
	if (status === 200) {
		for (const part of answer.parts) {
			if (part.kind === "text") {
				const p = document.createElement("p");
				p.textContent = part.text;
				box.append(p);
			} else {
				const img = document.createElement("img");
				img.src = "data:" + part.mimeType + ";base64," + part.data;
				img.alt = "generated image";
				box.append(img);
			}
		}
		return;
	}
	const p = document.createElement("p");
	p.className = "error";
	const lines = [answer.message || answer.error];
	if (answer.hint) lines.push(answer.hint);
	for (const text of answer.messages || []) lines.push("Model: " + text);
	p.textContent = lines.filter(Boolean).join(" ");
	box.append(p);
}

async function send(continuing) {
	const token = $("token").value.trim();
	if (!token) return void ($("status").textContent = "Enter an API token.");
	const prompt = $("prompt").value;
	const files = [...$("images").files];
	$("status").textContent = "Working…";
	for (const button of document.querySelectorAll("button")) button.disabled = true;
	const box = turnBox(prompt, files.length);
	try {
		const body = { prompt, images: await Promise.all(files.map(readFile)) };
		if ($("aspect").value) body.aspectRatio = $("aspect").value;
		if ($("size").value) body.size = $("size").value;
		if ($("imageOnly").checked) body.imageOnly = true;
		const url = continuing && conversationId ? "/v1/conversations/" + conversationId + "/turns" : "/v1/images";
		const response = await fetch(url, {
			method: "POST",
			headers: { "content-type": "application/json", accept: "application/json", authorization: "Bearer " + token },
			body: JSON.stringify(body),
		});
		const answer = await response.json();
		show(box, answer, response.status);
		if (response.status === 200 || answer.id) {
			conversationId = answer.id || conversationId;
			$("conversation").hidden = false;
			$("conversation").textContent = "Conversation " + conversationId;
		}
		$("status").textContent = response.status === 200 ? "Done." : "No image (" + response.status + ").";
		$("prompt").value = "";
		$("images").value = "";
	} catch (err) {
		show(box, { message: "The request failed: " + err }, 0);
		$("status").textContent = "Failed.";
	} finally {
		$("send").disabled = false;
		$("continue").disabled = !conversationId;
		$("reset").disabled = !conversationId;
	}
}

$("form").addEventListener("submit", (event) => {
	event.preventDefault();
	void send(false);
});
$("continue").addEventListener("click", () => void send(true));
$("reset").addEventListener("click", () => {
	conversationId = null;
	$("results").replaceChildren();
	$("conversation").hidden = true;
	$("continue").disabled = true;
	$("reset").disabled = true;
	$("status").textContent = "";
});
void loadChoices();
`;
