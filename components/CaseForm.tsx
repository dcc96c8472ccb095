import { useState } from "preact/hooks";
import {
  CASE_TYPES,
  type CaseErrorKey,
  type DraftField,
} from "@/lib/after-sale";
import { catalogKey, t, type MessageKey } from "@/lib/i18n";

export type CaseFormErrors = Partial<Record<DraftField, CaseErrorKey>>;

const TEXT_FIELDS: {
  name: DraftField;
  label: MessageKey;
  inputMode?: "decimal";
}[] = [
  { name: "orderNumber", label: "caseOrderNumber" },
  { name: "product", label: "caseProduct" },
  { name: "amount", label: "caseAmount", inputMode: "decimal" },
  { name: "currency", label: "caseCurrency" },
  { name: "reason", label: "caseReason" },
  { name: "note", label: "caseNote" },
];

/**
 * A new after-sale case on the open buyer's order (pre-filled from the page). The worker checks it; each bad
 * field gets its message beside it, and nothing is saved until every field is right.
 */
export function CaseForm({
  orderNumber,
  onSubmit,
  onCancel,
}: {
  orderNumber?: string;
  onSubmit: (draft: Record<string, string>) => Promise<CaseFormErrors | null>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({
    orderNumber: orderNumber ?? "",
    type: "",
    product: "",
    amount: "",
    currency: "CNY",
    reason: "",
    note: "",
  });
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: string) =>
    setValues({ ...values, [name]: value });
  const error = (name: DraftField) =>
    errors[name] && (
      <span class="field-error" role="alert">
        {t(catalogKey(errors[name]!))}
      </span>
    );
  return (
    <form
      class="case-form"
      aria-label={t("caseNew")}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await onSubmit(values).finally(() => setBusy(false));
        setErrors(result ?? {});
      }}
    >
      <div class="field" data-field="type">
        <label>
          <span>{t("caseType")}</span>
          <select
            value={values.type}
            onChange={(e) => set("type", e.currentTarget.value)}
            aria-invalid={Boolean(errors.type)}
          >
            <option value="">{t("caseTypeChoose")}</option>
            {CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(catalogKey(`afterSale.type.${type}`))}
              </option>
            ))}
          </select>
        </label>
        {error("type")}
      </div>
      {TEXT_FIELDS.map(({ name, label, inputMode }) => (
        <div key={name} class="field" data-field={name}>
          <label>
            <span>{t(label)}</span>
            <input
              name={name}
              inputMode={inputMode}
              value={values[name] ?? ""}
              aria-invalid={Boolean(errors[name])}
              onInput={(e) => set(name, e.currentTarget.value)}
            />
          </label>
          {error(name)}
        </div>
      ))}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t("caseOpen")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("fillInCancel")}
        </button>
      </div>
    </form>
  );
}
