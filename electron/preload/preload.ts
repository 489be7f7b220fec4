// Sandboxed preload (bundled to one CommonJS file): exposes `window.ansim` = { platform, call }
// and nothing else. The allow-list arrives from main through process.argv (see allow-list.ts);
// main checks the method and the sender again, so this is the first of two gates.
import { contextBridge, ipcRenderer } from 'electron';
import { readMethodsArg } from './allow-list.js';
import { makeBridge } from './bridge.js';

const allowed = readMethodsArg(process.argv);
contextBridge.exposeInMainWorld(
  'ansim',
  makeBridge(allowed, ((channel: string, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as never),
);
