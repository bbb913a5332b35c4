import type { Actor } from "@/lib/auth/roles";
import { getConfigStore } from "@/lib/config/get-config-store";
import { saveConfig } from "@/lib/config/save-config";
import { AppError } from "@/lib/errors/app-error";

/**
 * Saves an exported configuration (`{ version?, settings }`, or the settings object alone) as a new version. Areas
 * and fields the file leaves out keep their current values, so a hand-written file may hold one change. Validated
 * exactly like the settings form; nothing is saved when any field is wrong.
 */
export async function importConfig(options: {
  actor: Actor;
  file: unknown;
  message?: string;
}): Promise<{ version: number; changes: number }> {
  const file = options.file as Record<string, unknown> | null;
  if (!file || typeof file !== "object" || Array.isArray(file)) {
    throw new AppError("bad_request", 'The file must hold a JSON object: { "settings": { … } }');
  }
  const given = (file.settings ?? file) as Record<string, unknown>;
  if (!given || typeof given !== "object" || Array.isArray(given)) {
    throw new AppError("bad_request", "settings must be an object of areas (toolCalls, circuit, access, …)");
  }
  const { settings: current, version } = await getConfigStore().refresh();
  const merged: Record<string, unknown> = {};
  for (const [area, fields] of Object.entries(current)) {
    const patch = given[area];
    merged[area] = patch && typeof patch === "object" ? { ...fields, ...patch } : fields;
  }
  const unknownAreas = Object.keys(given).filter((area) => area !== "version" && !(area in current));
  if (unknownAreas.length) {
    throw new AppError("bad_request", `unknown settings area: ${unknownAreas.join(", ")}`);
  }
  return saveConfig({
    actor: options.actor,
    settings: merged,
    message: options.message ?? "Imported",
    baseVersion: version,
    action: "config.import",
  });
}
