-- The Area RASSO unit's address and phone number as letters print them under
-- its name. Empty until an administrator sets them: no address is assumed.
ALTER TABLE "area" ADD COLUMN "letter_address_en" TEXT NOT NULL DEFAULT '';
ALTER TABLE "area" ADD COLUMN "letter_address_cy" TEXT NOT NULL DEFAULT '';
ALTER TABLE "area" ADD COLUMN "letter_phone" TEXT NOT NULL DEFAULT '';
