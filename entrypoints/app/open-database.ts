/**
 * The full view opens on the week, whose first read waits for the database. Opening it takes
 * 50–70 ms in a new page here, spent waiting on the browser, not on this page (a trace: the page
 * sat idle between asking and the open's success). So the open starts as the page's first module
 * runs, while the rest load, run and draw the shell, and the week's read finds it open
 * (BENCHMARKS.md). Imported first by `main.tsx` for that reason. A failed open is the week's to
 * report: it asks `getDb` again and shows the error.
 */
import { getDb } from '@/lib/db/db';

getDb().catch(() => undefined);
