import type { Metadata } from "next";
import { ConfigVersionList } from "@/components/settings/config-version-list";
import { SettingsForm } from "@/components/settings/settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getConfigStore } from "@/lib/config/get-config-store";
import { listConfigVersions } from "@/lib/config/list-config-versions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor("viewer");
  const store = getConfigStore();
  // Fresh from the database, not this instance's copy: the page shows what was saved last.
  const [config, versions] = await Promise.all([store.refresh(), listConfigVersions({ actor })]);
  const canEdit = actor.role === "admin";
  return (
    <>
      <PageHeader
        title="Settings"
        description={`Hot configuration, version ${config.version}. The environment gives the defaults; a save applies on every instance within 5 seconds, without a restart.`}
      />
      <div className="space-y-6">
        <SettingsForm
          key={config.version}
          settings={config.settings}
          defaults={store.defaults()}
          version={config.version}
          canEdit={canEdit}
        />
        <Card title="History">
          <ConfigVersionList versions={versions} current={config.version} canEdit={canEdit} />
        </Card>
      </div>
    </>
  );
}
