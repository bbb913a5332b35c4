import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/**
 * A chart in a card of fixed height (so a refresh or a different range never moves the page) with its text summary
 * linked as the figure's description for screen readers.
 */
export function ChartCard({
  id,
  title,
  summary,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  children: ReactNode;
}) {
  return (
    <Card title={title}>
      <figure aria-labelledby={`${id}-caption`} aria-describedby={`${id}-summary`} className="m-0">
        <figcaption id={`${id}-caption`} className="sr-only">
          {title}
        </figcaption>
        <div className="h-64 text-zinc-500" aria-hidden="true">
          {children}
        </div>
        <p id={`${id}-summary`} className="sr-only" data-testid={`${id}-summary`}>
          {summary}
        </p>
      </figure>
    </Card>
  );
}
