// A GOV.UK table's head: one header cell per column, scoped to the column.
import type { ReactNode } from "react";

export function TableHead({ columns }: { columns: ReactNode[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((column, i) => (
          <th key={i} scope="col" className="govuk-table__header">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
