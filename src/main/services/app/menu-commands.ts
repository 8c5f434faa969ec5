import type { MenuCommand } from '@shared/contract';

/** Fans the app menu's commands out to every window listening (app.menu). */
export class MenuCommands {
  private readonly listeners = new Set<(cmd: MenuCommand) => void>();

  subscribe(fn: (cmd: MenuCommand) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(cmd: MenuCommand): void {
    for (const fn of this.listeners) fn(cmd);
  }
}
