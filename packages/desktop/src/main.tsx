import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { DeskStore } from "./desk/deskStore.ts";
import { DeskContext } from "./desk/useDesk.ts";
import { LanguageSwitch } from "./i18n/LanguageSwitch.tsx";
import { restoreLanguage, useLanguage } from "./i18n/language.ts";
import "./styles.css";

restoreLanguage();
const desk = new DeskStore({ baseUrl: window.location.origin, storage: window.sessionStorage });
desk.resume();
// CON-1: closing the tab, reloading or navigating away tells the server at once.
desk.watchPage(window);

/** The app in the chosen language: a switch of language draws every screen again. */
function Localized() {
  useLanguage();
  return (
    <>
      <App />
      <LanguageSwitch />
    </>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <DeskContext value={desk}>
      <Localized />
    </DeskContext>
  </StrictMode>,
);
