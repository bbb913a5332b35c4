import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Where the schema and its migration history live, independent of the working directory. */
export const prismaPaths = {
  root,
  schema: `${root}prisma/schema.prisma`,
  migrations: `${root}prisma/migrations`,
};
