-- CreateTable
CREATE TABLE "support_service" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_cy" TEXT NOT NULL,
    "for_en" TEXT NOT NULL,
    "for_cy" TEXT NOT NULL,
    "contact_en" TEXT NOT NULL,
    "contact_cy" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "groups" TEXT[],
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "support_service_pkey" PRIMARY KEY ("id")
);
