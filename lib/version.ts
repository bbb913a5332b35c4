import pkg from "@/package.json" with { type: "json" };

export const orbitVersion: string = pkg.version;
