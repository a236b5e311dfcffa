-- The digest of the reviewed text in templates/letters last loaded for each
-- letter (both bodies and its metadata): a release whose text differs is
-- offered once, as a version waiting for review.
ALTER TABLE "letter_template" ADD COLUMN "baseline_digest" TEXT;
