// The batch screening page's progress bar: polls the screening's status endpoint and moves the bar;
// when the screening is done, the page is loaded again to show the report and its downloads.
const bar = document.getElementById('screening-progress') as HTMLProgressElement | null;
const count = document.getElementById('screening-count');
const statusUrl = bar?.dataset['status'];

interface Status {
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
}

async function poll(): Promise<void> {
  if (!bar || !statusUrl) return;
  try {
    const response = await fetch(statusUrl, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (response.ok) {
      const s = (await response.json()) as Status;
      bar.max = Math.max(s.total, 1);
      bar.value = s.done;
      const template = count?.dataset['template'];
      if (count && template) count.textContent = template.replace('{done}', String(s.done)).replace('{total}', String(s.total));
      if (s.status !== 'running') {
        window.location.reload();
        return;
      }
    }
  } catch {
    // A missed poll is retried with the next one.
  }
  window.setTimeout(() => void poll(), 500);
}

void poll();
