/** A failed invariant, with the actions that led to it: the ones that changed something, then the last. */
export class Violation<A> extends Error {
  constructor(
    readonly problems: string[],
    readonly actions: A[],
  ) {
    super(problems.join("\n"));
  }
}

/**
 * Cuts a failing sequence down: drops chunks of actions, then single ones, as long as `fails`
 * still holds of what is left, for at most `budgetMs`; what it has cut by then is still a
 * reproduction.
 */
export function minimize<A>(
  actions: readonly A[],
  fails: (candidate: A[]) => boolean,
  budgetMs: number,
): A[] {
  const deadline = Date.now() + budgetMs;
  let current = [...actions];
  for (let chunk = Math.ceil(current.length / 2); chunk >= 1 && Date.now() < deadline; ) {
    let removed = false;
    for (let i = 0; i < current.length && Date.now() < deadline; ) {
      const candidate = [...current.slice(0, i), ...current.slice(i + chunk)];
      if (candidate.length > 0 && fails(candidate)) {
        current = candidate;
        removed = true;
      } else i += chunk;
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return current;
}
