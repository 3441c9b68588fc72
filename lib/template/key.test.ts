import { describe, expect, it } from "vitest";

import { templateKey } from "@/lib/template/key";

describe("templateKey", () => {
  it("drops placeholders and keeps the literal words, as before", () => {
    expect(templateKey("program {prog}: load program: invalid argument: invalid func unknown#{helper}")).toBe("program-load-program-invalid-argument-invalid-func-unknown");
    // {{id}} is the literal text {id}: dropped like a placeholder, as it always was.
    expect(templateKey("unable to create endpoint: [PUT /endpoint/{{id}}][429] putEndpointIdTooManyRequests")).toBe("unable-to-create-endpoint-put-endpoint-429-putendpointidtoomanyrequests");
    expect(templateKey("{x...} failed")).toBe("failed");
  });

  it("reads a template of 32,000 literal braces in one pass (each brace scanned to the end before)", () => {
    expect(templateKey("{{".repeat(16_000))).toBe("error");
    expect(templateKey(`${"{".repeat(32_000)}abc`)).toBe("abc");
  });
});
