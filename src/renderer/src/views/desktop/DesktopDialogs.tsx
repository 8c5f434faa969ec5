import { useDesktopUiStore } from '../../stores/desktop-ui';
import { useHostsStore } from '../../stores/hosts';
import { ExportContextDialog } from './ExportContextDialog';
import { ImportContextsDialog } from './ImportContextsDialog';

/** The desktop feature's dialogs, mounted once by Dialogs. */
export function DesktopDialogs() {
  const contextsOpen = useDesktopUiStore((s) => s.contextsOpen);
  const closeContexts = useDesktopUiStore((s) => s.closeContexts);
  const exportHostId = useDesktopUiStore((s) => s.exportHostId);
  const askExport = useDesktopUiStore((s) => s.askExport);
  const exportHost = useHostsStore((s) => s.hosts.find((h) => h.id === exportHostId));
  return (
    <>
      {contextsOpen && <ImportContextsDialog onClose={closeContexts} />}
      {exportHost && (
        <ExportContextDialog key={exportHost.id} host={exportHost} onClose={() => askExport(undefined)} />
      )}
    </>
  );
}
