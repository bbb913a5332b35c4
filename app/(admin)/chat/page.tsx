import type { Metadata } from "next";
import { ChatConsole } from "@/components/chat/chat-console";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listChatTargets } from "@/lib/chat/list-chat-targets";

export const metadata: Metadata = { title: "Chat" };

export default async function ChatPage() {
  const actor = await requirePageActor("operator");
  const targets = await listChatTargets({ actor });
  return (
    <>
      <PageHeader
        title="Chat"
        description="Test an integration as its platform would (signed, through its webhook URL), or call one tool directly."
      />
      <ChatConsole targets={targets} />
    </>
  );
}
