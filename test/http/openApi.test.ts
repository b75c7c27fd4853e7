// test/http/openApi.test.ts: /openapi.json is a valid OpenAPI 3.1 document made from the schemas that validate requests.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { capabilitiesOf } from "../../src/gemini/models.js";
import { openApiDocument } from "../../src/http/api/openApi.js";
import { routeSpecs } from "../../src/http/api/routeSpecs.js";

const documentFor = (model: string) =>
	openApiDocument(Object.values(routeSpecs(capabilitiesOf(model))), { version: "1.0.0", description: "test" });

type Operation = {
	requestBody?: { content: Record<string, { schema: { properties: Record<string, { enum?: string[] }> } }> };
	responses: Record<string, unknown>;
	security: unknown[];
};
const operation = (doc: ReturnType<typeof documentFor>, path: string, method = "post") =>
	(doc.paths[path] as Record<string, Operation>)[method] as Operation;

describe("the OpenAPI document", () => {
	it.each(["gemini-3.1-flash-image", "gemini-2.5-flash-image", "some-future-model"])(
		"validates against the OpenAPI 3.1 schema (%s)",
		async (model) => {
			const validator = new Validator();
			const result = await validator.validate(JSON.parse(JSON.stringify(documentFor(model))));
			expect(result.errors ?? []).toEqual([]);
			expect(result.valid).toBe(true);
			expect(validator.version).toBe("3.1");
		},
	);

	it("the validator refuses a broken document (so the check above means something)", async () => {
		const broken = JSON.parse(JSON.stringify(documentFor("gemini-3.1-flash-image")));
		delete broken.paths["/v1/images"].post.responses;
		broken.components.securitySchemes.bearer.type = "password";
		expect((await new Validator().validate(broken)).valid).toBe(false);
	});

	it("lists every route, with bearer security on the API's and none on health, readiness and metrics", () => {
		const doc = documentFor("gemini-3.1-flash-image");
		expect(Object.keys(doc.paths).sort()).toEqual(
			[
				"/",
				"/generate-image",
				"/healthz",
				"/metrics",
				"/openapi.json",
				"/readyz",
				"/v1/conversations/{id}/turns",
				"/v1/images",
			].sort(),
		);
		expect(operation(doc, "/v1/images").security).toEqual([{ bearer: [] }]);
		expect(operation(doc, "/readyz", "get").security).toEqual([]);
		expect(Object.keys(operation(doc, "/v1/images").responses).sort()).toEqual(
			["200", "400", "401", "413", "422", "429", "502", "503", "504"].sort(),
		);
	});

	it("shows exactly the aspect ratios and sizes the configured model takes", () => {
		const flash = operation(documentFor("gemini-3.1-flash-image"), "/v1/images");
		const body = flash.requestBody?.content["application/json"]?.schema.properties ?? {};
		expect(body.aspectRatio?.enum).toEqual([...capabilitiesOf("gemini-3.1-flash-image").aspectRatios]);
		expect(body.size?.enum).toEqual(["512", "1K", "2K", "4K"]);
		const legacy = operation(documentFor("gemini-2.5-flash-image"), "/v1/images");
		expect(legacy.requestBody?.content["application/json"]?.schema.properties.size?.enum).toBeUndefined();
	});

	it("is generated from the very schema that validates the body", () => {
		const specs = routeSpecs(capabilitiesOf("gemini-3-pro-image"));
		const documented = operation(documentFor("gemini-3-pro-image"), "/v1/images").requestBody?.content[
			"application/json"
		]?.schema;
		const { $schema: _dialect, ...fromValidator } = z.toJSONSchema(specs.createImage.body, {
			target: "draft-2020-12",
			io: "input",
		});
		expect(documented).toEqual(fromValidator);
		expect(specs.createImage.body.safeParse({ prompt: "a", size: "512" }).success).toBe(false);
		expect(specs.createImage.body.safeParse({ prompt: "a", size: "4K", aspectRatio: "21:9" }).success).toBe(true);
	});
});
