export type BannerInput = {
  url: string;
  database: { kind: "embedded"; dataDir: string } | { kind: "server" };
  worker: boolean;
  admin: { created: boolean; email?: string; usersExist: boolean };
  mode: "production" | "development";
};

/** The lines `npm start` prints once the web app answers: where it is, and how the first person gets in. */
export function formatBanner({ url, database, worker, admin, mode }: BannerInput): string {
  const firstLogin = admin.created
    ? `Sign in as ${admin.email} (created from ADMIN_EMAIL, with ADMIN_PASSWORD) at ${url}/login`
    : admin.usersExist
      ? `Sign in at ${url}/login`
      : `First run: open ${url}/setup to create the first admin`;
  const lines = [
    `Orbit is running at ${url}${mode === "development" ? " (development mode)" : ""}`,
    `  database  ${database.kind === "embedded" ? `embedded PGlite, data in ${database.dataDir}` : "PostgreSQL from DATABASE_URL"}`,
    `  worker    ${worker ? "running" : "off (ORBIT_WORKER=off)"}`,
    "",
    `  ${firstLogin}`,
    "",
    "Stop with Ctrl-C.",
  ];
  const width = Math.max(...lines.map((line) => line.length)) + 2;
  const rule = "─".repeat(width);
  return [rule, ...lines.map((line) => ` ${line}`), rule].join("\n");
}
