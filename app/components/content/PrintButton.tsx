// A print button, hidden until the enhancement script can make it work.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="govuk-button govuk-button--secondary app-no-print" data-print="" hidden>
      {label}
    </button>
  );
}
