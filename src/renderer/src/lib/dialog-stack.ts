/** Open dialogs, innermost last: only the top one reacts to Escape and traps focus. */
const stack: symbol[] = [];

export function isAnyDialogOpen(): boolean {
  return stack.length > 0;
}

export function pushDialog(token: symbol): void {
  stack.push(token);
}

export function isTopDialog(token: symbol): boolean {
  return stack[stack.length - 1] === token;
}

export function popDialog(token: symbol): void {
  const i = stack.indexOf(token);
  if (i >= 0) stack.splice(i, 1);
}
