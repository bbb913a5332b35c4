-- AlterTable
-- Added nullable first so existing servers can be given their alias: the slug they have today, which is what their
-- federated names would have been. Then NOT NULL and unique, as the schema says.
ALTER TABLE "Server" ADD COLUMN     "alias" TEXT DEFAULT '';

UPDATE "Server" SET "alias" = "slug";

ALTER TABLE "Server" ALTER COLUMN "alias" SET NOT NULL;

-- An insert without an alias (the column default '') takes the slug, whoever inserts: the registry sets it
-- explicitly, seeds and older scripts need not. Only on INSERT: a later slug change never moves the alias.
CREATE FUNCTION "Server_alias_default"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."alias" IS NULL OR NEW."alias" = '' THEN
    NEW."alias" := NEW."slug";
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Server_alias_default" BEFORE INSERT ON "Server"
  FOR EACH ROW EXECUTE FUNCTION "Server_alias_default"();

-- CreateIndex
CREATE UNIQUE INDEX "Server_alias_key" ON "Server"("alias");
