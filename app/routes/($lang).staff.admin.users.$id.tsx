import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RoleFields } from "~/components/auth/RoleFields.tsx";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { AccountError, approveUser, setUserDisabled, setUserRoles } from "~/features/auth/accounts.server.ts";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { rolesSchema } from "~/features/auth/schemas.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";
import { isUuid } from "~/utils/ids.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.user");

function requireUserId(id: string | undefined) {
  if (!isUuid(id)) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const user = await getDb().user.findUnique({
    where: { id: requireUserId(params.id) },
    select: { id: true, name: true, email: true, roles: true, areaId: true, status: true, organisation: true },
  });
  if (!user) throw new Response("Not found", { status: 404 });
  const areas = await getDb().area.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameCy: true } });
  return { ...signedInData(session), user, areas, self: user.id === session.user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const form = await readForm(request);
  requireCsrf(session, form);
  const id = requireUserId(params.id);
  const db = getDb();
  switch (form.get("intent")) {
    case "roles": {
      const submission = parseWithZod(form, { schema: rolesSchema });
      if (submission.status !== "success") return data({ error: submission.error?.roles?.[0] ?? "admin.errors.rolesRequired" }, { status: 400 });
      try {
        await setUserRoles(db, session.user, id, submission.value.roles, submission.value.areaId || null);
      } catch (error) {
        if (error instanceof AccountError) return data({ error: error.key }, { status: 400 });
        throw error;
      }
      break;
    }
    case "approve":
      await approveUser(db, session.user, id, publicOrigin(request));
      break;
    case "disable":
    case "enable":
      await setUserDisabled(db, session.user, id, form.get("intent") === "disable");
      break;
    default:
      throw new Response("Bad request", { status: 400 });
  }
  return redirect(pathFor(request, `/staff/admin/users/${id}`));
}

export default function UserDetail() {
  const t = useT();
  const { user, areas, self } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  return (
    <>
      {posted?.error ? <ErrorSummary errors={[{ name: posted.error === "admin.errors.areaRequired" ? "areaId" : "roles", key: posted.error }]} /> : null}
      <h1 className="govuk-heading-l">
        <bdi>{user.name}</bdi>
      </h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("admin.email")}</dt>
          <dd className="govuk-summary-list__value">{user.email}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("admin.status")}</dt>
          <dd className="govuk-summary-list__value" data-testid="user-status">{t(`status.${user.status}`)}</dd>
        </div>
        {user.organisation ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("admin.organisation")}</dt>
            <dd className="govuk-summary-list__value">{user.organisation}</dd>
          </div>
        ) : null}
      </dl>
      <form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="roles" />
        <RoleFields areas={areas} roles={user.roles} areaId={user.areaId} />
        <Button variant="secondary">{t("admin.save")}</Button>
      </form>
      {self ? null : (
        <form method="post">
          <CsrfField />
          {user.status === "PENDING_APPROVAL" ? (
            <Button name="intent" value="approve">{t("admin.approve")}</Button>
          ) : null}{" "}
          {user.status === "DISABLED" ? (
            <Button name="intent" value="enable" variant="secondary">{t("admin.enable")}</Button>
          ) : (
            <Button name="intent" value="disable" variant="warning">{t("admin.disable")}</Button>
          )}
        </form>
      )}
    </>
  );
}
