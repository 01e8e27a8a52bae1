import { describe, expect, it } from "vitest";
import { type AddressBookEntry, filterAddressBook, validateAddressBook } from "./addressBook.ts";

const entry = (id: string, name: string, number: string): AddressBookEntry => ({ id, name, number });

const book: readonly AddressBookEntry[] = [
  entry("e1", "Anna Lindqvist", "+46 70-123 45 67"),
  entry("e2", "Lindsay Ortiz", "+1 (201) 555-0123"),
  entry("e3", "Björn Ångström", "+46 8 123 456 78"),
  entry("e4", "Søren Kierkegaard", "+45 32 12 34 56"),
  entry("e5", "Émile Zola", "+33 1 23 45 67 89"),
  entry("e6", "Seán O'Brien", "+353 1 234 5678"),
  entry("e7", "Help desk", "4711"),
  entry("e8", "Jean-Pierre Lindberg", "+33 6 12 34 56 78"),
  entry("e9", "Günter Straße", "+49 30 1234567"),
];

const names = (query: string, limit?: number) => filterAddressBook(book, query, limit).map((e) => e.name);

describe("address book", () => {
  it("DIAL-4 the address book filters by name and number as the agent types", () => {
    expect(names("l")).toEqual(["Lindsay Ortiz", "Anna Lindqvist", "Jean-Pierre Lindberg"]);
    expect(names("lind")).toEqual(["Lindsay Ortiz", "Anna Lindqvist", "Jean-Pierre Lindberg"]);
    expect(names("lindq")).toEqual(["Anna Lindqvist"]);
    expect(names("4711")).toEqual(["Help desk"]);
    expect(names("555")).toEqual(["Lindsay Ortiz"]);
    expect(names("xyz")).toEqual([]);
  });

  it("DIAL-4 numbers match on their digits, formatting ignored on both sides", () => {
    expect(names("201-555")).toEqual(["Lindsay Ortiz"]);
    expect(names("(201) 5550")).toEqual(["Lindsay Ortiz"]);
    expect(names("+4670")).toEqual(["Anna Lindqvist"]);
    expect(names("70 123")).toEqual(["Anna Lindqvist"]);
    // Zola's digits hold 12345678 from the third digit on, the others from the fourth: then by name
    expect(names("123 456 78")).toEqual([
      "Émile Zola",
      "Björn Ångström",
      "Jean-Pierre Lindberg",
      "Seán O'Brien",
    ]);
  });

  it("DIAL-4 a name prefix comes before a later word's prefix, before a number match", () => {
    const b = [
      entry("1", "Maria 12", "9999"),
      entry("2", "Room 12", "5000"),
      entry("3", "Front desk", "+46 8 123 456 78"),
      entry("4", "12 Monkeys", "5001"),
    ];
    expect(filterAddressBook(b, "12").map((e) => e.id)).toEqual(["4", "1", "2", "3"]);
  });

  it("DIAL-4 an earlier match comes first, then names in order, then the book's order", () => {
    const b = [
      entry("z", "Zed", "222 111"),
      entry("a2", "Abe", "111 222"),
      entry("a1", "Abe", "333 111"),
      entry("b", "Bea", "111 999"),
    ];
    expect(filterAddressBook(b, "111").map((e) => e.id)).toEqual(["a2", "b", "a1", "z"]);
  });

  it("DIAL-4 matching ignores case and accents, including letters that do not decompose", () => {
    expect(names("BJORN")).toEqual(["Björn Ångström"]);
    expect(names("angstrom")).toEqual(["Björn Ångström"]);
    expect(names("soren")).toEqual(["Søren Kierkegaard"]);
    expect(names("emile")).toEqual(["Émile Zola"]);
    expect(names("ÉMILE Z")).toEqual(["Émile Zola"]);
    expect(names("sean")).toEqual(["Seán O'Brien"]);
    expect(names("strasse")).toEqual(["Günter Straße"]);
    // a decomposed "é" (e + combining accent), as some keyboards and pastes produce
    expect(names("E\u0301mile")).toEqual(["Émile Zola"]);
  });

  it("DIAL-4 punctuation inside names does not get in the way", () => {
    expect(names("obrien")).toEqual(["Seán O'Brien"]);
    expect(names("brien")).toEqual(["Seán O'Brien"]);
    expect(names("jean pierre")).toEqual(["Jean-Pierre Lindberg"]);
    expect(names("pierre")).toEqual(["Jean-Pierre Lindberg"]);
    expect(names("  anna   lind ")).toEqual(["Anna Lindqvist"]);
  });

  it("DIAL-4 names match by word prefix, not in the middle of a word", () => {
    expect(names("qvist")).toEqual([]);
    expect(names("erkegaard")).toEqual([]);
  });

  it("DIAL-4 an empty query offers the book by name, up to the limit", () => {
    expect(names("")).toHaveLength(book.length);
    expect(names(" ", 3)).toEqual(["Anna Lindqvist", "Björn Ångström", "Émile Zola"]);
    expect(names("l", 2)).toEqual(["Lindsay Ortiz", "Anna Lindqvist"]);
    expect(names("l", 0)).toEqual([]);
  });

  it("DIAL-4 the default limit is 20", () => {
    const many = Array.from({ length: 30 }, (_, i) => entry(`${i}`, `Agent ${i}`, `${1000 + i}`));
    expect(filterAddressBook(many, "agent")).toHaveLength(20);
  });

  it("DIAL-4 a valid address book has no issues", () => {
    expect(validateAddressBook(book)).toEqual([]);
  });

  it("DIAL-4 validation finds duplicate or empty ids, empty names and undiallable numbers", () => {
    const issues = validateAddressBook([
      entry("a", "Anna", "+46 70 123 45 67"),
      entry("a", "Again", "4711"),
      entry("", "No id", "4712"),
      entry("c", "  ", "4713"),
      entry("d", "Short", "12"),
      entry("e", "Long", "1".repeat(19)),
      entry("f", "Not E.164", "+46 90 000 000"),
      entry("g", "Letters", "call me"),
    ]).map((i) => `${i.code} ${i.path}`);
    expect(issues).toEqual([
      "DUPLICATE_ID [1].id",
      "MISSING [2].id",
      "MISSING [3].name",
      "DIAL_NUMBER_TOO_SHORT [4].number",
      "DIAL_NUMBER_TOO_LONG [5].number",
      "DIAL_NUMBER_INVALID [6].number",
      "DIAL_NUMBER_EMPTY [7].number",
    ]);
  });
});
