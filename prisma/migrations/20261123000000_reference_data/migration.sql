-- The portal's reference data: CPS Areas, police forces and London boroughs.

-- CreateEnum
CREATE TYPE "ForceRouting" AS ENUM ('AREA', 'BOROUGH', 'OFFENCE_AREA');

-- CreateTable
CREATE TABLE "area" (
    "id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_cy" TEXT NOT NULL,
    "rasso_mailbox" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "police_force" (
    "id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_cy" TEXT NOT NULL,
    "codes" TEXT[],
    "routing" "ForceRouting" NOT NULL,
    "area_id" TEXT,
    "confirmed" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "police_force_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "borough" (
    "id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_cy" TEXT NOT NULL,
    "area_id" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "borough_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "police_force_area_id_idx" ON "police_force"("area_id");

-- CreateIndex
CREATE INDEX "borough_area_id_idx" ON "borough"("area_id");

-- AddForeignKey
ALTER TABLE "police_force" ADD CONSTRAINT "police_force_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "borough" ADD CONSTRAINT "borough_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Reference data from prisma/reference-data.json (a test proves they match).
INSERT INTO "area" ("id", "name_en", "name_cy", "rasso_mailbox", "updated_at") VALUES
  ('north-east', 'CPS North East', 'CPS y Gogledd-ddwyrain', 'rasso.north-east@cps.example', CURRENT_TIMESTAMP),
  ('yorkshire-humberside', 'CPS Yorkshire and Humberside', 'CPS Swydd Efrog a Humberside', 'rasso.yorkshire-humberside@cps.example', CURRENT_TIMESTAMP),
  ('north-west', 'CPS North West', 'CPS y Gogledd-orllewin', 'rasso.north-west@cps.example', CURRENT_TIMESTAMP),
  ('mersey-cheshire', 'CPS Mersey-Cheshire', 'CPS Glannau Mersi a Swydd Gaer', 'rasso.mersey-cheshire@cps.example', CURRENT_TIMESTAMP),
  ('west-midlands', 'CPS West Midlands', 'CPS Gorllewin Canolbarth Lloegr', 'rasso.west-midlands@cps.example', CURRENT_TIMESTAMP),
  ('east-midlands', 'CPS East Midlands', 'CPS Dwyrain Canolbarth Lloegr', 'rasso.east-midlands@cps.example', CURRENT_TIMESTAMP),
  ('east-of-england', 'CPS East of England', 'CPS Dwyrain Lloegr', 'rasso.east-of-england@cps.example', CURRENT_TIMESTAMP),
  ('thames-chiltern', 'CPS Thames and Chiltern', 'CPS Tafwys a Chiltern', 'rasso.thames-chiltern@cps.example', CURRENT_TIMESTAMP),
  ('south-east', 'CPS South East', 'CPS y De-ddwyrain', 'rasso.south-east@cps.example', CURRENT_TIMESTAMP),
  ('wessex', 'CPS Wessex', 'CPS Wessex', 'rasso.wessex@cps.example', CURRENT_TIMESTAMP),
  ('south-west', 'CPS South West', 'CPS y De-orllewin', 'rasso.south-west@cps.example', CURRENT_TIMESTAMP),
  ('cymru-wales', 'CPS Cymru-Wales', 'CPS Cymru-Wales', 'rasso.cymru-wales@cps.example', CURRENT_TIMESTAMP),
  ('london-north', 'CPS London North', 'CPS Gogledd Llundain', 'rasso.london-north@cps.example', CURRENT_TIMESTAMP),
  ('london-south', 'CPS London South', 'CPS De Llundain', 'rasso.london-south@cps.example', CURRENT_TIMESTAMP);

INSERT INTO "police_force" ("id", "name_en", "name_cy", "codes", "routing", "area_id", "confirmed", "updated_at") VALUES
  ('northumbria', 'Northumbria Police', 'Heddlu Northumbria', ARRAY['10']::TEXT[], 'AREA', 'north-east', TRUE, CURRENT_TIMESTAMP),
  ('durham', 'Durham Constabulary', 'Heddlu Durham', ARRAY['11']::TEXT[], 'AREA', 'north-east', TRUE, CURRENT_TIMESTAMP),
  ('cleveland', 'Cleveland Police', 'Heddlu Cleveland', ARRAY['17']::TEXT[], 'AREA', 'north-east', TRUE, CURRENT_TIMESTAMP),
  ('north-yorkshire', 'North Yorkshire Police', 'Heddlu Gogledd Swydd Efrog', ARRAY['12']::TEXT[], 'AREA', 'yorkshire-humberside', TRUE, CURRENT_TIMESTAMP),
  ('west-yorkshire', 'West Yorkshire Police', 'Heddlu Gorllewin Swydd Efrog', ARRAY['13']::TEXT[], 'AREA', 'yorkshire-humberside', TRUE, CURRENT_TIMESTAMP),
  ('south-yorkshire', 'South Yorkshire Police', 'Heddlu De Swydd Efrog', ARRAY['14']::TEXT[], 'AREA', 'yorkshire-humberside', TRUE, CURRENT_TIMESTAMP),
  ('humberside', 'Humberside Police', 'Heddlu Humberside', ARRAY['16']::TEXT[], 'AREA', 'yorkshire-humberside', TRUE, CURRENT_TIMESTAMP),
  ('cumbria', 'Cumbria Constabulary', 'Heddlu Cumbria', ARRAY['03']::TEXT[], 'AREA', 'north-west', TRUE, CURRENT_TIMESTAMP),
  ('lancashire', 'Lancashire Constabulary', 'Heddlu Swydd Gaerhirfryn', ARRAY['04']::TEXT[], 'AREA', 'north-west', TRUE, CURRENT_TIMESTAMP),
  ('greater-manchester', 'Greater Manchester Police', 'Heddlu Manceinion Fwyaf', ARRAY['06']::TEXT[], 'AREA', 'north-west', TRUE, CURRENT_TIMESTAMP),
  ('merseyside', 'Merseyside Police', 'Heddlu Glannau Mersi', ARRAY['05']::TEXT[], 'AREA', 'mersey-cheshire', TRUE, CURRENT_TIMESTAMP),
  ('cheshire', 'Cheshire Constabulary', 'Heddlu Swydd Gaer', ARRAY['07']::TEXT[], 'AREA', 'mersey-cheshire', TRUE, CURRENT_TIMESTAMP),
  ('west-midlands', 'West Midlands Police', 'Heddlu Gorllewin Canolbarth Lloegr', ARRAY['20']::TEXT[], 'AREA', 'west-midlands', TRUE, CURRENT_TIMESTAMP),
  ('staffordshire', 'Staffordshire Police', 'Heddlu Swydd Stafford', ARRAY['21']::TEXT[], 'AREA', 'west-midlands', TRUE, CURRENT_TIMESTAMP),
  ('west-mercia', 'West Mercia Police', 'Heddlu Gorllewin Mercia', ARRAY['22']::TEXT[], 'AREA', 'west-midlands', TRUE, CURRENT_TIMESTAMP),
  ('warwickshire', 'Warwickshire Police', 'Heddlu Swydd Warwig', ARRAY['23']::TEXT[], 'AREA', 'west-midlands', TRUE, CURRENT_TIMESTAMP),
  ('derbyshire', 'Derbyshire Constabulary', 'Heddlu Swydd Derby', ARRAY['30']::TEXT[], 'AREA', 'east-midlands', TRUE, CURRENT_TIMESTAMP),
  ('nottinghamshire', 'Nottinghamshire Police', 'Heddlu Swydd Nottingham', ARRAY['31']::TEXT[], 'AREA', 'east-midlands', TRUE, CURRENT_TIMESTAMP),
  ('lincolnshire', 'Lincolnshire Police', 'Heddlu Swydd Lincoln', ARRAY['32']::TEXT[], 'AREA', 'east-midlands', TRUE, CURRENT_TIMESTAMP),
  ('leicestershire', 'Leicestershire Police', 'Heddlu Swydd Gaerlŷr', ARRAY['33']::TEXT[], 'AREA', 'east-midlands', TRUE, CURRENT_TIMESTAMP),
  ('northamptonshire', 'Northamptonshire Police', 'Heddlu Swydd Northampton', ARRAY['34']::TEXT[], 'AREA', 'east-midlands', TRUE, CURRENT_TIMESTAMP),
  ('cambridgeshire', 'Cambridgeshire Constabulary', 'Heddlu Swydd Gaergrawnt', ARRAY['35']::TEXT[], 'AREA', 'east-of-england', TRUE, CURRENT_TIMESTAMP),
  ('norfolk', 'Norfolk Constabulary', 'Heddlu Norfolk', ARRAY['36']::TEXT[], 'AREA', 'east-of-england', TRUE, CURRENT_TIMESTAMP),
  ('suffolk', 'Suffolk Constabulary', 'Heddlu Suffolk', ARRAY['37']::TEXT[], 'AREA', 'east-of-england', TRUE, CURRENT_TIMESTAMP),
  ('essex', 'Essex Police', 'Heddlu Essex', ARRAY['42']::TEXT[], 'AREA', 'east-of-england', TRUE, CURRENT_TIMESTAMP),
  ('bedfordshire', 'Bedfordshire Police', 'Heddlu Swydd Bedford', ARRAY['40']::TEXT[], 'AREA', 'thames-chiltern', TRUE, CURRENT_TIMESTAMP),
  ('hertfordshire', 'Hertfordshire Constabulary', 'Heddlu Swydd Hertford', ARRAY['41']::TEXT[], 'AREA', 'thames-chiltern', TRUE, CURRENT_TIMESTAMP),
  ('thames-valley', 'Thames Valley Police', 'Heddlu Dyffryn Tafwys', ARRAY['43']::TEXT[], 'AREA', 'thames-chiltern', TRUE, CURRENT_TIMESTAMP),
  ('surrey', 'Surrey Police', 'Heddlu Surrey', ARRAY['45']::TEXT[], 'AREA', 'south-east', TRUE, CURRENT_TIMESTAMP),
  ('kent', 'Kent Police', 'Heddlu Caint', ARRAY['46']::TEXT[], 'AREA', 'south-east', TRUE, CURRENT_TIMESTAMP),
  ('sussex', 'Sussex Police', 'Heddlu Sussex', ARRAY['47']::TEXT[], 'AREA', 'south-east', TRUE, CURRENT_TIMESTAMP),
  ('hampshire', 'Hampshire and Isle of Wight Constabulary', 'Heddlu Hampshire ac Ynys Wyth', ARRAY['44']::TEXT[], 'AREA', 'wessex', TRUE, CURRENT_TIMESTAMP),
  ('wiltshire', 'Wiltshire Police', 'Heddlu Wiltshire', ARRAY['54']::TEXT[], 'AREA', 'wessex', TRUE, CURRENT_TIMESTAMP),
  ('dorset', 'Dorset Police', 'Heddlu Dorset', ARRAY['55']::TEXT[], 'AREA', 'wessex', TRUE, CURRENT_TIMESTAMP),
  ('devon-cornwall', 'Devon and Cornwall Police', 'Heddlu Dyfnaint a Chernyw', ARRAY['50']::TEXT[], 'AREA', 'south-west', TRUE, CURRENT_TIMESTAMP),
  ('avon-somerset', 'Avon and Somerset Police', 'Heddlu Avon a Gwlad yr Haf', ARRAY['52']::TEXT[], 'AREA', 'south-west', TRUE, CURRENT_TIMESTAMP),
  ('gloucestershire', 'Gloucestershire Constabulary', 'Heddlu Swydd Gaerloyw', ARRAY['53']::TEXT[], 'AREA', 'south-west', TRUE, CURRENT_TIMESTAMP),
  ('north-wales', 'North Wales Police', 'Heddlu Gogledd Cymru', ARRAY['60']::TEXT[], 'AREA', 'cymru-wales', TRUE, CURRENT_TIMESTAMP),
  ('gwent', 'Gwent Police', 'Heddlu Gwent', ARRAY['61']::TEXT[], 'AREA', 'cymru-wales', TRUE, CURRENT_TIMESTAMP),
  ('south-wales', 'South Wales Police', 'Heddlu De Cymru', ARRAY['62']::TEXT[], 'AREA', 'cymru-wales', TRUE, CURRENT_TIMESTAMP),
  ('dyfed-powys', 'Dyfed-Powys Police', 'Heddlu Dyfed-Powys', ARRAY['63']::TEXT[], 'AREA', 'cymru-wales', TRUE, CURRENT_TIMESTAMP),
  ('metropolitan', 'Metropolitan Police', 'Heddlu Metropolitan', ARRAY['01', '02']::TEXT[], 'BOROUGH', NULL, TRUE, CURRENT_TIMESTAMP),
  ('city-of-london', 'City of London Police', 'Heddlu Dinas Llundain', ARRAY['48']::TEXT[], 'AREA', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('british-transport', 'British Transport Police', 'Heddlu Trafnidiaeth Prydain', ARRAY['93']::TEXT[], 'OFFENCE_AREA', NULL, FALSE, CURRENT_TIMESTAMP);

INSERT INTO "borough" ("id", "name_en", "name_cy", "area_id", "confirmed", "updated_at") VALUES
  ('barking-dagenham', 'Barking and Dagenham', 'Barking a Dagenham', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('barnet', 'Barnet', 'Barnet', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('bexley', 'Bexley', 'Bexley', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('brent', 'Brent', 'Brent', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('bromley', 'Bromley', 'Bromley', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('camden', 'Camden', 'Camden', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('croydon', 'Croydon', 'Croydon', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('ealing', 'Ealing', 'Ealing', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('enfield', 'Enfield', 'Enfield', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('greenwich', 'Greenwich', 'Greenwich', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('hackney', 'Hackney', 'Hackney', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('hammersmith-fulham', 'Hammersmith and Fulham', 'Hammersmith a Fulham', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('haringey', 'Haringey', 'Haringey', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('harrow', 'Harrow', 'Harrow', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('havering', 'Havering', 'Havering', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('hillingdon', 'Hillingdon', 'Hillingdon', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('hounslow', 'Hounslow', 'Hounslow', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('islington', 'Islington', 'Islington', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('kensington-chelsea', 'Kensington and Chelsea', 'Kensington a Chelsea', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('kingston', 'Kingston upon Thames', 'Kingston upon Thames', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('lambeth', 'Lambeth', 'Lambeth', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('lewisham', 'Lewisham', 'Lewisham', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('merton', 'Merton', 'Merton', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('newham', 'Newham', 'Newham', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('redbridge', 'Redbridge', 'Redbridge', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('richmond', 'Richmond upon Thames', 'Richmond upon Thames', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('southwark', 'Southwark', 'Southwark', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('sutton', 'Sutton', 'Sutton', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('tower-hamlets', 'Tower Hamlets', 'Tower Hamlets', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('waltham-forest', 'Waltham Forest', 'Waltham Forest', 'london-north', FALSE, CURRENT_TIMESTAMP),
  ('wandsworth', 'Wandsworth', 'Wandsworth', 'london-south', FALSE, CURRENT_TIMESTAMP),
  ('westminster', 'Westminster', 'Westminster', 'london-north', FALSE, CURRENT_TIMESTAMP);
