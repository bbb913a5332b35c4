import { readFile, writeFile } from "node:fs/promises";

const HEADER = `# Benchmarks

Numbers measured by the scripts in \`bench/\` (see \`bench/README.md\`). Each section is rewritten by the run that
produced it; the machine, date and command are part of the section, because a number means nothing without them.
`;

/**
 * Replaces the section tagged `key` in the benchmarks file (or appends it), leaving other sections alone, so runs
 * against different databases can sit side by side.
 */
export async function writeBenchmarksSection(file: string, key: string, markdown: string): Promise<void> {
  const current = await readFile(file, "utf8").catch(() => HEADER);
  const start = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}
