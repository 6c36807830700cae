import { useMemo, useState } from 'react';
import memoizeOne from 'memoize-one';

export interface Column<Row> {
  key: keyof Row & string;
  label: string;
  width?: number;
}

export function createTable<Row extends { id: string }>(allColumns: Column<Row>[]) {
  const pickColumns = memoizeOne((keys: string[]) => allColumns.filter((c) => keys.includes(c.key)));

  function Table({ rows, compact = false }: { rows: Row[]; compact?: boolean }) {
    const [sortKey, setSortKey] = useState<keyof Row & string>(allColumns[0].key);
    const columns = compact ? pickColumns(['id', 'name', 'status']) : allColumns; // expect: no-unhashable-args
    const sorted = useMemo(
      () => [...rows].sort((a, b) => String(a[sortKey]).localeCompare(String(b[sortKey]))),
      [rows, sortKey],
    );

    return (
      <table className={compact ? 'table compact' : 'table'}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} style={{ width: c.width }} onClick={() => setSortKey(c.key)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <td key={c.key}>{String(row[c.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return Table;
}
