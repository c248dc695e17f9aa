// The task pane's entry: wait for Office, read the host's language and theme through the port,
// build the add-in over the real Excel port and window.fetch, and render the pane. If Office
// never comes (the page opened in a plain browser tab), say so in both languages.
import { createRoot } from 'react-dom/client';
import { createAddinApp } from './app';
import { waitForOffice } from './excel/office-boot';
import { createOfficePort } from './excel/office-port';
import { TaskPane } from './ui/task-pane';
import { pickThemeName } from './ui/theme';

async function start(container: HTMLElement): Promise<void> {
  await waitForOffice();
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

function showStartFailure(container: HTMLElement, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const paragraph = document.createElement('p');
  paragraph.setAttribute('role', 'alert');
  paragraph.style.cssText = 'margin:16px;font:14px "Segoe UI",sans-serif;color:#a4262c';
  paragraph.textContent = message;
  container.replaceChildren(paragraph);
}

const container = document.getElementById('root');
if (container) {
  start(container).catch((error: unknown) => {
    showStartFailure(container, error);
  });
}
