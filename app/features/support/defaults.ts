// The reviewed starting list of specialist support services, loaded on the
// first start. Administrators correct it in the portal afterwards. Phone
// numbers are given only where the service's own site was checked; otherwise
// the entry sends the reader to the service's site.
import type { SupportGroup } from "./groups.ts";

export type SupportServiceInput = {
  id: string;
  nameEn: string;
  nameCy: string;
  forEn: string;
  forCy: string;
  contactEn: string;
  contactCy: string;
  url: string;
  groups: SupportGroup[];
};

export const DEFAULT_SERVICES: SupportServiceInput[] = [
  {
    id: "rape-crisis",
    nameEn: "Rape Crisis England & Wales",
    nameCy: "Rape Crisis England & Wales",
    forEn: "Anyone affected by rape, sexual abuse or any kind of sexual violence.",
    forCy: "Unrhyw un sydd wedi'i effeithio gan drais, cam-drin rhywiol neu unrhyw fath o drais rhywiol.",
    contactEn: "The 24/7 Rape and Sexual Abuse Support Line: call 0808 500 2222. It is free.",
    contactCy: "Y Llinell Gymorth Trais a Cham-drin Rhywiol 24/7: ffoniwch 0808 500 2222. Mae am ddim.",
    url: "https://rapecrisis.org.uk/",
    groups: ["everyone"],
  },
  {
    id: "victim-support",
    nameEn: "Victim Support",
    nameCy: "Cymorth i Ddioddefwyr (Victim Support)",
    forEn: "Anyone affected by crime, whether or not it was reported.",
    forCy: "Unrhyw un sydd wedi'i effeithio gan drosedd, p'un a gafodd ei riportio neu beidio.",
    contactEn: "Call 08 08 16 89 111. It is free and confidential.",
    contactCy: "Ffoniwch 08 08 16 89 111. Mae am ddim ac yn gyfrinachol.",
    url: "https://www.victimsupport.org.uk/",
    groups: ["everyone"],
  },
  {
    id: "the-survivors-trust",
    nameEn: "The Survivors Trust",
    nameCy: "The Survivors Trust",
    forEn: "Survivors of rape and sexual abuse of any gender. It can help you find a specialist service near you.",
    forCy: "Goroeswyr trais a cham-drin rhywiol o unrhyw rywedd. Gall eich helpu chi i ddod o hyd i wasanaeth arbenigol yn agos atoch chi.",
    contactEn: "See the website for how to get in touch.",
    contactCy: "Gweler y wefan i weld sut i gysylltu.",
    url: "https://www.thesurvivorstrust.org/",
    groups: ["everyone"],
  },
  {
    id: "survivors-uk",
    nameEn: "Survivors UK",
    nameCy: "Survivors UK",
    forEn: "Men, boys and non-binary people who have been raped or sexually abused.",
    forCy: "Dynion, bechgyn a phobl anneuaidd sydd wedi cael eu treisio neu eu cam-drin yn rhywiol.",
    contactEn: "See the website for online chat and other support.",
    contactCy: "Gweler y wefan am sgwrs ar-lein a chymorth arall.",
    url: "https://www.survivorsuk.org/",
    groups: ["men-and-boys"],
  },
  {
    id: "galop",
    nameEn: "Galop",
    nameCy: "Galop",
    forEn: "LGBT+ people who have experienced sexual violence, abuse or hate crime.",
    forCy: "Pobl LHDT+ sydd wedi profi trais rhywiol, camdriniaeth neu drosedd casineb.",
    contactEn: "See the website for its helplines.",
    contactCy: "Gweler y wefan am ei llinellau cymorth.",
    url: "https://galop.org.uk/",
    groups: ["lgbt"],
  },
  {
    id: "signhealth",
    nameEn: "SignHealth",
    nameCy: "SignHealth",
    forEn: "Deaf people, with support in British Sign Language (BSL).",
    forCy: "Pobl fyddar, gyda chymorth yn Iaith Arwyddion Prydain (BSL).",
    contactEn: "See the website for BSL video, text and e-mail contact.",
    contactCy: "Gweler y wefan am gysylltu drwy fideo BSL, neges destun ac e-bost.",
    url: "https://signhealth.org.uk/",
    groups: ["deaf"],
  },
  {
    id: "napac",
    nameEn: "NAPAC",
    nameCy: "NAPAC",
    forEn: "Adults who were abused as children.",
    forCy: "Oedolion a gafodd eu cam-drin pan oedden nhw'n blant.",
    contactEn: "See the website for how to get in touch.",
    contactCy: "Gweler y wefan i weld sut i gysylltu.",
    url: "https://napac.org.uk/",
    groups: ["children"],
  },
  {
    id: "childline",
    nameEn: "Childline",
    nameCy: "Childline",
    forEn: "Children and young people under 19.",
    forCy: "Plant a phobl ifanc o dan 19 oed.",
    contactEn: "Call 0800 1111. It is free.",
    contactCy: "Ffoniwch 0800 1111. Mae am ddim.",
    url: "https://www.childline.org.uk/",
    groups: ["children"],
  },
  {
    id: "live-fear-free",
    nameEn: "Live Fear Free",
    nameCy: "Byw Heb Ofn",
    forEn: "Anyone in Wales affected by sexual violence or domestic abuse, in Welsh or English.",
    forCy: "Unrhyw un yng Nghymru sydd wedi'i effeithio gan drais rhywiol neu gam-drin domestig, yn Gymraeg neu yn Saesneg.",
    contactEn: "Call 0808 80 10 800. It is free.",
    contactCy: "Ffoniwch 0808 80 10 800. Mae am ddim.",
    url: "https://gov.wales/live-fear-free",
    groups: ["welsh"],
  },
];
