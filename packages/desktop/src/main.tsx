import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { DeskStore } from "./desk/deskStore.ts";
import { DeskContext } from "./desk/useDesk.ts";
import "./styles.css";

const desk = new DeskStore({ baseUrl: window.location.origin, storage: window.sessionStorage });
desk.resume();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <DeskContext value={desk}>
      <App />
    </DeskContext>
  </StrictMode>,
);
