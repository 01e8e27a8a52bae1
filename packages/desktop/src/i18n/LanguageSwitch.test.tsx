import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { setLanguage, useLanguage } from "./language.ts";
import { t } from "./t.ts";

function Screen() {
  useLanguage();
  return (
    <>
      <p>{t("header.available")}</p>
      <LanguageSwitch />
    </>
  );
}

describe("the language switch", () => {
  afterEach(() => {
    setLanguage("en", null);
    localStorage.clear();
  });

  it("offers English, Polish, Swedish and Danish, redraws in the chosen one and keeps it", () => {
    render(<Screen />);
    const select = screen.getByLabelText<HTMLSelectElement>("Language");
    expect([...select.options].map((o) => o.text)).toEqual(["English", "Polski", "Svenska", "Dansk"]);
    fireEvent.change(select, { target: { value: "sv" } });
    expect(screen.getByText("Tillgänglig")).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>("Språk").value).toBe("sv");
    expect(localStorage.getItem("parley.language")).toBe("sv");
    fireEvent.change(screen.getByLabelText("Språk"), { target: { value: "pl" } });
    expect(screen.getByText("Dostępny")).toBeTruthy();
  });
});
