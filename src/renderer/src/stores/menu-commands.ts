import type { MenuCommand } from '@shared/contract';
import { api } from '../rpc/api';
import { useDesktopUiStore } from './desktop-ui';
import { useViewStore } from './view';

/** What each app menu command does in the window. */
export function runMenuCommand(cmd: MenuCommand): void {
  switch (cmd.type) {
    case 'showSettings':
      useViewStore.getState().showPage('settings');
      break;
    case 'importContexts':
      useDesktopUiStore.getState().openContexts();
      break;
  }
}

/** Listens to the app menu (Electron); in browser mode the stream stays silent. */
export function startMenuCommands(): void {
  api.app.menu({}, { onEvent: runMenuCommand, onEnd: () => undefined });
}
