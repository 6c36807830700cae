import { useMemo, useState } from 'react';
import memoizeOne from 'memoize-one';

export interface Ticket {
  id: number;
  title: string;
  status: 'open' | 'pending' | 'closed';
  assignee?: string;
}

interface Filter {
  status?: Ticket['status'];
  query: string;
}

const filterTickets = memoizeOne((tickets: Ticket[], filter: Filter) => {
  const q = filter.query.trim().toLowerCase();
  return tickets.filter(
    (t) => (!filter.status || t.status === filter.status) && (!q || t.title.toLowerCase().includes(q)),
  );
});

export function useFilteredTickets(tickets: Ticket[]) {
  const [status, setStatus] = useState<Ticket['status'] | undefined>();
  const [query, setQuery] = useState('');

  const visible = filterTickets(tickets, { status, query }); // expect: no-unhashable-args

  const counts = useMemo(() => {
    const byStatus = { open: 0, pending: 0, closed: 0 };
    for (const t of tickets) byStatus[t.status]++;
    return byStatus;
  }, [tickets]);

  return { visible, counts, status, setStatus, query, setQuery };
}

export function TicketCounter({ tickets }: { tickets: Ticket[] }) {
  const { counts } = useFilteredTickets(tickets);
  return (
    <p>
      {counts.open} open · {counts.pending} pending · {counts.closed} closed
    </p>
  );
}
