import type { Metadata } from "next";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { InviteUserForm } from "@/components/users/invite-user-form";
import { UserRowControls } from "@/components/users/user-row-controls";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };

const columns: DataTableColumn[] = [
  { key: "email", header: "Email", sortable: true },
  { key: "status", header: "Status", sortable: true },
  { key: "lastLogin", header: "Last sign-in", sortable: true },
  { key: "role", header: "Role and access", sortable: true },
];

export default async function UsersPage() {
  const actor = await requirePageActor("admin");
  const users = await listUsers({ actor });
  return (
    <>
      <PageHeader title="Users" description="Who can sign in to Orbit, and what each may do." />
      <div className="space-y-6">
        <Card title="Invite a user">
          <InviteUserForm />
        </Card>
        <Card title={`${users.length} users`}>
          <DataTable
            label="Users"
            quickFilter="Filter by email or name"
            columns={columns}
            empty="No users yet."
            rows={users.map((user) => ({
              key: user.id,
              testId: `user-row-${user.email}`,
              filterText: `${user.email} ${user.name ?? ""}`.toLowerCase(),
              sortValues: {
                email: user.email,
                status: user.disabled ? "disabled" : "active",
                lastLogin: user.lastLoginAt?.getTime() ?? null,
                role: user.role,
              },
              cells: {
                email: (
                  <>
                    <div className="font-medium">{user.email}</div>
                    {user.name ? <div className="text-xs text-zinc-500">{user.name}</div> : null}
                  </>
                ),
                status: (
                  <>
                    {user.disabled ? <Badge tone="red">disabled</Badge> : <Badge tone="green">active</Badge>}{" "}
                    {user.mustChangePassword ? <Badge tone="amber">temporary password</Badge> : null}
                  </>
                ),
                lastLogin: (
                  <span className="text-zinc-500">
                    {user.lastLoginAt?.toISOString().slice(0, 16).replace("T", " ") ?? "never"}
                  </span>
                ),
                role: (
                  <UserRowControls
                    userId={user.id}
                    email={user.email}
                    role={user.role}
                    disabled={user.disabled}
                  />
                ),
              },
            }))}
          />
        </Card>
      </div>
    </>
  );
}
