// Entry of the backend utility process (utilityProcess.fork): SQLite, files and every API
// handler run here, so the window's main process never stalls on I/O.
import { openBackend } from '../backend/backend.js';
import { runBackendService } from './backend-service.js';
import type { FromBackend, ToBackend } from './relay-protocol.js';

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parentPort) {
  process.stderr.write('backend-process: must be started by the desktop app (utilityProcess.fork)\n');
  process.exit(2);
}

const service = runBackendService(
  {
    postMessage: (m: FromBackend) => parentPort.postMessage(m),
    onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as ToBackend)),
  },
  openBackend,
  () => process.exit(0),
);

// Main sends `shutdown` on quit; a plain SIGTERM (e.g. from the OS) also closes the database first.
process.on('SIGTERM', () => {
  service.close().finally(() => process.exit(0));
});
