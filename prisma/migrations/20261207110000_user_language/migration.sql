-- The language each person chose for the portal's e-mails to them.
ALTER TABLE "app_user" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_language_check" CHECK ("language" IN ('en', 'cy'));
