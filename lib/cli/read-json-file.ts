import { readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors/app-error";

/** Reads a JSON file given on the command line; any problem is one line naming the file. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new AppError(
      "bad_request",
      `cannot read ${path}: ${code === "ENOENT" ? "no such file" : String(code ?? error)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `${path} is not valid JSON: ${(error as Error).message}`);
  }
}
