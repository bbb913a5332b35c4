import { redirect } from "next/navigation";

// The overview with KPIs arrives with the control-plane issue; until then the registry is the home page.
export default function HomePage() {
  redirect("/servers");
}
