-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'RETIRED');

-- CreateTable
CREATE TABLE "letter_template" (
    "id" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letter_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letter_template_version" (
    "id" UUID NOT NULL,
    "template_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "LetterStatus" NOT NULL DEFAULT 'DRAFT',
    "name_en" TEXT NOT NULL,
    "name_cy" TEXT NOT NULL,
    "sender_en" TEXT NOT NULL,
    "sender_cy" TEXT NOT NULL,
    "body_en" TEXT NOT NULL,
    "body_cy" TEXT NOT NULL,
    "placeholders" JSONB NOT NULL,
    "examples" JSONB NOT NULL,
    "author_id" UUID,
    "approver_id" UUID,
    "checks_override" TEXT,
    "submitted_at" TIMESTAMP(3),
    "approved_at" TIMESTAMP(3),
    "retired_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "letter_template_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "letter_template_version_template_id_number_key" ON "letter_template_version"("template_id", "number");

-- AddForeignKey
ALTER TABLE "letter_template_version" ADD CONSTRAINT "letter_template_version_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "letter_template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Raw SQL (see the accounts migration): an approver is never the author.
ALTER TABLE "letter_template_version" ADD CONSTRAINT "x_approver_is_not_author"
  CHECK ("approver_id" IS NULL OR "author_id" IS NULL OR "approver_id" <> "author_id");
