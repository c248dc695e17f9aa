// The task pane's entry: wait for Office, read the host's language and theme through the port,
// build the add-in over the real Excel port and window.fetch, and render the pane. If Office
// never comes, or the page runs outside Excel (a plain browser tab), say so instead.
import { createRoot } from 'react-dom/client';
import { createAddinApp } from './app';
import { isExcelHost, waitForOffice } from './excel/office-boot';
import { pickLocale } from '../shared/locale';
import { createOfficePort } from './excel/office-port';
import { stringsFor } from './ui/strings';
import { TaskPane } from './ui/task-pane';
import { pickThemeName } from './ui/theme';

async function start(container: HTMLElement): Promise<void> {
  const host = await waitForOffice();
  // In a plain browser tab office.js loads but there is no workbook: say where to open the pane.
  if (!isExcelHost(host)) throw new Error(notInExcel(navigator.language));
  const port = createOfficePort();
  const environment = await port.readEnvironment();
  const app = createAddinApp({ port, environment });
  await app.ready?.();
  createRoot(container).render(
    <TaskPane
      app={app}
      theme={pickThemeName(environment.theme)}
      defaultServerUrl={window.location.origin}
    />,
  );
}

/** The sentence for a page opened outside Excel, in the browser's language. */
function notInExcel(language: string): string {
  return stringsFor(pickLocale(language)).notInExcel;
}

function showStartFailure(container: HTMLElement, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const heading = document.createElement('h1');
  heading.style.cssText = 'margin:16px;font:600 16px "Segoe UI",sans-serif';
  heading.textContent = 'Sales Sync 销管同步';
  const paragraph = document.createElement('p');
  paragraph.setAttribute('role', 'alert');
  paragraph.style.cssText = 'margin:16px;font:14px "Segoe UI",sans-serif;color:#a4262c';
  paragraph.textContent = message;
  const main = document.createElement('main');
  main.append(heading, paragraph);
  container.replaceChildren(main);
}

const container = document.getElementById('root');
if (container) {
  start(container).catch((error: unknown) => {
    showStartFailure(container, error);
  });
}
