// JavaScript regexes backtrack and cannot be interrupted: `(a+)+$` stalls the event loop for minutes on 30
// characters, and even `.*a.*b` takes 13 s on 4,096 (measured on Node 20). V8's linear engine (`l` flag) would fix
// this but rejects `i`, `\b` and most real patterns, and a worker with a timeout costs a thread hop per event. So a
// routing regex is held to shapes whose worst case is at most quadratic, which on the 4,096-character text cap in
// match-route stays around 20 ms: one variable repetition in the whole pattern, no alternation inside a repeated
// group, no backreferences. Richer matching belongs in a JSONata expression or in several conditions.

export const REGEX_TEXT_LIMIT = 4096;

const ONE_REPETITION =
  "only one repetition (*, +, ?, {n,m}) is allowed, so a pattern cannot stall the server";

/** Returns why `pattern` is refused, or null when it is safe to run on untrusted text of REGEX_TEXT_LIMIT chars. */
export function findRegexHazard(pattern: string): string | null {
  const groups: { alternation: boolean; repeats: boolean }[] = [];
  let lastGroup: { alternation: boolean; repeats: boolean } | null = null;
  let repetitions = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    let closedGroup = false;
    if (char === "\\") {
      if (/[1-9k]/.test(pattern[i + 1] ?? "")) return "backreferences are not allowed";
      i++;
    } else if (char === "[") {
      i = skipClass(pattern, i);
    } else if (char === "(") {
      groups.push({ alternation: false, repeats: false });
      i = skipGroupPrefix(pattern, i);
    } else if (char === "|") {
      const group = groups.at(-1);
      if (group) group.alternation = true;
    } else if (char === ")") {
      lastGroup = groups.pop() ?? null;
      const parent = groups.at(-1);
      if (lastGroup?.repeats && parent) parent.repeats = true;
      closedGroup = true;
    } else {
      const end = readRepetition(pattern, i);
      if (end !== null) {
        if (lastGroup?.alternation) return "a repeated group may not contain alternatives (|)";
        if (++repetitions > 1) return ONE_REPETITION;
        for (const group of groups) group.repeats = true;
        // A lazy suffix belongs to the repetition, not to a new one.
        i = pattern[end + 1] === "?" ? end + 1 : end;
      } else if (char === "{" && /^\{\d+\}/.test(pattern.slice(i, i + 12))) {
        // `(a*){3}` is `a*a*a*`: a fixed count over a repetition multiplies it.
        if (lastGroup?.repeats) return ONE_REPETITION;
        i = pattern.indexOf("}", i);
      }
    }
    if (!closedGroup) lastGroup = null;
  }
  return null;
}

/** Skips the `?:`, `?=`, `?!`, `?<=`, `?<!` or `?<name>` after "(", so its "?" is not taken for a repetition. */
function skipGroupPrefix(pattern: string, open: number): number {
  if (pattern[open + 1] !== "?") return open;
  const next = pattern[open + 2];
  if (next === ":" || next === "=" || next === "!") return open + 2;
  if (next === "<") {
    if (pattern[open + 3] === "=" || pattern[open + 3] === "!") return open + 3;
    const close = pattern.indexOf(">", open);
    return close === -1 ? pattern.length : close;
  }
  return open + 1;
}

function skipClass(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    // In JavaScript the first unescaped "]" always closes the class ("[]" is the empty class).
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "]") return i;
  }
  return pattern.length;
}

/** The index of the last character of a variable repetition starting at `i`, or null (`{3}` is not variable). */
function readRepetition(pattern: string, i: number): number | null {
  const char = pattern[i];
  if (char === "*" || char === "+" || char === "?") return i;
  if (char !== "{") return null;
  const match = /^\{(\d+),(\d*)\}/.exec(pattern.slice(i, i + 24));
  if (!match) return null;
  if (match[2] !== "" && Number(match[2]) <= Number(match[1])) return null;
  return i + match[0].length - 1;
}
