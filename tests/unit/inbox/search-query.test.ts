import { describe, expect, it } from "vitest";
import { foldAccents, prefixTsQuery, searchWords, spellingVariants } from "../../../server/conversations/search-query";
import { matchSnippet } from "../../../server/conversations/search-messages.server";
import { messagePreview } from "../../../server/conversations/preview";

describe("search words -> prefix tsquery", () => {
  it("keeps only letters and digits, lower-cased, and drops one-letter noise", () => {
    expect(searchWords("  Lavado-RÁPIDO, a  F150!! ")).toEqual(["lavado", "rápido", "f150"]);
    expect(searchWords("&|!:*()'")).toEqual([]);
    expect(searchWords("a")).toEqual(["a"]);
    expect(searchWords("one two three four five six seven")).toHaveLength(5);
  });

  it("folds accents and offers Spanish spellings both ways", () => {
    expect(foldAccents("Cancelación niño pingüino")).toBe("Cancelacion nino pinguino");
    expect(spellingVariants("cancelacion")).toEqual(expect.arrayContaining(["cancelacion", "cancelación"]));
    expect(spellingVariants("nino")).toEqual(expect.arrayContaining(["nino", "niño"]));
    expect(spellingVariants("rápido")).toEqual(expect.arrayContaining(["rápido", "rapido"]));
    expect(spellingVariants("pinguino")).toContain("pingüino");
    expect(spellingVariants("a".repeat(40)).length).toBeLessThanOrEqual(48);
  });

  it("builds an AND of ORed prefixes that never carries tsquery syntax from the input", () => {
    expect(prefixTsQuery("lav rap")).toBe("(lav:* | láv:*) & (rap:* | ráp:*)");
    expect(prefixTsQuery("  ")).toBeNull();
    expect(prefixTsQuery("x' | !y:*")).toBe("(x:*) & (y:*)");
  });
});

describe("previews and snippets", () => {
  it("collapses whitespace and cuts long previews at a word", () => {
    expect(messagePreview("  Hi\n\nthere  ")).toBe("Hi there");
    const long = "word ".repeat(60);
    const preview = messagePreview(long, 40);
    expect(preview.length).toBeLessThanOrEqual(40);
    expect(preview.endsWith("word…")).toBe(true);
  });

  it("shows the part of a long message around the match (accents ignored)", () => {
    const text = `${"Intro text that goes on. ".repeat(10)}Necesito la cancelación del martes. ${"Closing words here. ".repeat(10)}`;
    const snippet = matchSnippet(text, ["cancelacion"], 80);
    expect(snippet).toContain("cancelación");
    expect(snippet.startsWith("…")).toBe(true);
    expect(matchSnippet("short one", ["x"])).toBe("short one");
  });
});
