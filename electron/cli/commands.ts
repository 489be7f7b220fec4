// The table of `ansim` subcommands. One line per engine; the module is imported lazily.
import { registerCommand } from './ansim.js';

void registerCommand;
