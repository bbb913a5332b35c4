import type { ConfigArea } from "@/lib/config/config-schema";

export type ConfigFieldDefinition = { name: string; label: string; hint: string; kind: "number" | "list" };

/** The settings form, area by area, in the order operators look for things. */
export const configAreas: { area: ConfigArea; title: string; fields: ConfigFieldDefinition[] }[] = [
  {
    area: "toolCalls",
    title: "Tool calls",
    fields: [
      {
        name: "timeoutMs",
        label: "Timeout for new servers (ms)",
        hint: "Servers keep their own once registered.",
        kind: "number",
      },
      {
        name: "retries",
        label: "Retries",
        hint: "After the first attempt, only when repeating is safe.",
        kind: "number",
      },
      {
        name: "backoffBaseMs",
        label: "Backoff base (ms)",
        hint: "The first wait, doubled for each retry.",
        kind: "number",
      },
      {
        name: "backoffMaxMs",
        label: "Backoff maximum (ms)",
        hint: "The longest wait between attempts.",
        kind: "number",
      },
    ],
  },
  {
    area: "cache",
    title: "Cache",
    fields: [
      {
        name: "defaultTtlSeconds",
        label: "Default TTL (seconds)",
        hint: "For read-only tools without a TTL of their own; 0 caches nothing.",
        kind: "number",
      },
    ],
  },
  {
    area: "circuit",
    title: "Circuit breaker",
    fields: [
      {
        name: "failureThreshold",
        label: "Failures to open",
        hint: "In a row, within the window.",
        kind: "number",
      },
      {
        name: "windowMs",
        label: "Failure window (ms)",
        hint: "Older failures are forgotten.",
        kind: "number",
      },
      { name: "openMs", label: "Open for (ms)", hint: "Before a probe call is let through.", kind: "number" },
      {
        name: "halfOpenMaxCalls",
        label: "Probe calls",
        hint: "Let through at once while half-open.",
        kind: "number",
      },
    ],
  },
  {
    area: "rateLimits",
    title: "Rate limits",
    fields: [
      { name: "webhookIntegration", label: "Webhooks per integration", hint: "Per minute.", kind: "number" },
      { name: "webhookSourceIp", label: "Webhooks per source IP", hint: "Per minute.", kind: "number" },
      {
        name: "gatewayKey",
        label: "Gateway requests per API key",
        hint: "Per minute (MCP and REST).",
        kind: "number",
      },
      { name: "loginAccount", label: "Failed sign-ins per account", hint: "Per 15 minutes.", kind: "number" },
      { name: "loginIp", label: "Failed sign-ins per address", hint: "Per 15 minutes.", kind: "number" },
    ],
  },
  {
    area: "webhooks",
    title: "Webhooks",
    fields: [
      {
        name: "maxBodyBytes",
        label: "Largest body (bytes)",
        hint: "1024 to 26214400; larger bodies get 413.",
        kind: "number",
      },
    ],
  },
  {
    area: "access",
    title: "Access",
    fields: [
      {
        name: "allowedHosts",
        label: "Allowed hosts",
        hint: "Host names the MCP endpoints answer to, one per line; * for any.",
        kind: "list",
      },
      {
        name: "ipAllow",
        label: "IP allow list",
        hint: "Addresses or CIDR ranges, one per line. When set, only these reach webhooks, MCP and REST.",
        kind: "list",
      },
      {
        name: "ipDeny",
        label: "IP deny list",
        hint: "Always refused (403), even when also allowed.",
        kind: "list",
      },
    ],
  },
];
