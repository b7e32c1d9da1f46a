import { MessagesSquare } from "lucide-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";

/** Wide screens: the right-hand pane before a thread is chosen (phones show only the list). */
export default function InboxPickThread() {
  const { t } = useTranslation("inbox");
  return (
    <EmptyState
      icon={<MessagesSquare />}
      title={t("pickThread.title")}
      description={t("pickThread.body")}
      className="hidden h-full lg:flex"
    />
  );
}
