import { describe, expect, it } from "vitest";
import { termWeek } from "../../src/core/planner/termWeek";

describe("termWeek", () => {
  it("counts weeks from the first day of week 1, Monday to Sunday", () => {
    // A term whose week 1 starts on Monday 2021-03-01.
    expect(termWeek("2021-03-01", "2021-03-01")).toBe("第1周星期一");
    expect(termWeek("2021-03-01", "2021-03-09")).toBe("第2周星期二");
    expect(termWeek("2021-03-01", "2021-04-20")).toBe("第8周星期二");
    expect(termWeek("2021-03-01", "2021-07-11")).toBe("第19周星期日");
  });

  it("is null without a term start, before it, or with a malformed one", () => {
    expect(termWeek(null, "2021-03-09")).toBeNull();
    expect(termWeek("2021-03-01", "2021-02-28")).toBeNull();
    expect(termWeek("March", "2021-03-09")).toBeNull();
  });
});
