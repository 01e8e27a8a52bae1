// Call-associated data (CAD) and flow variables: CALL-6..9, POP-5..8, XFR-5, CB-7.
export {
  decideVariableEdits,
  setFlowVariables,
  type VariableConflict,
  type VariableEdit,
  type VariableEditOutcome,
} from "./edit.ts";
export {
  rejectVariable,
  VARIABLE_ERROR_CODES,
  type VariableErrorCode,
  type VariableRejection,
} from "./errors.ts";
export {
  type DisplayOptions,
  displayValue,
  type Masking,
  maskPhoneNumber,
  NUMBER_MASK,
  SECURE_MASK,
  type VariableView,
  type Viewer,
  viewVariables,
} from "./mask.ts";
export {
  type CallbackOffer,
  type CallbackPopover,
  type ConsultRequester,
  callbackPopoverFields,
  consultPopoverVariables,
  type PopoverField,
  type PopoverOptions,
  type PopoverSystemField,
  type PopoverVariable,
  voicePopoverVariables,
} from "./popover.ts";
export { copyGlobalsOnTransfer } from "./transfer.ts";
export type * from "./types.ts";
export {
  type FlowIssue,
  MAX_VALUE_LENGTH,
  type ParsedValue,
  POPOVER_MAX,
  POPOVER_MIN,
  parseValue,
  type ValueProblem,
  validateFlow,
} from "./validate.ts";
export {
  applyVariableChanges,
  defsByName,
  inDisplayOrder,
  startFlowVariables,
  variableOf,
} from "./values.ts";
