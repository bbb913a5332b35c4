import { describe, expect, it } from "vitest";
import { parseTheme, themeClass } from "./parse-theme";

describe("parseTheme", () => {
  it("keeps a known choice", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
  });

  it("falls back to system for a missing or forged cookie", () => {
    expect(parseTheme(undefined)).toBe("system");
    expect(parseTheme("")).toBe("system");
    expect(parseTheme('dark" onload="x')).toBe("system");
  });
});

describe("themeClass", () => {
  it("puts no class on <html> for system, so the media query decides", () => {
    expect(themeClass("system")).toBeUndefined();
    expect(themeClass("dark")).toBe("dark");
  });
});
