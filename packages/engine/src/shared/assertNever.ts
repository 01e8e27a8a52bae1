/** Makes a switch exhaustive: adding a message type without handling it fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
