-- Constraints added in raw SQL carry the x_ prefix, so the schema comparison
-- knows them for what Prisma cannot express.
ALTER TABLE "app_user" RENAME CONSTRAINT "app_user_language_check" TO "x_app_user_language";
