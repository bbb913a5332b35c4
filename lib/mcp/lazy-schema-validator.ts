import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { JsonSchemaValidator, jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";

/**
 * The SDK compiles every tool's outputSchema as soon as tools/list answers, so one schema Ajv cannot compile makes
 * the whole listing fail and the server looks broken. Compiling on first use keeps listing independent of schema
 * quirks; a call to the odd tool then fails alone, with the reason.
 */
export function createLazySchemaValidator(): jsonSchemaValidator {
  const ajv = new AjvJsonSchemaValidator();
  return {
    getValidator<T>(schema: Parameters<jsonSchemaValidator["getValidator"]>[0]): JsonSchemaValidator<T> {
      let compiled: JsonSchemaValidator<T> | undefined;
      return (input) => {
        try {
          compiled ??= ajv.getValidator<T>(schema);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return {
            valid: false,
            data: undefined,
            errorMessage: `The tool's outputSchema is not usable: ${reason}`,
          };
        }
        return compiled(input);
      };
    },
  };
}
