// Roles and CPS Area, as chosen by an administrator.
import { CheckboxGroup } from "~/components/ui/Choices.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { useLang, useT } from "~/features/i18n/i18n.ts";

const ROLES = ["ISVA", "AREA_STAFF", "VLO", "LETTER_EDITOR", "ADMIN"] as const;

export function RoleFields({ areas, roles, areaId, errors }: {
  areas: { id: string; nameEn: string; nameCy: string }[];
  roles?: string[];
  areaId?: string | null;
  errors?: { roles?: string[]; areaId?: string[] };
}) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <CheckboxGroup
        name="roles"
        label={t("admin.roles")}
        defaultValue={roles}
        error={errors?.roles}
        choices={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <Select
        name="areaId"
        label={t("admin.area")}
        defaultValue={areaId ?? ""}
        placeholder={t("admin.noArea")}
        error={errors?.areaId}
        options={areas.map((area) => ({ value: area.id, label: lang === "cy" ? area.nameCy : area.nameEn }))}
      />
    </>
  );
}
