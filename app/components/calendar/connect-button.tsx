import { Form, useNavigation } from "@remix-run/react";
import { CalendarPlus } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button, type ButtonProps } from "~/components/ui";

/**
 * Starts the Google consent flow. A real form post (reloadDocument): the server answers
 * with a redirect to Google and sets the nonce cookie, which a fetch could not follow.
 */
export function ConnectButton({
  staffId,
  label,
  className,
  variant = "primary",
}: {
  staffId: string | null;
  label: string;
  className?: string;
  variant?: ButtonProps["variant"];
}) {
  const { t } = useTranslation("calendar");
  const navigation = useNavigation();
  const busy =
    navigation.state !== "idle" &&
    navigation.formAction === "/oauth/google/start" &&
    navigation.formData?.get("staffId") === (staffId ?? "");
  return (
    <Form noValidate method="post" action="/oauth/google/start" reloadDocument className={className}>
      <input type="hidden" name="staffId" value={staffId ?? ""} />
      <Button type="submit" variant={variant} className="w-full sm:w-auto" loading={busy} loadingText={t("connecting")}>
        <CalendarPlus aria-hidden /> {label}
      </Button>
    </Form>
  );
}
