import type { Metadata } from "next";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { InviteUserForm } from "@/components/users/invite-user-form";
import { UserRowControls } from "@/components/users/user-row-controls";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };

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
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-500">
                <tr>
                  <th className="py-2 pr-4">Email</th>
                  <th className="py-2 pr-4">Status</th>
                  <th className="py-2 pr-4">Last sign-in</th>
                  <th className="py-2">Role and access</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {users.map((user) => (
                  <tr key={user.id} data-testid={`user-row-${user.email}`}>
                    <td className="py-2 pr-4">
                      <div className="font-medium">{user.email}</div>
                      {user.name ? <div className="text-xs text-zinc-500">{user.name}</div> : null}
                    </td>
                    <td className="py-2 pr-4">
                      {user.disabled ? (
                        <Badge tone="red">disabled</Badge>
                      ) : (
                        <Badge tone="green">active</Badge>
                      )}{" "}
                      {user.mustChangePassword ? <Badge tone="amber">temporary password</Badge> : null}
                    </td>
                    <td className="py-2 pr-4 text-zinc-500">
                      {user.lastLoginAt?.toISOString().slice(0, 16).replace("T", " ") ?? "never"}
                    </td>
                    <td className="py-2">
                      <UserRowControls
                        userId={user.id}
                        email={user.email}
                        role={user.role}
                        disabled={user.disabled}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
