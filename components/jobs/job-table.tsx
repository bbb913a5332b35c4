import Link from "next/link";
import { formatTime } from "@/components/deliveries/format-time";
import { DataTable } from "@/components/ui/data-table";
import type { JobView } from "@/lib/jobs/to-job-view";
import { JobStatusBadge } from "./job-status-badge";

const columns = [
  { key: "job", header: "Job" },
  { key: "playbook", header: "Playbook", sortable: true },
  { key: "status", header: "Status", sortable: true },
  { key: "input", header: "Input" },
  { key: "created", header: "Created", sortable: true },
  { key: "by", header: "Started by" },
];

/** The newest jobs, each linking to its live page. */
export function JobTable({ jobs }: { jobs: JobView[] }) {
  return (
    <DataTable
      label="Jobs"
      columns={columns}
      caption="The 100 newest jobs."
      quickFilter="Filter by playbook, status or input"
      empty="No jobs yet. Start one above, with POST /api/v1/jobs, or from a webhook route."
      rows={jobs.map((job) => ({
        key: job.jobId,
        testId: `job-row-${job.jobId}`,
        filterText: `${job.playbook?.slug ?? ""} ${job.status} ${job.input}`.toLowerCase(),
        sortValues: { playbook: job.playbook?.name ?? "", status: job.status, created: job.createdAt },
        cells: {
          job: (
            <Link
              href={`/jobs/${job.jobId}`}
              className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
            >
              {job.jobId.slice(-12)}
            </Link>
          ),
          playbook: job.playbook?.name ?? "(deleted)",
          status: <JobStatusBadge status={job.status} />,
          input: <span className="line-clamp-1 max-w-xs text-xs">{job.input}</span>,
          created: formatTime(new Date(job.createdAt)),
          by: <span className="text-xs text-zinc-500">{job.createdBy}</span>,
        },
      }))}
    />
  );
}
