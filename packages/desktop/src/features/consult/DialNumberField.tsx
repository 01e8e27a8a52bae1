import { type AddressBookEntry, filterAddressBook } from "@parley/protocol";
import { useId } from "react";
import { t } from "../../i18n/t.ts";
import { checkNumber, type DialInput, pasted, typed } from "./dialInput.ts";

export interface DialNumberFieldProps {
  readonly input: DialInput;
  readonly addressBook: readonly AddressBookEntry[];
  readonly onInput: (input: DialInput) => void;
}

const SUGGESTIONS = 8;

/**
 * The dial-number field: sanitised as the agent types or pastes (DIAL-2), checked by the server's
 * rules (DIAL-1, DIAL-3), with the address book filtered by what is typed (DIAL-4).
 */
export function DialNumberField({ input, addressBook, onInput }: DialNumberFieldProps) {
  const id = useId();
  const check = checkNumber(input);
  const suggestions = filterAddressBook(addressBook, input.text, SUGGESTIONS);
  const describedBy = `${id}-note`;

  return (
    <div className="dial-field">
      <label htmlFor={`${id}-input`}>{t("dial.label")}</label>
      <input
        id={`${id}-input`}
        type="tel"
        autoComplete="off"
        value={input.text}
        aria-describedby={describedBy}
        aria-invalid={check ? !check.ok : undefined}
        onChange={(e) => onInput(typed(e.currentTarget.value))}
        onPaste={(e) => {
          const el = e.currentTarget;
          const start = el.selectionStart ?? el.value.length;
          const end = el.selectionEnd ?? el.value.length;
          e.preventDefault();
          onInput(pasted(el.value.slice(0, start), e.clipboardData.getData("text"), el.value.slice(end)));
        }}
      />
      <p id={describedBy} className="muted" role="status">
        {input.kind === "number" && input.removed && <span>{t("dial.removed")} </span>}
        <span>{noteOf(input, check)}</span>
      </p>
      {suggestions.length > 0 && (
        <ul className="address-book" aria-label={t("dial.addressBook")}>
          {suggestions.map((entry) => (
            <li key={entry.id}>
              <button type="button" className="quiet" onClick={() => onInput(pasted("", entry.number, ""))}>
                <span>{entry.name}</span> <span className="muted">{entry.number}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function noteOf(input: DialInput, check: ReturnType<typeof checkNumber>): string {
  if (input.kind === "search") return t("dial.searching");
  if (!check) return t("dial.allowed");
  if (!check.ok) return t(`dial.error.${check.code}`);
  return check.kind === "EXTENSION_OR_LOCAL" ? t("dial.local") : t("dial.dials", { number: check.e164 });
}
