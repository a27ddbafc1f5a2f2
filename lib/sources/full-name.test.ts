import { describe, expect, it } from "vitest";
import { fullName } from "./full-name";

describe("fullName", () => {
  it("orders given, middle, family with spaces, and East Asian names family first without them", () => {
    expect(fullName({ given: "José", additional: "Luis", family: "García" })).toBe("José Luis García");
    expect(fullName({ given: " Dana ", family: "" })).toBe("Dana");
    expect(fullName({ given: "小明", family: "王" })).toBe("王小明");
    expect(fullName({ given: "愛子", family: "田中" })).toBe("田中愛子");
    expect(fullName({ given: "민준", family: "김" })).toBe("김민준");
  });
});
